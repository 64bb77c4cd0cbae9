package io.skysentinel.api.rest;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.BoundingBox;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The filters of GET /api/flights (and /api/v1/airspace), parsed strictly: every bad or unknown parameter is a
 * 400 naming it, because a silently ignored typo ({@code min_alt=…}) returns a wrong answer that looks right.
 */
public record FlightQuery(
        BoundingBox bbox,
        Double minAltitudeM,
        Double maxAltitudeM,
        Boolean onGround,
        String callsign,
        String country,
        String source,
        AircraftFilter aircraft,
        int limit,
        int offset) {

    public static final int DEFAULT_LIMIT = 1000;
    public static final int MAX_LIMIT = 100_000;
    private static final Set<String> KNOWN = Set.of(
            "bbox",
            "min_altitude_m",
            "max_altitude_m",
            "on_ground",
            "callsign",
            "country",
            "source",
            "type",
            "registration",
            "operator",
            "limit",
            "offset");

    /** Parses request parameters; names starting with '_' (cache busters) are ignored. */
    public static FlightQuery parse(Map<String, String[]> params) {
        QueryParams p = QueryParams.of(params, KNOWN);
        Double minAlt = p.decimal("min_altitude_m");
        Double maxAlt = p.decimal("max_altitude_m");
        if (minAlt != null && maxAlt != null && minAlt > maxAlt)
            throw new InvalidParameterException("min_altitude_m", "must not be greater than max_altitude_m");
        String bbox = p.text("bbox");
        int limit = p.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = p.integer("offset", 0, 0, Integer.MAX_VALUE);
        BoundingBox box = bbox == null ? null : BoundingBoxParameter.parse("bbox", bbox);
        return new FlightQuery(
                box,
                minAlt,
                maxAlt,
                p.bool("on_ground"),
                p.text("callsign"),
                p.text("country"),
                p.text("source"),
                AircraftFilter.of(
                        AircraftFilter.types("type", p.text("type")), p.text("registration"), p.text("operator")),
                limit,
                offset);
    }

    public Predicate<Aircraft> filter() {
        Predicate<Aircraft> f = a -> true;
        if (bbox != null)
            f = f.and(a -> a.position() != null
                    && bbox.contains(a.position().lat(), a.position().lon()));
        if (minAltitudeM != null) f = f.and(a -> a.bestAltitudeM() != null && a.bestAltitudeM() >= minAltitudeM);
        if (maxAltitudeM != null) f = f.and(a -> a.bestAltitudeM() != null && a.bestAltitudeM() <= maxAltitudeM);
        if (onGround != null) f = f.and(a -> a.onGround() == onGround);
        if (callsign != null) {
            String needle = callsign.toUpperCase(Locale.ROOT);
            f = f.and(a -> a.callsign() != null
                    && a.callsign().toUpperCase(Locale.ROOT).contains(needle));
        }
        if (country != null) f = f.and(a -> country.equalsIgnoreCase(a.originCountry()));
        if (source != null) f = f.and(a -> source.equalsIgnoreCase(a.source()));
        if (aircraft != null && !aircraft.isNone()) f = f.and(aircraft::matches);
        return f;
    }
}
