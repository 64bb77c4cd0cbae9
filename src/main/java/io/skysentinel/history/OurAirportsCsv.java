package io.skysentinel.history;

import io.skysentinel.core.Airport;
import io.skysentinel.core.Csv;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads OurAirports' airports.csv (header: id,ident,type,name,latitude_deg,longitude_deg,elevation_ft,continent,
 * iso_country,iso_region,municipality,scheduled_service,icao_code,iata_code,gps_code,local_code,home_link,
 * wikipedia_link,keywords). The key is icao_code, else ident when it looks like an ICAO code (4 letters/digits).
 * Closed airports and rows without a usable key or position are skipped and counted.
 */
public final class OurAirportsCsv {

    public record Result(List<Airport> airports, int skipped) {}

    public static Result read(BufferedReader in) throws IOException {
        String header = in.readLine();
        if (header == null) throw new IOException("empty file: no header row");
        Map<String, Integer> col = new HashMap<>();
        List<String> names = Csv.split(header.replace("\uFEFF", ""));
        for (int i = 0; i < names.size(); i++) col.put(names.get(i).strip(), i);
        for (String need :
                List.of("ident", "type", "name", "latitude_deg", "longitude_deg", "continent", "iso_country"))
            if (!col.containsKey(need))
                throw new IOException("not an OurAirports airports.csv: no '" + need + "' column");
        List<Airport> out = new ArrayList<>();
        int skipped = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isBlank()) continue;
            Airport a = airport(Csv.split(line), col);
            if (a == null) skipped++;
            else out.add(a);
        }
        return new Result(out, skipped);
    }

    private static Airport airport(List<String> f, Map<String, Integer> col) {
        try {
            if ("closed".equals(get(f, col, "type"))) return null;
            String icao = get(f, col, "icao_code");
            if (icao == null) {
                String ident = get(f, col, "ident");
                icao = ident != null && ident.matches("[A-Za-z0-9]{4}") ? ident : null;
            }
            if (icao == null) return null;
            String elevation = get(f, col, "elevation_ft");
            double elevationM = elevation == null ? Double.NaN : Double.parseDouble(elevation) * 0.3048;
            return new Airport(
                    icao.toUpperCase(Locale.ROOT),
                    get(f, col, "iata_code"),
                    get(f, col, "name"),
                    Double.parseDouble(get(f, col, "latitude_deg")),
                    Double.parseDouble(get(f, col, "longitude_deg")),
                    elevationM,
                    get(f, col, "iso_country"),
                    get(f, col, "continent"));
        } catch (RuntimeException e) { // bad number, missing name, position out of range
            return null;
        }
    }

    private static String get(List<String> f, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        if (i == null || i >= f.size()) return null;
        String v = f.get(i).strip();
        return v.isEmpty() ? null : v;
    }
}
