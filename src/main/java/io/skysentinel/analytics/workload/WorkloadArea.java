package io.skysentinel.analytics.workload;

import io.skysentinel.atc.AreaShape;
import io.skysentinel.core.AirportCatalog;
import io.skysentinel.core.BoundingBox;
import io.skysentinel.core.Geo;
import io.skysentinel.core.Position;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The airspace one position works for workload (built by {@link AreaRules}): a polygon (FIR, UIR, TRACON) or a circle
 * around a point, optionally only airborne below a ceiling (tower) or only on the ground (ground, delivery), and the
 * airports it serves. {@link #NONE} holds nothing (ATIS, unplaced positions). Not thread-safe: it caches which
 * airports lie inside its polygon.
 */
public final class WorkloadArea {

    /** Which aircraft states count, besides being inside. */
    public enum Who {
        ALL,
        AIRBORNE,
        ON_GROUND,
        NOBODY
    }

    public static final WorkloadArea NONE =
            new WorkloadArea(Facility.OTHER, null, null, 0, Double.POSITIVE_INFINITY, Who.NOBODY, Set.of(), null);

    private final Facility facility;
    private final AreaShape shape;
    private final Position centre;
    private final double radiusM;
    private final double ceilingM;
    private final Who who;
    private final Set<String> fixedAirports;
    private final AirportCatalog catalog;
    private final Map<String, Boolean> servedCache = new HashMap<>();

    private WorkloadArea(
            Facility facility,
            AreaShape shape,
            Position centre,
            double radiusM,
            double ceilingM,
            Who who,
            Set<String> fixedAirports,
            AirportCatalog catalog) {
        this.facility = facility;
        this.shape = shape;
        this.centre = centre;
        this.radiusM = radiusM;
        this.ceilingM = ceilingM;
        this.who = who;
        this.fixedAirports = Set.copyOf(fixedAirports);
        this.catalog = catalog;
    }

    /** A polygon: every aircraft inside counts; its airports are those of the catalog inside the polygon. */
    static WorkloadArea polygon(Facility f, AreaShape shape, AirportCatalog catalog) {
        return new WorkloadArea(f, shape, null, 0, Double.POSITIVE_INFINITY, Who.ALL, Set.of(), catalog);
    }

    /** A circle of {@code radiusNm} around a point, serving the given airports. */
    static WorkloadArea circle(
            Facility f, Position centre, double radiusNm, double ceilingM, Who who, Set<String> airports) {
        return new WorkloadArea(f, null, centre, radiusNm * WorkloadSettings.NM, ceilingM, who, airports, null);
    }

    public Facility facility() {
        return facility;
    }

    /** The polygon, or null for a circle (or {@link #NONE}). */
    public AreaShape shape() {
        return shape;
    }

    public boolean isNone() {
        return who == Who.NOBODY;
    }

    /** Whether an aircraft at {@code p} ({@code altitudeM} MSL, null when unknown) counts for this position. */
    public boolean contains(Position p, Double altitudeM, boolean onGround) {
        switch (who) {
            case NOBODY -> {
                return false;
            }
            case AIRBORNE -> {
                // unknown altitude: not counted, the ceiling cannot be checked
                if (onGround || altitudeM == null || altitudeM > ceilingM) return false;
            }
            case ON_GROUND -> {
                if (!onGround) return false;
            }
            case ALL -> {
                // every state
            }
        }
        if (shape != null) return shape.contains(p);
        return Geo.distanceM(p.lat(), p.lon(), centre.lat(), centre.lon()) <= radiusM;
    }

    /**
     * A box holding the whole area (what a history query reads before the exact test), or null for {@link #NONE}.
     * An area that wraps the antimeridian, or a circle reaching it or a pole, gets the whole longitude range.
     */
    public BoundingBox bounds() {
        if (isNone()) return null;
        if (shape != null) {
            org.locationtech.jts.geom.Envelope e = shape.geometry().getEnvelopeInternal();
            double lamin = Math.max(-90, e.getMinY());
            double lamax = Math.min(90, e.getMaxY());
            if (e.getMinX() < -180 || e.getMaxX() > 180) return new BoundingBox(lamin, -180, lamax, 180);
            return new BoundingBox(lamin, e.getMinX(), lamax, e.getMaxX());
        }
        double dLat = Math.toDegrees(radiusM / Geo.EARTH_RADIUS_M);
        double lamin = centre.lat() - dLat;
        double lamax = centre.lat() + dLat;
        double cos = Math.cos(Math.toRadians(Math.max(Math.abs(lamin), Math.abs(lamax))));
        double dLon = cos < 1e-6 ? 360 : dLat / cos;
        double lomin = centre.lon() - dLon;
        double lomax = centre.lon() + dLon;
        if (lamin < -90 || lamax > 90 || lomin < -180 || lomax > 180)
            return new BoundingBox(Math.max(-90, lamin), -180, Math.min(90, lamax), 180);
        return new BoundingBox(lamin, lomin, lamax, lomax);
    }

    /** Whether the ICAO code is one of this position's airports. */
    public boolean serves(String icao) {
        if (icao == null || isNone()) return false;
        if (shape == null) return fixedAirports.contains(icao);
        return servedCache.computeIfAbsent(
                icao,
                code -> catalog.find(code)
                        .filter(a -> a.icao().equalsIgnoreCase(code))
                        .map(a -> shape.contains(new Position(a.lat(), a.lon())))
                        .orElse(false));
    }

    Set<String> fixedAirports() {
        return fixedAirports;
    }
}
