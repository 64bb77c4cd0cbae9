package io.skysentinel.analytics.workload;

import io.skysentinel.atc.AreaShape;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AtcArea;
import io.skysentinel.core.AtcPosition;
import io.skysentinel.core.Position;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Aircraft per sector (every FIR, UIR and TRACON of the reference, staffed or not), busiest first: what an event
 * organiser looks for is a busy sector nobody staffs. A sector counts as staffed when a position online works exactly
 * that area (same kind and id); a UIR position does not staff its member FIRs here, and a TRACON inside a staffed
 * FIR stays unstaffed (top-down cover is not modelled).
 */
public final class SectorDensity {

    /** One sector now: {@code aircraft} inside it (on the ground or airborne). */
    public record SectorCount(String kind, String id, String name, int aircraft, boolean staffed) {}

    private SectorDensity() {}

    /** Sectors with at least one aircraft, busiest first (ties by kind and id). */
    public static List<SectorCount> busiest(SectorIndex index, List<Aircraft> pilots, List<AtcPosition> positions) {
        List<Position> points = new ArrayList<>(pilots.size());
        for (Aircraft a : pilots) if (a.position() != null) points.add(a.position());
        int[] counts = index.count(points);
        Set<String> staffed = new HashSet<>();
        for (AtcPosition p : positions) {
            AtcArea a = p.area();
            if (a != null && !p.atis()) staffed.add(key(a.kind(), a.id()));
        }
        List<SectorCount> out = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) continue;
            AreaShape s = index.sectors().get(i);
            out.add(new SectorCount(s.kind(), s.id(), s.name(), counts[i], staffed.contains(key(s.kind(), s.id()))));
        }
        out.sort(Comparator.comparingInt(SectorCount::aircraft)
                .reversed()
                .thenComparing(SectorCount::kind)
                .thenComparing(SectorCount::id));
        return out;
    }

    static String key(String kind, String id) {
        return kind + "/" + id.toUpperCase(Locale.ROOT);
    }
}
