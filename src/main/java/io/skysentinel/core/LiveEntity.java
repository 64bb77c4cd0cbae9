package io.skysentinel.core;

/**
 * Something the live picture holds, keyed by a network-neutral {@link #id()}: an aircraft today; issue 11 adds ATC
 * positions, which live in a second hub instance of their own (the hub is generic over this type), so aircraft
 * consumers never have to skip controllers.
 */
public sealed interface LiveEntity permits Aircraft {

    /** The key everywhere (hub, REST, WebSocket, Kafka, history): see {@link EntityIds}. */
    String id();

    /** The name of the source that produced this state. */
    String source();

    /** The source's last contact with the entity, epoch seconds; orders states and drives staleness. */
    long lastContactUnix();
}
