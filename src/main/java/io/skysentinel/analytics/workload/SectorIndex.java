package io.skysentinel.analytics.workload;

import io.skysentinel.atc.AreaShape;
import io.skysentinel.core.Position;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Which sectors contain a point, over all FIR, UIR and TRACON polygons at once: an STR-tree of the polygons'
 * envelopes, then an indexed point-in-polygon test per candidate polygon. Each polygon of a MultiPolygon is its own
 * entry, since the pieces of one id overlap (an even-odd test over the whole would call the overlap outside). Built
 * once per reference; {@link #count} is read-only and may run on any thread once built.
 */
public final class SectorIndex {

    private record Part(int sector, IndexedPointInAreaLocator locator) {}

    private final List<AreaShape> sectors;
    private final STRtree tree = new STRtree();

    public SectorIndex(List<AreaShape> sectors) {
        this.sectors = List.copyOf(sectors);
        for (int i = 0; i < this.sectors.size(); i++) {
            Geometry g = this.sectors.get(i).geometry();
            for (int k = 0; k < g.getNumGeometries(); k++) {
                Geometry part = g.getGeometryN(k);
                if (part.getDimension() < 2) continue;
                tree.insert(part.getEnvelopeInternal(), new Part(i, new IndexedPointInAreaLocator(part)));
            }
        }
        tree.build();
        // the locators build their own index on first use: do it now, so counting never mutates shared state
        for (Object o : tree.itemsTree()) warm(o);
    }

    private static void warm(Object node) {
        if (node instanceof List<?> list) for (Object o : list) warm(o);
        else if (node instanceof Part p) p.locator().locate(new Coordinate(0, 0));
    }

    public List<AreaShape> sectors() {
        return sectors;
    }

    /** For each sector (in {@link #sectors()} order), how many of the points lie inside or on its boundary. */
    public int[] count(List<Position> points) {
        int[] counts = new int[sectors.size()];
        int[] lastSeen = new int[sectors.size()];
        java.util.Arrays.fill(lastSeen, -1);
        List<Part> hits = new ArrayList<>();
        for (int n = 0; n < points.size(); n++) {
            Position p = points.get(n);
            Coordinate c = new Coordinate(p.lon(), p.lat());
            hits.clear();
            tree.query(new Envelope(c), item -> hits.add((Part) item));
            for (Part part : hits) {
                if (lastSeen[part.sector()] == n) continue; // already counted through another piece
                if (part.locator().locate(c) != Location.EXTERIOR) {
                    lastSeen[part.sector()] = n;
                    counts[part.sector()]++;
                }
            }
        }
        return counts;
    }
}
