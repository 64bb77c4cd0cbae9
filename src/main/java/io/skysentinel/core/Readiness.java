package io.skysentinel.core;

/**
 * Something that must be true before this instance takes traffic (a Kafka-fed hub that has not yet caught up with
 * the state topic serves an incomplete picture). /health answers DOWN (503) until every one is ready.
 */
public interface Readiness {
    String name();

    boolean ready();

    /**
     * True while this instance deliberately runs none of its sources (a standby ingest instance on the Kafka bus):
     * their "not started" state is then expected and does not count against /health.
     */
    default boolean standby() {
        return false;
    }
}
