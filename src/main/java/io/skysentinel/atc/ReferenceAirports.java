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

/**
 * The ~34k airports of the VRS standing data (CC0; {@code reference/airports-vrs-standing-data.csv.gz}) with their
 * elevation: what a network source needs to tell a parked pilot from a flying one anywhere, and what the ATC areas
 * endpoint serves as {@code airport} points. Deliberately not an {@link AirportCatalog} bean itself (a second one
 * would break injection by type): {@link #catalog()} hands the catalog to whoever is wired with it.
 */
public final class ReferenceAirports {

    private final GridAirportCatalog catalog;
    private final int skippedRows;

    private ReferenceAirports(GridAirportCatalog catalog, int skippedRows) {
        this.catalog = catalog;
        this.skippedRows = skippedRows;
    }

    /** The shipped table. */
    public static ReferenceAirports load() {
        try (BufferedReader in = ReferenceFiles.open(ReferenceFiles.VRS_AIRPORTS)) {
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Columns {@code Code,Name,ICAO,IATA,Location,CountryISO2,Latitude,Longitude,AltitudeFeet}, found by the header.
     * Rows without an ICAO code (13 in the shipped file), with a position out of range or a repeated ICAO are skipped
     * and counted; an empty altitude is an unknown elevation (NaN).
     */
    public static ReferenceAirports parse(BufferedReader in) throws IOException {
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
        return new ReferenceAirports(new GridAirportCatalog(airports), skipped);
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

    /** The airports as a catalog: find by ICAO or IATA, nearest on a 1° grid. */
    public AirportCatalog catalog() {
        return catalog;
    }

    public int size() {
        return catalog.all().size();
    }

    public int skippedRows() {
        return skippedRows;
    }
}
