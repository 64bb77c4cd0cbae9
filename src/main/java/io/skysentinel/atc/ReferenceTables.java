package io.skysentinel.atc;

import io.skysentinel.core.Airport;
import io.skysentinel.core.AirportCatalog;
import io.skysentinel.core.AtcArea;
import io.skysentinel.core.AtcLocator;
import io.skysentinel.core.Position;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The loaded tables behind {@link AtcReference}; the rules of docs/atc.md#how-callsigns-resolve.
 * {@code _DEL/_GND/_TWR/_ATIS/_RMP}: an airport by ICAO, else by VAT-Spy's IATA/LID column ({@code JFK_GND} → KJFK),
 * else the VRS airports. {@code _APP/_DEP}: a SimAware TRACON by prefix and suffix ({@code JFK_APP} → N90), else a
 * range circle around the airport. {@code _CTR/_FSS}: a VAT-Spy FIR by callsign prefix, longest first
 * ({@code LON_S_CTR} → EGTT-S), else a UIR. The facility id is not used: the callsign's suffix says more (an ATIS and
 * a tower share facility 4). Every call is a few map lookups (it runs for every position of every feed). Immutable,
 * so thread-safe.
 */
final class ReferenceTables implements AtcLocator {

    private final AreaIndex index;
    private final Map<String, VatSpyData.Airport> airportByIcao = new HashMap<>();
    private final Map<String, VatSpyData.Airport> airportByLid = new HashMap<>();
    private final AirportCatalog otherAirports;

    /** @param otherAirports airports VAT-Spy lacks (the VRS table): for callsigns and for {@code airport} areas */
    ReferenceTables(
            VatSpyData dat, FirBoundaries.Parsed boundaries, Tracons.Parsed tracons, AirportCatalog otherAirports) {
        this.index = new AreaIndex(dat, boundaries.byId(), tracons.sectors());
        this.otherAirports = otherAirports;
        for (VatSpyData.Airport a : dat.airports()) {
            if (!a.pseudo()) airportByIcao.putIfAbsent(a.icao(), a);
            if (!a.pseudo() && a.iataLid() != null) airportByLid.putIfAbsent(a.iataLid(), a);
        }
        for (VatSpyData.Airport a : dat.airports()) { // a pseudo row (SOLENT → EGHI) only where no airport has the code
            if (a.pseudo() && a.iataLid() != null) airportByLid.putIfAbsent(a.iataLid(), a);
        }
    }

    @Override
    public Location locate(String callsign, int facility, double visualRangeNm) {
        Callsign c = Callsign.parse(callsign);
        if (c == null) return null;
        return switch (c.facility()) {
            case "DEL", "GND", "TWR", "ATIS", "RMP" -> airport(c.parts().get(0));
            case "APP", "DEP" -> approach(c, callsign);
            case "CTR", "FSS" -> sector(c);
            default -> null; // OBS, SUP, …: not a place
        };
    }

    private Location approach(Callsign c, String callsign) {
        for (int n = c.parts().size(); n >= 1; n--) {
            String prefix = c.prefix(n);
            Location hit = n < c.parts().size() ? index.traconByKey.get(AreaIndex.traconKey(prefix, c.tail(n))) : null;
            if (hit == null) hit = index.traconByKey.get(AreaIndex.traconKey(prefix, c.facility()));
            if (hit == null && c.facility().equals("DEP")) // a departure position works its approach's airspace
            hit = index.traconByKey.get(AreaIndex.traconKey(prefix, "APP"));
            if (hit != null) return hit;
        }
        Location at = airport(c.parts().get(0));
        if (at == null) return null;
        return new Location(
                at.position(),
                new AtcArea(AtcArea.RANGE, callsign.strip(), at.area().name()));
    }

    private Location sector(Callsign c) {
        for (int n = c.parts().size(); n >= 1; n--) {
            String prefix = c.prefix(n);
            Location hit = index.firByPrefix.get(prefix);
            if (hit == null) hit = index.uirByPrefix.get(prefix);
            if (hit == null) hit = index.firByIcao.get(prefix);
            if (hit != null) return hit;
        }
        return null;
    }

    private Location airport(String code) {
        VatSpyData.Airport a = airportByIcao.get(code);
        if (a == null) a = airportByLid.get(code);
        if (a != null)
            return new Location(new Position(a.lat(), a.lon()), new AtcArea(AtcArea.AIRPORT, a.icao(), a.name()));
        Optional<Airport> other = otherAirports.find(code);
        return other.map(o ->
                        new Location(new Position(o.lat(), o.lon()), new AtcArea(AtcArea.AIRPORT, o.icao(), o.name())))
                .orElse(null);
    }

    /**
     * An area by its key, for {@code GET /api/atc-areas/{kind}/{id}}: {@code airport} (any airport of VAT-Spy or
     * the VRS table, by ICAO), {@code fir} (boundary id), {@code uir} (prefix), {@code tracon} (SimAware id). Ids
     * are matched as written, then upper-cased. {@code range} areas are live: not here.
     */
    Optional<AreaShape> area(String kind, String id) {
        if (kind == null || id == null) return Optional.empty();
        String up = id.strip().toUpperCase(Locale.ROOT);
        return switch (kind) {
            case AtcArea.AIRPORT -> airportShape(up);
            case AtcArea.FIR -> byId(index.firs, id, up);
            case AtcArea.UIR -> byId(index.uirs, id, up);
            case AtcArea.TRACON -> byId(index.tracons, id, up);
            default -> Optional.empty();
        };
    }

    /** Every area of a polygon kind ({@code fir}, {@code uir}, {@code tracon}); empty for the other kinds. */
    java.util.Collection<AreaShape> areas(String kind) {
        Map<String, AreaShape> shapes = switch (kind) {
            case AtcArea.FIR -> index.firs;
            case AtcArea.UIR -> index.uirs;
            case AtcArea.TRACON -> index.tracons;
            default -> Map.of();
        };
        return java.util.Collections.unmodifiableCollection(shapes.values());
    }

    private static Optional<AreaShape> byId(Map<String, AreaShape> shapes, String id, String up) {
        AreaShape s = shapes.get(id);
        return Optional.ofNullable(s != null ? s : shapes.get(up));
    }

    private Optional<AreaShape> airportShape(String icao) {
        VatSpyData.Airport a = airportByIcao.get(icao);
        if (a != null) return Optional.of(point(a.icao(), a.name(), a.lat(), a.lon()));
        return otherAirports
                .find(icao)
                .filter(o -> o.icao().equals(icao))
                .map(o -> point(o.icao(), o.name(), o.lat(), o.lon()));
    }

    private static AreaShape point(String icao, String name, double lat, double lon) {
        var geometry = GeoJson.FACTORY.createPoint(new org.locationtech.jts.geom.Coordinate(lon, lat));
        return new AreaShape(AtcArea.AIRPORT, icao, name, geometry, new Position(lat, lon));
    }

    /** How many areas of each kind and callsign keys are loaded, for the start-up log. */
    String summary() {
        return "%d FIR boundaries, %d UIRs, %d TRACONs, %d airports, %d FIR and %d TRACON callsign keys, %d unmatched"
                .formatted(
                        index.firs.size(),
                        index.uirs.size(),
                        index.tracons.size(),
                        airportByIcao.size(),
                        index.firByPrefix.size(),
                        index.traconByKey.size(),
                        index.unmatchedRows);
    }
}
