package io.skysentinel.api.history;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.core.AircraftEnricher;
import io.skysentinel.core.BoundedWait;
import io.skysentinel.history.PositionQueries;
import io.skysentinel.history.TrafficQueries;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

/**
 * /ws/playback: one {@link PlaybackSession} thread per connection, at most {@code maxSessions} at once. At shutdown
 * (before the web server stops) every playback is closed with 1001, going away, as /ws/flights clients are: a cut
 * connection (1006) tells a client nothing about coming back.
 */
final class PlaybackSocketHandler extends AbstractWebSocketHandler implements SmartLifecycle {

    static final CloseStatus SHUTDOWN = CloseStatus.GOING_AWAY.withReason("server shutting down");
    private static final long WAIT_MS = 3_000;

    static final String REQUEST = "playback.request";

    private final PositionQueries positions;
    private final TrafficQueries traffic;
    private final AircraftEnricher enricher;
    private final long windowMs;
    private final int maxSessions;
    private final Counter rejected;
    private final ConcurrentHashMap<String, PlaybackSession> sessions = new ConcurrentHashMap<>();
    private volatile boolean running;

    PlaybackSocketHandler(
            PositionQueries positions,
            TrafficQueries traffic,
            AircraftEnricher enricher,
            long windowMs,
            int maxSessions,
            MeterRegistry meters) {
        this.positions = positions;
        this.traffic = traffic;
        this.enricher = enricher;
        this.windowMs = windowMs;
        this.maxSessions = maxSessions;
        this.rejected = Counter.builder("skysentinel.playback.rejected")
                .description("Playback connections closed because the session limit was reached")
                .register(meters);
        meters.gauge("skysentinel.playback.sessions", sessions, ConcurrentHashMap::size);
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
        if (sessions.size() >= maxSessions) {
            rejected.increment();
            session.close(CloseStatus.SERVICE_OVERLOAD.withReason("playback limit reached; try again later"));
            return;
        }
        PlaybackRequest req = (PlaybackRequest) session.getAttributes().get(REQUEST);
        PlaybackSession p = new PlaybackSession(session, req, positions, traffic, enricher, windowMs);
        sessions.put(session.getId(), p);
        Thread.ofPlatform().name("playback-" + session.getId()).daemon().start(p);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        PlaybackSession p = sessions.remove(session.getId());
        if (p != null) p.stop();
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        afterConnectionClosed(session, CloseStatus.SERVER_ERROR);
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        List<PlaybackSession> all = List.copyOf(sessions.values());
        for (PlaybackSession p : all) p.goAway(SHUTDOWN);
        BoundedWait.untilNone(all, PlaybackSession::open, WAIT_MS); // a playback notices within one tick (200 ms)
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server's graceful shutdown (its phase is lower: it stops later). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
