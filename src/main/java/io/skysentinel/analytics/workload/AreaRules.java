package io.skysentinel.analytics.workload;

import io.skysentinel.atc.AreaShape;
import io.skysentinel.core.Airport;
import io.skysentinel.core.AirportCatalog;
import io.skysentinel.core.AtcArea;
import io.skysentinel.core.AtcPosition;
import io.skysentinel.core.Geo;
import io.skysentinel.core.Position;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A position's workload area, by facility (numbers and reasons in {@link WorkloadSettings}):
 *
 * <ul>
 *   <li>centre, FSS: its FIR or UIR polygon; its airports are the catalog's airports inside it;
 *   <li>approach, departure: its TRACON polygon (airports inside it), or, for a {@code range} area, a ring of its
 *       visual range (0 → 40 NM, at most 150 NM) around its airport;
 *   <li>tower: airborne within 10 NM of the airport and below 4,000 ft above its elevation (unknown elevation: sea
 *       level);
 *   <li>ground, delivery: on the ground within 3 NM of the airport;
 *   <li>ATIS, other suffixes, unplaced positions: {@link WorkloadArea#NONE}, no workload.
 * </ul>
 */
public final class AreaRules {

    private final BiFunction<String, String, Optional<AreaShape>> areas;
    private final AirportCatalog airports;

    /**
     * @param areas    the reference areas by kind and id ({@code AtcReference::area})
     * @param airports the airports with elevations ({@code ReferenceAirports.catalog()})
     */
    public AreaRules(BiFunction<String, String, Optional<AreaShape>> areas, AirportCatalog airports) {
        this.areas = areas;
        this.airports = airports;
    }

    public AirportCatalog airports() {
        return airports;
    }

    public WorkloadArea area(AtcPosition p) {
        Facility f = Facility.of(p);
        AtcArea a = p.area();
        if (a == null || p.position() == null) return WorkloadArea.NONE;
        return switch (f) {
            case CENTRE -> polygon(f, a);
            case APPROACH -> AtcArea.RANGE.equals(a.kind()) ? ring(p) : polygon(f, a);
            case TOWER -> tower(p);
            case GROUND -> ground(p);
            case ATIS, OTHER -> WorkloadArea.NONE;
        };
    }

    private WorkloadArea polygon(Facility f, AtcArea a) {
        return areas.apply(a.kind(), a.id())
                .map(shape -> WorkloadArea.polygon(f, shape, airports))
                .orElse(WorkloadArea.NONE);
    }

    private WorkloadArea ring(AtcPosition p) {
        Integer range = p.visualRangeNm();
        double nm = range == null || range <= 0 ? WorkloadSettings.APPROACH_DEFAULT_RANGE_NM : range;
        nm = Math.min(nm, WorkloadSettings.APPROACH_MAX_RANGE_NM);
        Airport at = airportOf(p);
        Position centre = at == null ? p.position() : new Position(at.lat(), at.lon());
        return WorkloadArea.circle(
                Facility.APPROACH,
                centre,
                nm,
                Double.POSITIVE_INFINITY,
                WorkloadArea.Who.ALL,
                at == null ? Set.of() : Set.of(at.icao()));
    }

    private WorkloadArea tower(AtcPosition p) {
        Airport at = airportOf(p);
        Position centre = at == null ? p.position() : new Position(at.lat(), at.lon());
        double elevation = at == null || Double.isNaN(at.elevationM()) ? 0 : at.elevationM();
        return WorkloadArea.circle(
                Facility.TOWER,
                centre,
                WorkloadSettings.TOWER_RADIUS_NM,
                elevation + WorkloadSettings.TOWER_CEILING_FT * Geo.FEET,
                WorkloadArea.Who.AIRBORNE,
                at == null ? Set.of() : Set.of(at.icao()));
    }

    private WorkloadArea ground(AtcPosition p) {
        Airport at = airportOf(p);
        Position centre = at == null ? p.position() : new Position(at.lat(), at.lon());
        return WorkloadArea.circle(
                Facility.GROUND,
                centre,
                WorkloadSettings.GROUND_RADIUS_NM,
                Double.POSITIVE_INFINITY,
                WorkloadArea.Who.ON_GROUND,
                at == null ? Set.of() : Set.of(at.icao()));
    }

    /** The airport of an airport area (by ICAO), else the catalog's nearest within 5 km of the position. */
    private Airport airportOf(AtcPosition p) {
        AtcArea a = p.area();
        if (AtcArea.AIRPORT.equals(a.kind())) {
            String icao = a.id().toUpperCase(Locale.ROOT);
            Optional<Airport> byId = airports.find(icao).filter(x -> x.icao().equalsIgnoreCase(icao));
            if (byId.isPresent()) return byId.get();
        }
        return airports.nearest(p.position().lat(), p.position().lon(), 5_000)
                .map(AirportCatalog.Nearby::airport)
                .orElse(null);
    }
}
