package io.skysentinel.core;

/** A producer of aircraft states (simulator, replay, OpenSky poller, …) that publishes to a {@link FlightBus}. */
public interface FlightSource {

    /** Short stable name, used as the {@code source} field of its aircraft and as a metrics tag. */
    String name();

    /** Starts background work; must return promptly. */
    void start();

    /** Stops background work and releases threads; idempotent. */
    void stop();

    /** What the source is doing now, for /api/status and /health. */
    SourceHealth health();
}
