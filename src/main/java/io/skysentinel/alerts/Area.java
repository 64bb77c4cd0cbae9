package io.skysentinel.alerts;

import io.skysentinel.core.Geo;
import java.util.Arrays;
import java.util.List;

/**
 * Where a rule looks: a circle around a point or a polygon (a closed ring of lat/lon points, planar in degrees; rings
 * crossing the antimeridian are not supported). {@link #bounds} is what the rule index files the rule under.
 */
public sealed interface Area {

    boolean contains(double lat, double lon);

    /** {minLat, minLon, maxLat, maxLon}, degrees. */
    double[] bounds();

    record Circle(double lat, double lon, double radiusKm) implements Area {
        @Override
        public boolean contains(double la, double lo) {
            return Geo.distanceM(lat, lon, la, lo) <= radiusKm * 1000;
        }

        @Override
        public double[] bounds() {
            double dLat = radiusKm * 1000 / Geo.METRES_PER_DEGREE;
            double cos = Math.cos(Math.toRadians(Math.min(89, Math.abs(lat) + dLat)));
            double dLon = Math.min(180, dLat / Math.max(cos, 1e-6));
            return new double[] {Math.max(-90, lat - dLat), lon - dLon, Math.min(90, lat + dLat), lon + dLon};
        }
    }

    /** @param ring lat/lon pairs, the first equal to the last */
    record Polygon(List<double[]> ring) implements Area {
        public Polygon {
            ring = List.copyOf(ring);
        }

        // By value: a record of arrays would compare the arrays' identity (a rule read back must equal itself).
        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Polygon p) || p.ring.size() != ring.size()) return false;
            for (int i = 0; i < ring.size(); i++) if (!Arrays.equals(ring.get(i), p.ring.get(i))) return false;
            return true;
        }

        @Override
        public int hashCode() {
            int h = 1;
            for (double[] p : ring) h = 31 * h + Arrays.hashCode(p);
            return h;
        }

        @Override
        public String toString() {
            return "Polygon" + ring.stream().map(Arrays::toString).toList();
        }

        @Override
        public boolean contains(double lat, double lon) {
            boolean in = false;
            for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
                double[] a = ring.get(i), b = ring.get(j);
                if ((a[0] > lat) != (b[0] > lat) && lon < (b[1] - a[1]) * (lat - a[0]) / (b[0] - a[0]) + a[1]) in = !in;
            }
            return in;
        }

        @Override
        public double[] bounds() {
            double[] b = {90, 180, -90, -180};
            for (double[] p : ring) {
                b[0] = Math.min(b[0], p[0]);
                b[1] = Math.min(b[1], p[1]);
                b[2] = Math.max(b[2], p[0]);
                b[3] = Math.max(b[3], p[1]);
            }
            return b;
        }
    }
}
