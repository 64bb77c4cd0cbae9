package io.skysentinel.source.vatsim;

import io.skysentinel.core.FlightPlan;
import io.skysentinel.core.NetworkReporting.NetworkCodes;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One v3 data feed as read ({@link VatsimFeedParser}), before conversion into the core model. Units are the feed's:
 * feet, knots, degrees magnetic. Entries that could not be used are left out and counted in {@code rejected}.
 *
 * @param updateTimestamp   {@code general.update_timestamp} exactly as written: two feeds are the same when equal
 * @param updatedAt         the same, parsed
 * @param prefiles          the length of {@code prefiles} (0 when absent)
 * @param codes             the feed's code lists; {@code militaryRatings} null when the feed has none (before 2023)
 * @param rejected          entries left out, by reason ({@link Reject#tag()}); only reasons that occurred
 */
record VatsimFeed(
        String updateTimestamp,
        Instant updatedAt,
        int connectedClients,
        int uniqueUsers,
        List<Pilot> pilots,
        List<Atc> controllers,
        List<Atc> atis,
        int prefiles,
        NetworkCodes codes,
        Map<String, Integer> rejected) {

    /** A connected pilot, in the feed's units. Nullable where the feed may omit a value. */
    record Pilot(
            long cid,
            String name,
            String callsign,
            String server,
            Integer pilotRating,
            Integer militaryRating,
            double lat,
            double lon,
            Double altitudeFt,
            double groundspeedKt,
            String transponder,
            Double headingMagneticDeg,
            Double qnhMb,
            FlightPlan flightPlan,
            Long logonUnix,
            long lastUpdatedMs) {}

    /** A controller or ATIS connection (observers included: the converter tells them apart). */
    record Atc(
            long cid,
            String name,
            String callsign,
            String frequency,
            int facility,
            int rating,
            Integer visualRangeNm,
            String atisCode,
            List<String> textAtis,
            Long logonUnix,
            long lastUpdatedMs,
            boolean atisList) {}

    /** Why an entry was left out: the {@code reason} tag of {@code skysentinel_vatsim_rejected_total}. */
    enum Reject {
        NOT_AN_OBJECT("not_an_object"),
        MISSING_CID("missing_cid"),
        MISSING_CALLSIGN("missing_callsign"),
        BAD_CALLSIGN("bad_callsign"),
        BAD_POSITION("bad_position"),
        BAD_GROUNDSPEED("bad_groundspeed"),
        BAD_TIME("bad_time"),
        DUPLICATE("duplicate");

        private final String tag;

        Reject(String tag) {
            this.tag = tag;
        }

        String tag() {
            return tag;
        }
    }
}
