package io.skysentinel.core;

/**
 * Receives what live analytics detect. History stores them; the WebSocket push forwards events to browsers.
 * Called from the analytics thread: implementations must not block (hand off to a bounded buffer).
 */
public interface AnalyticsListener {

    default void onMovement(Movement movement) {}

    default void onEvent(AnomalyEvent event) {}
}
