package io.skysentinel.atc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * VAT-Spy's {@code VATSpy.dat}: pipe-separated rows in {@code [Countries]}, {@code [Airports]}, {@code [FIRs]} and
 * {@code [UIRs]} sections; {@code ;} starts a comment line. Other sections ({@code [IDL]}) are skipped. A row with
 * too few fields or an unreadable coordinate is skipped and counted, never fatal: the file is community-edited.
 *
 * @param skippedRows data rows that could not be read
 */
public record VatSpyData(
        List<Country> countries, List<Airport> airports, List<Fir> firs, List<Uir> uirs, int skippedRows) {

    /** {@code Australia|YM|Centre}: the word a country's radar positions use (often empty). */
    public record Country(String name, String icaoPrefix, String radarWord) {}

    /**
     * {@code EGLL|London Heathrow|51.4775|-0.461389|LHR|EGTT|0}.
     *
     * @param iataLid the IATA code or a local (FAA) identifier a callsign may use instead of the ICAO, or null
     * @param pseudo  {@code IsPseudo=1}: not an airport but a callsign prefix placed at a point (e.g. {@code SOLENT})
     */
    public record Airport(
            String icao, String name, double lat, double lon, String iataLid, String fir, boolean pseudo) {}

    /**
     * {@code KZNY|New York|NY|KZNY}.
     *
     * @param prefix     the callsign prefix as written; empty in 281 rows, where the ICAO is the prefix
     * @param boundaryId the {@code Boundaries.geojson} feature id of its outline
     */
    public record Fir(String icao, String name, String prefix, String boundaryId) {
        /** The prefix a {@code _CTR} callsign starts with: the prefix field, or the ICAO when that is empty. */
        public String callsignPrefix() {
            return prefix.isEmpty() ? icao : prefix;
        }
    }

    /** {@code RU-CEN|Asia-Center|UATT,UACN,…}: the prefix, its name and its member FIRs (ICAO or boundary ids). */
    public record Uir(String prefix, String name, List<String> firs) {}

    public VatSpyData {
        countries = List.copyOf(countries);
        airports = List.copyOf(airports);
        firs = List.copyOf(firs);
        uirs = List.copyOf(uirs);
    }

    public static VatSpyData parse(BufferedReader in) {
        Rows rows = new Rows();
        String section = "";
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith(";")) continue;
                if (l.startsWith("[") && l.endsWith("]")) {
                    section = l.substring(1, l.length() - 1).toLowerCase(Locale.ROOT);
                    continue;
                }
                rows.add(section, l.split("\\|", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new VatSpyData(rows.countries, rows.airports, rows.firs, rows.uirs, rows.skipped);
    }

    /** The rows read so far, by section. */
    private static final class Rows {
        final List<Country> countries = new ArrayList<>();
        final List<Airport> airports = new ArrayList<>();
        final List<Fir> firs = new ArrayList<>();
        final List<Uir> uirs = new ArrayList<>();
        int skipped;

        void add(String section, String[] f) {
            try {
                switch (section) {
                    case "countries" -> countries.add(new Country(f[0], f[1], f.length > 2 ? f[2] : ""));
                    case "airports" -> airports.add(airport(f));
                    case "firs" -> firs.add(new Fir(f[0].strip(), f[1], f[2].strip(), f[3].strip()));
                    case "uirs" -> uirs.add(new Uir(f[0].strip(), f[1], members(f[2])));
                    default -> {} // [IDL] (the date line for drawing) and anything new: not ours
                }
            } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
                skipped++;
            }
        }

        private static Airport airport(String[] f) {
            double lat = Double.parseDouble(f[2]);
            double lon = Double.parseDouble(f[3]);
            if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) throw new IllegalArgumentException("out of range");
            String lid = f[4].strip();
            return new Airport(
                    f[0].strip(), f[1], lat, lon, lid.isEmpty() ? null : lid, f[5].strip(), "1".equals(f[6].strip()));
        }

        private static List<String> members(String field) {
            return Arrays.stream(field.split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList();
        }
    }
}
