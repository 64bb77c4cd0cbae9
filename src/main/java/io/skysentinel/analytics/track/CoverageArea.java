package io.skysentinel.analytics.track;

import io.skysentinel.core.Geo;

/**
 * Roughly where traffic is being seen: the bounding box of the positions of the last 10–20 minutes (two rolling
 * 10-minute boxes, by source time). An aircraft that vanishes near its edge most likely flew out of the polled area
 * rather than losing contact. One box for all traffic: with several polled regions the gaps between them are not
 * edges (documented limitation).
 */
public final class CoverageArea {

    static final long BUCKET_MS = 10 * 60_000;

    private Box current = new Box(), previous = new Box();
    private long bucketStartMs = Long.MIN_VALUE;

    public void observe(double lat, double lon, long timeMs) {
        if (Double.isNaN(lat) || Double.isNaN(lon)) return;
        if (bucketStartMs == Long.MIN_VALUE || timeMs < bucketStartMs - BUCKET_MS) {
            bucketStartMs = timeMs; // first position, or the clock jumped back (another recording): start over
            current = new Box();
            previous = new Box();
        } else if (timeMs >= bucketStartMs + BUCKET_MS) {
            previous = current;
            current = new Box();
            bucketStartMs = timeMs;
        }
        current.add(lat, lon);
    }

    /** True when the point is within {@code marginM} of the box's edge, outside it, or nothing has been seen. */
    public boolean nearEdge(double lat, double lon, double marginM) {
        Box b = current.union(previous);
        if (b.empty()) return true;
        double toLatEdge = Math.min(lat - b.minLat, b.maxLat - lat) * Geo.METRES_PER_DEGREE;
        double toLonEdge =
                Math.min(lon - b.minLon, b.maxLon - lon) * Geo.METRES_PER_DEGREE * Math.cos(Math.toRadians(lat));
        return Math.min(toLatEdge, toLonEdge) < marginM;
    }

    private static final class Box {
        double minLat = Double.POSITIVE_INFINITY, maxLat = Double.NEGATIVE_INFINITY;
        double minLon = Double.POSITIVE_INFINITY, maxLon = Double.NEGATIVE_INFINITY;

        void add(double lat, double lon) {
            minLat = Math.min(minLat, lat);
            maxLat = Math.max(maxLat, lat);
            minLon = Math.min(minLon, lon);
            maxLon = Math.max(maxLon, lon);
        }

        boolean empty() {
            return minLat > maxLat;
        }

        Box union(Box o) {
            Box u = new Box();
            u.minLat = Math.min(minLat, o.minLat);
            u.maxLat = Math.max(maxLat, o.maxLat);
            u.minLon = Math.min(minLon, o.minLon);
            u.maxLon = Math.max(maxLon, o.maxLon);
            return u;
        }
    }
}
