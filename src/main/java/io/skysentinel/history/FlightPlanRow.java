package io.skysentinel.history;

import io.skysentinel.core.FlightPlan;

/**
 * One row of {@code flight_plans}: a flight's plan in one connection (times epoch ms; {@code logonMs} 0 when the feed
 * gave no logon time; {@code name} null unless names are stored).
 */
record FlightPlanRow(
        String id,
        long logonMs,
        String planKey,
        String source,
        String callsign,
        long cid,
        String name,
        FlightPlan plan,
        long firstSeenMs,
        long lastSeenMs) {

    /** The table's key as one string: rows waiting with the same key fold into one. */
    String rowKey() {
        return id + "\n" + logonMs + "\n" + planKey;
    }

    /** Two rows of one key: the earliest first_seen, the latest last_seen and the newer row's content. */
    FlightPlanRow merge(FlightPlanRow other) {
        FlightPlanRow newer = other.lastSeenMs >= lastSeenMs ? other : this;
        return new FlightPlanRow(
                id,
                logonMs,
                planKey,
                newer.source,
                newer.callsign,
                newer.cid,
                newer.name,
                newer.plan,
                Math.min(firstSeenMs, other.firstSeenMs),
                Math.max(lastSeenMs, other.lastSeenMs));
    }
}
