package io.skysentinel.api.atc;

import io.skysentinel.api.rest.FlightQuery;
import io.skysentinel.api.rest.QueryParams;
import io.skysentinel.core.AtcPosition;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The filters of GET /api/atc-positions, parsed strictly like {@link FlightQuery}: an unknown parameter or a bad value
 * is a 400 problem naming it.
 *
 * @param facility the facility's short name ({@code TWR}), upper case, or null
 * @param callsign a callsign prefix, upper case, or null
 * @param kind     {@code controller} or {@code atis}, or null
 */
public record AtcQuery(String facility, String callsign, String kind, int limit, int offset) {

    private static final Set<String> KNOWN = Set.of("facility", "callsign", "kind", "limit", "offset");
    private static final Set<String> KINDS = Set.of(AtcPosition.CONTROLLER, AtcPosition.ATIS);

    public static AtcQuery parse(Map<String, String[]> params) {
        QueryParams p = QueryParams.of(params, KNOWN);
        return new AtcQuery(
                upper(p.text("facility")),
                upper(p.text("callsign")),
                p.oneOf("kind", KINDS),
                p.integer("limit", FlightQuery.DEFAULT_LIMIT, 1, FlightQuery.MAX_LIMIT),
                p.integer("offset", 0, 0, Integer.MAX_VALUE));
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    public Predicate<AtcPosition> filter() {
        Predicate<AtcPosition> f = p -> true;
        if (facility != null)
            f = f.and(p -> p.facility() != null
                    && facility.equalsIgnoreCase(p.facility().shortName()));
        if (callsign != null)
            f = f.and(p -> p.callsign().toUpperCase(Locale.ROOT).startsWith(callsign));
        if (kind != null) f = f.and(p -> kind.equals(p.kind()));
        return f;
    }
}
