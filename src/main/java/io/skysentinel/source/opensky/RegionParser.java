package io.skysentinel.source.opensky;

import io.skysentinel.core.Airport;
import io.skysentinel.core.AirportCatalog;
import io.skysentinel.core.CreditReporting.Region;
import io.skysentinel.core.GridAirportCatalog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and checks the compact region form used by the {@code OPENSKY_REGIONS} environment variable:
 * {@code name:lamin,lomin,lamax,lomax;name2:...}, each entry optionally followed by {@code @weight} (default 1), and
 * {@code name:ICAO+Nkm} for a box reaching N km north, south, east and west of an airport. Messages name the
 * offending entry so a typo in a deployment manifest is found without reading code. Pure: the airport catalog is
 * passed in.
 */
public final class RegionParser {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern AIRPORT = Pattern.compile("([A-Za-z0-9]{3,4})\\s*\\+\\s*([0-9]+(?:\\.[0-9]+)?)\\s*km");
    /** Kilometres per degree of latitude (mean Earth radius 6,371 km). */
    private static final double KM_PER_DEG = 6_371.0 * Math.PI / 180;

    private RegionParser() {}

    /** An empty or blank string, or "world", gives an empty list, which means "whole world, no box". */
    public static List<Region> parse(String spec) {
        return parse(spec, GridAirportCatalog.empty()).stream()
                .map(WeightedRegion::region)
                .toList();
    }

    /** True when the spec has an airport-centred entry, which needs {@link #parse(String, AirportCatalog)}. */
    public static boolean needsAirports(String spec) {
        return spec != null && AIRPORT.matcher(spec).find();
    }

    /** The compact form with weights; airport entries are resolved against {@code airports}. */
    public static List<WeightedRegion> parse(String spec, AirportCatalog airports) {
        if (spec == null || spec.isBlank() || spec.strip().equalsIgnoreCase("world")) return List.of();
        List<WeightedRegion> regions = new ArrayList<>();
        for (String entry : spec.split(";")) {
            if (entry.isBlank()) continue; // tolerate a trailing ';'
            regions.add(parseEntry(entry.strip(), airports));
        }
        validate(regions.stream().map(WeightedRegion::region).toList());
        return List.copyOf(regions);
    }

    private static WeightedRegion parseEntry(String entry, AirportCatalog airports) {
        int colon = entry.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("region '" + entry + "' must look like name:lamin,lomin,lamax,lomax");
        }
        String name = entry.substring(0, colon).strip();
        String body = entry.substring(colon + 1).strip();
        double weight = 1;
        int at = body.lastIndexOf('@');
        if (at >= 0) {
            String w = body.substring(at + 1).strip();
            try {
                weight = Double.parseDouble(w);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("region '" + name + "': weight '" + w + "' is not a number");
            }
            body = body.substring(0, at).strip();
        }
        Matcher airport = AIRPORT.matcher(body);
        Region box = airport.matches()
                ? aroundAirport(name, airport.group(1), Double.parseDouble(airport.group(2)), airports)
                : parseBox(name, body);
        return new WeightedRegion(box, weight);
    }

    /** A box reaching {@code km} from the airport each way, clipped to the valid lat/lon range. */
    static Region aroundAirport(String name, String code, double km, AirportCatalog airports) {
        Airport a = airports.find(code)
                .orElseThrow(() -> new IllegalArgumentException(
                        "region '" + name + "': airport '" + code + "' is not in the airport catalog"));
        if (!(km > 0)) throw new IllegalArgumentException("region '" + name + "': radius " + km + " km must be > 0");
        double dLat = km / KM_PER_DEG;
        // at the poles a degree of longitude is no distance at all: cap the east-west reach at the whole circle
        double cos = Math.max(Math.cos(Math.toRadians(a.lat())), 1e-6);
        double dLon = Math.min(km / (KM_PER_DEG * cos), 180);
        return new Region(
                name,
                Math.max(-90, a.lat() - dLat),
                Math.max(-180, a.lon() - dLon),
                Math.min(90, a.lat() + dLat),
                Math.min(180, a.lon() + dLon));
    }

    private static Region parseBox(String name, String body) {
        String[] parts = body.split(",", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException(
                    "region '" + name + "' needs 4 numbers lamin,lomin,lamax,lomax but has " + parts.length);
        }
        double[] v = new double[4];
        String[] labels = {"lamin", "lomin", "lamax", "lomax"};
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "region '" + name + "': " + labels[i] + " '" + parts[i].strip() + "' is not a number");
            }
        }
        return new Region(name, v[0], v[1], v[2], v[3]);
    }

    /** Checks names (present, unique, no separators) and that each box is a real, non-empty lat/lon rectangle. */
    public static void validate(List<Region> regions) {
        Set<String> names = new HashSet<>();
        for (Region r : regions) {
            if (r == null) throw new IllegalArgumentException("regions must not contain null entries");
            String name = r.name();
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(
                        "region name '" + name + "' must be non-empty letters, digits, '_', '-' or '.'");
            }
            if (!names.add(name)) throw new IllegalArgumentException("region name '" + name + "' is used twice");
            checkRange(name, "lamin", r.lamin(), 90);
            checkRange(name, "lamax", r.lamax(), 90);
            checkRange(name, "lomin", r.lomin(), 180);
            checkRange(name, "lomax", r.lomax(), 180);
            if (!(r.lamin() < r.lamax())) {
                throw new IllegalArgumentException(
                        "region '" + name + "': lamin " + r.lamin() + " must be below lamax " + r.lamax());
            }
            if (!(r.lomin() < r.lomax())) {
                throw new IllegalArgumentException("region '" + name + "': lomin " + r.lomin() + " must be below lomax "
                        + r.lomax() + " (boxes crossing the antimeridian must be split in two)");
            }
        }
    }

    private static void checkRange(String name, String label, double value, double limit) {
        if (!(value >= -limit && value <= limit)) {
            throw new IllegalArgumentException("region '" + name + "': " + label + " " + value + " is outside [-"
                    + (int) limit + ", " + (int) limit + "]");
        }
    }
}
