package io.skysentinel.core;

/**
 * Something the live picture holds, keyed by a network-neutral {@link #id()}: an aircraft, or an ATC position of a
 * flight-simulation network, which lives in a second hub instance of its own (the hub is generic over this type), so
 * aircraft consumers never have to skip controllers.
 */
public sealed interface LiveEntity permits Aircraft, AtcPosition {

    /** The key everywhere (hub, REST, WebSocket, Kafka, history): see {@link EntityIds}. */
    String id();

    /** The name of the source that produced this state. */
    String source();

    /** The source's last contact with the entity, epoch seconds; orders states and drives staleness. */
    long lastContactUnix();
}
