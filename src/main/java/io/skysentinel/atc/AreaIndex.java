package io.skysentinel.atc;

import io.skysentinel.atc.FirBoundaries.Boundary;
import io.skysentinel.atc.Tracons.Sector;
import io.skysentinel.atc.VatSpyData.Fir;
import io.skysentinel.atc.VatSpyData.Uir;
import io.skysentinel.core.AtcArea;
import io.skysentinel.core.AtcLocator.Location;
import io.skysentinel.core.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * The lookup tables built once from the three files: every answer {@link AtcReference} gives is one map lookup.
 * The shapes (by kind and id) and the callsign keys that lead to them, with the {@link Location} precomputed.
 */
final class AreaIndex {

    final Map<String, AreaShape> firs = new HashMap<>();
    final Map<String, AreaShape> uirs = new HashMap<>();
    final Map<String, AreaShape> tracons = new HashMap<>();
    /** FIR by callsign prefix (the prefix field, or the ICAO when it is empty): {@code NY} → KZNY. */
    final Map<String, Location> firByPrefix = new HashMap<>();
    /** FIR by ICAO, when a callsign uses the ICAO although the row names another prefix: {@code EGTT} → EGTT. */
    final Map<String, Location> firByIcao = new HashMap<>();

    final Map<String, Location> uirByPrefix = new HashMap<>();
    /** TRACON sector by {@code PREFIX|SUFFIX}: {@code JFK|APP} → N90. */
    final Map<String, Location> traconByKey = new HashMap<>();
    /** FIR rows whose boundary is not in the file, UIR members not found, repeated TRACON keys. */
    int unmatchedRows;

    AreaIndex(VatSpyData dat, Map<String, Boundary> boundaries, List<Sector> sectors) {
        indexFirs(dat.firs(), boundaries);
        indexUirs(dat.uirs(), dat.firs(), boundaries);
        indexTracons(sectors);
    }

    static String traconKey(String prefix, String suffix) {
        return prefix + "|" + suffix;
    }

    private void indexFirs(List<Fir> rows, Map<String, Boundary> boundaries) {
        Map<String, String> nameOf = new HashMap<>(); // a boundary's name: its first own-ICAO row's, else first row's
        for (Fir f : rows) {
            if (f.icao().equals(f.boundaryId())) nameOf.putIfAbsent(f.boundaryId(), f.name());
        }
        for (Fir f : rows) nameOf.putIfAbsent(f.boundaryId(), f.name());
        for (Boundary b : boundaries.values()) {
            Position label = AreaShape.label(b.labelLat(), b.labelLon(), b.geometry());
            firs.put(b.id(), new AreaShape(AtcArea.FIR, b.id(), nameOf.get(b.id()), b.geometry(), label));
        }
        for (Fir f : rows) {
            AreaShape shape = firs.get(f.boundaryId());
            if (shape == null) {
                unmatchedRows++;
                continue;
            }
            Location at = new Location(shape.label(), new AtcArea(AtcArea.FIR, shape.id(), f.name()));
            firByPrefix.putIfAbsent(f.callsignPrefix(), at);
            firByIcao.putIfAbsent(f.icao(), at);
        }
    }

    private void indexUirs(List<Uir> uirRows, List<Fir> firRows, Map<String, Boundary> boundaries) {
        Map<String, Set<String>> boundariesOfIcao = new HashMap<>();
        for (Fir f : firRows) {
            boundariesOfIcao
                    .computeIfAbsent(f.icao(), k -> new LinkedHashSet<>())
                    .add(f.boundaryId());
        }
        for (Uir u : uirRows) {
            Map<String, Boundary> members = new LinkedHashMap<>();
            for (String m : u.firs()) {
                Set<String> ids = boundaries.containsKey(m) ? Set.of(m) : boundariesOfIcao.getOrDefault(m, Set.of());
                if (ids.isEmpty()) unmatchedRows++;
                for (String id : ids) {
                    Boundary b = boundaries.get(id);
                    if (b != null) members.putIfAbsent(id, b);
                }
            }
            if (members.isEmpty()) continue;
            List<MultiPolygon> parts =
                    members.values().stream().map(Boundary::geometry).toList();
            MultiPolygon all = GeoJson.combine(parts);
            AreaShape shape = new AreaShape(AtcArea.UIR, u.prefix(), u.name(), all, uirLabel(members.values()));
            uirs.putIfAbsent(u.prefix(), shape);
            uirByPrefix.putIfAbsent(
                    u.prefix(), new Location(shape.label(), new AtcArea(AtcArea.UIR, u.prefix(), u.name())));
        }
    }

    /** The label point of its largest member FIR: the UIR's centroid may lie outside (a ring of FIRs). */
    private static Position uirLabel(java.util.Collection<Boundary> members) {
        Boundary largest = null;
        for (Boundary b : members) {
            if (largest == null || b.geometry().getArea() > largest.geometry().getArea()) largest = b;
        }
        return AreaShape.label(largest.labelLat(), largest.labelLon(), largest.geometry());
    }

    private void indexTracons(List<Sector> sectors) {
        Map<String, List<Sector>> byId = new LinkedHashMap<>();
        for (Sector s : sectors)
            byId.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(s);
        for (Map.Entry<String, List<Sector>> e : byId.entrySet()) {
            Sector first = e.getValue().get(0);
            MultiPolygon all =
                    GeoJson.combine(e.getValue().stream().map(Sector::geometry).toList());
            Position label = AreaShape.label(first.labelLat(), first.labelLon(), first.geometry());
            tracons.put(e.getKey(), new AreaShape(AtcArea.TRACON, e.getKey(), first.name(), all, label));
        }
        for (Sector s : sectors) {
            Position at = AreaShape.label(s.labelLat(), s.labelLon(), s.geometry());
            Location loc = new Location(at, new AtcArea(AtcArea.TRACON, s.id(), s.name()));
            for (String p : s.prefixes()) {
                if (traconByKey.putIfAbsent(traconKey(p, s.suffix()), loc) != null) unmatchedRows++;
            }
        }
    }
}
