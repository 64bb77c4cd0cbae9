package io.skysentinel.atc;

import io.skysentinel.core.Airport;
import io.skysentinel.core.AirportCatalog;
import io.skysentinel.core.Csv;
import io.skysentinel.core.Geo;
import io.skysentinel.core.GridAirportCatalog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The ~34k airports of the VRS standing data (CC0; {@code reference/airports-vrs-standing-data.csv.gz}) with their
 * elevation: what a network source needs to tell a parked pilot from a flying one anywhere, and what the ATC areas
 * endpoint serves as {@code airport} points. Deliberately not an {@link AirportCatalog} bean itself (a second one
 * would break injection by type): {@link #catalog()} hands the catalog to whoever is wired with it.
 */
public final class ReferenceAirports {

    private record Table(GridAirportCatalog catalog, int skippedRows) {}

    private final CompletableFuture<Table> table;
    private final CompletableFuture<ReferenceAirports> ready;
    private final AirportCatalog view;

    private ReferenceAirports(CompletableFuture<Table> loading) {
        this.table = loading.exceptionally(e -> new Table(GridAirportCatalog.empty(), 0));
        // from table, not loading: a callback on ready may read the table, which must be complete by then
        this.ready = table.thenCompose(t -> loading.thenApply(x -> this));
        this.view = new Waiting();
    }

    /** The shipped table, read now. */
    public static ReferenceAirports load() {
        return new ReferenceAirports(CompletableFuture.completedFuture(read()));
    }

    /**
     * Starts reading the shipped table on a daemon thread and returns at once (it takes seconds on a cold JVM beside
     * the rest of the start); the first lookup waits for it. Unreadable (a broken jar): no airports, and
     * {@link #ready()} completes exceptionally.
     */
    public static ReferenceAirports loadInBackground() {
        CompletableFuture<Table> loading = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("reference-airports-load").start(() -> {
            try {
                loading.complete(read());
            } catch (RuntimeException | Error e) {
                loading.completeExceptionally(e);
            }
        });
        return new ReferenceAirports(loading);
    }

    /** Reads a table in the VRS layout. */
    public static ReferenceAirports parse(BufferedReader in) throws IOException {
        return new ReferenceAirports(CompletableFuture.completedFuture(table(in)));
    }

    private static Table read() {
        try (BufferedReader in = ReferenceFiles.open(ReferenceFiles.VRS_AIRPORTS)) {
            return table(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Completes when the table is loaded (exceptionally when it could not be). */
    public CompletableFuture<ReferenceAirports> ready() {
        return ready;
    }

    /**
     * Columns {@code Code,Name,ICAO,IATA,Location,CountryISO2,Latitude,Longitude,AltitudeFeet}, found by the header.
     * Rows without an ICAO code (13 in the shipped file), with a position out of range or a repeated ICAO are skipped
     * and counted; an empty altitude is an unknown elevation (NaN).
     */
    private static Table table(BufferedReader in) throws IOException {
        String header = in.readLine();
        if (header == null) throw new IOException("empty airports table");
        Map<String, Integer> col = new HashMap<>();
        List<String> names = Csv.split(header.replace("\uFEFF", ""));
        for (int i = 0; i < names.size(); i++) col.put(names.get(i).strip(), i);
        for (String need : List.of("Name", "ICAO", "IATA", "CountryISO2", "Latitude", "Longitude", "AltitudeFeet")) {
            if (!col.containsKey(need)) throw new IOException("airports table has no column " + need);
        }
        List<Airport> airports = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        int skipped = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isBlank()) continue;
            Airport a = row(Csv.split(line), col);
            if (a == null || !seen.add(a.icao())) skipped++;
            else airports.add(a);
        }
        return new Table(new GridAirportCatalog(airports), skipped);
    }

    private static Airport row(List<String> c, Map<String, Integer> col) {
        try {
            String icao = cell(c, col, "ICAO");
            if (icao == null) return null;
            String feet = cell(c, col, "AltitudeFeet");
            return new Airport(
                    icao.toUpperCase(Locale.ROOT),
                    cell(c, col, "IATA"),
                    cell(c, col, "Name") == null ? icao : cell(c, col, "Name"),
                    Double.parseDouble(cell(c, col, "Latitude")),
                    Double.parseDouble(cell(c, col, "Longitude")),
                    feet == null ? Double.NaN : Double.parseDouble(feet) * Geo.FEET,
                    cell(c, col, "CountryISO2"),
                    null); // the table has no continent column
        } catch (RuntimeException e) { // short row, unreadable number, position out of range
            return null;
        }
    }

    private static String cell(List<String> c, Map<String, Integer> col, String name) {
        int i = col.get(name);
        if (i >= c.size()) return null;
        String s = c.get(i).strip();
        return s.isEmpty() ? null : s;
    }

    /** The airports as a catalog: find by ICAO or IATA, nearest on a 1° grid; waits for the table on first use. */
    public AirportCatalog catalog() {
        return view;
    }

    public int size() {
        return table.join().catalog().all().size();
    }

    public int skippedRows() {
        return table.join().skippedRows();
    }

    /** The catalog once loaded: a lookup before that waits for the loading thread. */
    private final class Waiting implements AirportCatalog {
        @Override
        public List<Airport> all() {
            return table.join().catalog().all();
        }

        @Override
        public Optional<Airport> find(String code) {
            return table.join().catalog().find(code);
        }

        @Override
        public Optional<Nearby> nearest(double lat, double lon, double maxDistanceM) {
            return table.join().catalog().nearest(lat, lon, maxDistanceM);
        }
    }
}
