package io.skysentinel.core;

import java.util.Map;
import java.util.Optional;

/**
 * Something that must be true before this instance takes traffic (a Kafka-fed hub that has not yet caught up with
 * the state topic serves an incomplete picture). /health answers DOWN (503) until every one is ready.
 */
public interface Readiness {
    String name();

    boolean ready();

    /**
     * Present when this instance's picture comes from a stream (the Kafka state topic) rather than from its own
     * sources: /health and {@code stale} are then judged by the feed, whatever this instance's own sources do.
     */
    default Optional<FeedStatus> feed() {
        return Optional.empty();
    }

    /** True while the part is working but behind (a history consumer whose writes fail): /health says DEGRADED. */
    default boolean degraded() {
        return false;
    }

    /** A few figures shown next to the readiness on /health (a consumer's lag); small and JSON-friendly. */
    default Map<String, Object> details() {
        return Map.of();
    }
}
