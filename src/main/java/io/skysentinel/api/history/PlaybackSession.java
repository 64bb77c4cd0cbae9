package io.skysentinel.api.history;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AircraftEnricher;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.history.PositionQueries;
import io.skysentinel.history.PositionRow;
import io.skysentinel.history.TrafficQueries;
import io.skysentinel.hub.Changes;
import io.skysentinel.hub.HubCore;
import io.skysentinel.wire.FrameEncoder;
import io.skysentinel.wire.PlaybackFrame;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One playback: stored positions between from and to are fed, in history-time order, into a private {@link HubCore}
 * (the live hub's pure core, with the snapshot window as its stale threshold), and its changes go out as the same
 * snapshot/delta frames as /ws/flights, with stored events as event frames and a playback frame once a second.
 * Runs on its own thread, which is the only one that sends on the session.
 */
final class PlaybackSession implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(PlaybackSession.class);
    static final long TICK_MS = 200;

    private final WebSocketSession session;
    private final PlaybackRequest req;
    private final PositionQueries positions;
    private final TrafficQueries traffic;
    private final AircraftEnricher enricher;
    private final long windowMs;
    private final FrameEncoder encoder;
    private final HubCore<Aircraft> core;
    private final Set<String> sources = new HashSet<>();
    private volatile boolean running = true;
    private volatile CloseStatus goingAway; // set at shutdown: this thread closes with it (it alone sends)
    private long frameSeq, hubSeq;

    PlaybackSession(
            WebSocketSession session,
            PlaybackRequest req,
            PositionQueries positions,
            TrafficQueries traffic,
            AircraftEnricher enricher,
            long windowMs) {
        this.session = session;
        this.req = req;
        this.positions = positions;
        this.traffic = traffic;
        this.enricher = enricher;
        this.windowMs = windowMs;
        this.encoder = FrameEncoder.of(req.format());
        this.core = new HubCore<>(SourceBatch::aircraft, windowMs, 500_000, 500_000);
    }

    void stop() {
        running = false;
    }

    /** Ends the playback with {@code status}, written by the playback's own thread after the frame in flight. */
    void goAway(CloseStatus status) {
        goingAway = status;
        running = false;
    }

    boolean open() {
        return session.isOpen();
    }

    @Override
    public void run() {
        try {
            apply(positions.snapshot(req.fromMs(), windowMs, null), req.fromMs());
            hubSeq = core.seq();
            send(encoder.snapshot(++frameSeq, hubSeq, System.currentTimeMillis(), core.entities()));
            long at = req.fromMs(), started = System.nanoTime(), nextProgress = 0;
            while (running && at < req.toMs()) {
                Thread.sleep(TICK_MS);
                long elapsedMs = (System.nanoTime() - started) / 1_000_000;
                long next = Math.min(req.toMs(), req.fromMs() + (long) (elapsedMs * req.speed()));
                if (next <= at) continue;
                step(at, next);
                at = next;
                if (elapsedMs >= nextProgress) {
                    send(progress(at, false));
                    nextProgress = elapsedMs + 1_000;
                }
            }
            if (running) {
                send(progress(at, true));
                session.close(CloseStatus.NORMAL.withReason("playback finished"));
            } else if (goingAway != null && session.isOpen()) {
                session.close(goingAway);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            if (session.isOpen()) {
                log.warn("Playback {} ended: {}", session.getId(), e.toString());
                try {
                    session.close(CloseStatus.SERVER_ERROR.withReason("playback failed"));
                } catch (IOException ignored) {
                    // the connection is gone already
                }
            }
        }
    }

    /** History (at, next]: positions into the core, its changes and the stored events out. */
    private void step(long at, long next) throws IOException {
        // Rows older than next − window would be stale on arrival anyway: a fast playback reads only the window.
        List<PositionRow> rows = new ArrayList<>();
        positions.range(Math.max(at, next - windowMs), next, rows::add);
        apply(rows, next);
        Changes<Aircraft> ch = core.changesSince(hubSeq);
        long now = System.currentTimeMillis();
        if (ch.resync()) send(encoder.snapshot(++frameSeq, ch.seq(), now, ch.upserts()));
        else if (!ch.upserts().isEmpty() || !ch.removals().isEmpty())
            send(encoder.delta(++frameSeq, ch.seq(), now, ch.upserts(), ch.removals()));
        hubSeq = ch.seq();
        for (TrafficQueries.EventRow e : traffic.events(at, next - 1, null, 1_000))
            send(PlaybackFrames.event(req.format(), now, e));
    }

    /**
     * One batch per source at history time {@code atMs}; sources without rows get an empty one, so staleness ages them.
     */
    private void apply(List<PositionRow> rows, long atMs) {
        Map<String, List<Aircraft>> bySource = new LinkedHashMap<>();
        for (PositionRow r : rows)
            bySource.computeIfAbsent(r.source(), s -> new ArrayList<>())
                    .add(enricher.enrich(PositionQueries.toAircraft(r)));
        sources.addAll(bySource.keySet());
        for (String s : sources) core.apply(SourceBatch.live(s, atMs, bySource.getOrDefault(s, List.of())), atMs);
    }

    private byte[] progress(long atMs, boolean finished) {
        long now = System.currentTimeMillis();
        return encoder.playback(new PlaybackFrame(now, atMs, req.fromMs(), req.toMs(), req.speed(), finished));
    }

    private void send(byte[] frame) throws IOException {
        if (!session.isOpen()) {
            running = false;
            return;
        }
        if (req.format().binary()) session.sendMessage(new BinaryMessage(frame));
        else session.sendMessage(new TextMessage(new String(frame, StandardCharsets.UTF_8)));
    }
}
