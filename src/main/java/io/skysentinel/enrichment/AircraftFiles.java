package io.skysentinel.enrichment;

import io.skysentinel.core.Csv;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Reads the aircraft databases people have into a {@link AircraftDatabase.Builder}, plain or gzip'ed, the format told
 * by the first line (docs/enrichment.md#formats): VRS standing data ({@code ICAO,Registration,ModelICAO,…}), OpenSky's
 * {@code aircraftDatabase.csv} (a header naming {@code icao24}, {@code registration}, {@code typecode}, quoted with
 * {@code "} or {@code '}), FlightAware's export ({@code icao24,r,t,desc}) and tar1090/readsb's {@code aircraft.csv}
 * (no header, {@code ;}-separated: icao24, registration, type, flags, description, year, owner/operator). A row that
 * cannot be read is skipped and counted, never fatal.
 */
public final class AircraftFiles {

    /** What one file gave: its format, rows stored and rows skipped. */
    public record Report(String format, long rows, long skipped) {}

    private AircraftFiles() {}

    public static Report readAircraft(InputStream in, AircraftDatabase.Builder into) throws IOException {
        try (BufferedReader r = reader(in)) {
            String first = r.readLine();
            if (first == null) return new Report("empty", 0, 0);
            first = first.replace("\uFEFF", "");
            if (first.startsWith("ICAO,Registration,ModelICAO")) return vrs(first, r, into);
            if (first.startsWith("icao24,r,t")) return header("flightaware", first, ',', '"', r, into);
            String lower = first.toLowerCase(Locale.ROOT);
            if (lower.contains("icao24") && lower.contains("registration") && lower.contains("typecode"))
                return header("opensky", first, ',', first.startsWith("'") ? '\'' : '"', r, into);
            if (first.contains(";")) return tar1090(first, r, into);
            throw new IOException("unknown aircraft database format; first line: "
                    + first.substring(0, Math.min(80, first.length())));
        }
    }

    private static Report vrs(String header, BufferedReader r, AircraftDatabase.Builder into) throws IOException {
        Columns c = new Columns(Csv.split(header));
        long ok = 0, bad = 0;
        for (String line; (line = r.readLine()) != null; ) {
            if (line.isBlank()) continue;
            List<String> v = Csv.split(line);
            boolean stored = into.aircraft(
                    c.get(v, "ICAO"),
                    c.get(v, "Registration"),
                    c.get(v, "ModelICAO"),
                    c.get(v, "Manufacturer"),
                    c.get(v, "Model"),
                    c.get(v, "Operator"),
                    c.get(v, "AirlineCode"),
                    c.get(v, "YearBuilt"));
            if (stored) ok++;
            else bad++;
        }
        return new Report("vrs", ok, bad);
    }

    /** FlightAware ({@code icao24,r,t,desc}) and OpenSky (named columns), by header. */
    private static Report header(
            String format, String header, char sep, char quote, BufferedReader r, AircraftDatabase.Builder into)
            throws IOException {
        Columns c = new Columns(Csv.split(header, sep, quote));
        long ok = 0, bad = 0;
        for (String line; (line = r.readLine()) != null; ) {
            if (line.isBlank()) continue;
            List<String> v = Csv.split(line, sep, quote);
            boolean stored = format.equals("flightaware")
                    ? into.aircraft(c.get(v, "icao24"), c.get(v, "r"), c.get(v, "t"), null, null, null, null, null)
                    : into.aircraft(
                            c.get(v, "icao24"),
                            c.get(v, "registration"),
                            c.get(v, "typecode"),
                            c.get(v, "manufacturername"),
                            c.get(v, "model"),
                            c.get(v, "operator"),
                            c.get(v, "operatoricao"),
                            year(c.get(v, "built")));
            if (stored) ok++;
            else bad++;
        }
        return new Report(format, ok, bad);
    }

    private static Report tar1090(String first, BufferedReader r, AircraftDatabase.Builder into) throws IOException {
        long ok = 0, bad = 0;
        for (String line = first; line != null; line = r.readLine()) {
            if (line.isBlank()) continue;
            List<String> v = Csv.split(line, ';', '"');
            String ownOp = v.size() > 6 ? v.get(6) : null;
            String yr = v.size() > 5 ? v.get(5) : null;
            if (v.size() >= 3 && into.aircraft(v.get(0), v.get(1), v.get(2), null, null, ownOp, null, yr)) ok++;
            else bad++;
        }
        return new Report("tar1090", ok, bad);
    }

    /** VRS model types: the first active row of a designator wins (a designator has a row per model name). */
    public static Report readTypes(InputStream in, AircraftDatabase.Builder into) throws IOException {
        try (BufferedReader r = reader(in)) {
            String header = r.readLine();
            if (header == null) return new Report("empty", 0, 0);
            Columns c = new Columns(Csv.split(header.replace("\uFEFF", "")));
            List<List<String>> inactive = new java.util.ArrayList<>();
            long ok = 0;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) continue;
                List<String> v = Csv.split(line);
                if ("0".equals(c.get(v, "IsActive"))) inactive.add(v);
                else if (type(c, v, into)) ok++;
            }
            for (List<String> v : inactive) if (type(c, v, into)) ok++; // designators with no active row
            return new Report("vrs-model-types", ok, 0);
        }
    }

    private static boolean type(Columns c, List<String> v, AircraftDatabase.Builder into) {
        String code = AircraftDatabase.Builder.upper(c.get(v, "ICAO"));
        if (code == null) return false;
        String engines = AircraftDatabase.Builder.clean(c.get(v, "Engines"));
        into.type(new AircraftType(
                code,
                AircraftDatabase.Builder.clean(c.get(v, "Manufacturer")),
                AircraftDatabase.Builder.clean(c.get(v, "Model")),
                engines != null && engines.matches("\\d{1,2}") ? Integer.valueOf(engines) : null,
                AircraftType.engineType(nz(c.get(v, "EngineTypeCode"))),
                AircraftType.species(nz(c.get(v, "SpeciesCode"))),
                AircraftDatabase.Builder.upper(c.get(v, "WakeTurbulenceCode"))));
        return true;
    }

    /** VRS airlines ({@code Code,Name,ICAO,IATA,…}). */
    public static Report readAirlines(InputStream in, AircraftDatabase.Builder into) throws IOException {
        try (BufferedReader r = reader(in)) {
            String header = r.readLine();
            if (header == null) return new Report("empty", 0, 0);
            Columns c = new Columns(Csv.split(header.replace("\uFEFF", "")));
            long ok = 0;
            for (String line; (line = r.readLine()) != null; ) {
                List<String> v = Csv.split(line);
                String icao = c.get(v, "ICAO");
                if (icao != null && !icao.isBlank()) {
                    into.airline(icao, c.get(v, "Name"));
                    ok++;
                }
            }
            return new Report("vrs-airlines", ok, 0);
        }
    }

    /** {@code 2004-01-01} or {@code 2004} → {@code 2004}. */
    private static String year(String built) {
        return built == null || built.length() < 4 ? null : built.substring(0, 4);
    }

    private static String nz(String v) {
        return v == null ? "" : v;
    }

    /** Gunzips when the stream starts with gzip's magic bytes. */
    private static BufferedReader reader(InputStream in) throws IOException {
        BufferedInputStream b = new BufferedInputStream(in, 1 << 16);
        b.mark(2);
        int m1 = b.read(), m2 = b.read();
        b.reset();
        InputStream body = m1 == 0x1f && m2 == 0x8b ? new GZIPInputStream(b, 1 << 16) : b;
        return new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16);
    }

    /** Cells by header name (case-insensitive); null when the row is short or the column absent. */
    private static final class Columns {
        private final java.util.Map<String, Integer> index = new java.util.HashMap<>();

        Columns(List<String> names) {
            for (int i = 0; i < names.size(); i++)
                index.putIfAbsent(names.get(i).strip().toLowerCase(Locale.ROOT), i);
        }

        String get(List<String> row, String name) {
            Integer i = index.get(name.toLowerCase(Locale.ROOT));
            return i == null || i >= row.size() ? null : row.get(i);
        }
    }
}
