package io.skysentinel.source.opensky;

import io.skysentinel.core.CreditReporting.Region;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks the compact region form used by the {@code OPENSKY_REGIONS} environment variable:
 * {@code name:lamin,lomin,lamax,lomax;name2:...}. Messages name the offending entry so a typo in a deployment
 * manifest is found without reading code.
 */
public final class RegionParser {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private RegionParser() {}

    /** An empty or blank string, or "world", gives an empty list, which means "whole world, no box". */
    public static List<Region> parse(String spec) {
        if (spec == null || spec.isBlank() || spec.strip().equalsIgnoreCase("world")) return List.of();
        List<Region> regions = new ArrayList<>();
        for (String entry : spec.split(";")) {
            if (entry.isBlank()) continue; // tolerate a trailing ';'
            regions.add(parseEntry(entry.strip()));
        }
        validate(regions);
        return List.copyOf(regions);
    }

    private static Region parseEntry(String entry) {
        int colon = entry.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("region '" + entry + "' must look like name:lamin,lomin,lamax,lomax");
        }
        String name = entry.substring(0, colon).strip();
        String[] parts = entry.substring(colon + 1).split(",", -1);
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
