package io.skysentinel.api.ws;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.core.AtcPosition;
import io.skysentinel.hub.Changes;
import io.skysentinel.hub.LiveHub;
import io.skysentinel.wire.FrameEncoder;
import io.skysentinel.wire.WireFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The /ws/atc push loop: every {@code WS_ATC_INTERVAL} it asks the ATC hub what changed since the last tick, folds it
 * into its mirror of the positions, encodes one delta per format in use and offers the same bytes to every client. One
 * stream for everyone (a few hundred positions, no filters, no tiles), so this is {@link Broadcaster} without views.
 * Joins, resyncs and pings run on its one thread, so a client's snapshot and the deltas after it cannot interleave.
 */
final class AtcBroadcaster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AtcBroadcaster.class);
    static final String ENDPOINT = "atc";

    private final LiveHub<AtcPosition> hub;
    private final Map<WireFormat, FrameEncoder> encoders = new EnumMap<>(WireFormat.class);
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("ws-atc").daemon().factory());
    /** The positions as of {@code hubSeq}, by id; bounded by the hub's own bound. */
    private final TreeMap<String, AtcPosition> mirror = new TreeMap<>();

    private final Set<ClientConnection> clients = new LinkedHashSet<>();
    private final AtomicInteger connected = new AtomicInteger();
    private final Map<WireFormat, OutFrame> snapshots = new EnumMap<>(WireFormat.class); // at seq
    private long hubSeq;
    private long seq;

    AtcBroadcaster(LiveHub<AtcPosition> atcHub, WsSettings settings, MeterRegistry meters) {
        this.hub = atcHub;
        for (WireFormat f : WireFormat.values()) encoders.put(f, FrameEncoder.of(f));
        Gauge.builder("skysentinel.ws.clients", connected, AtomicInteger::get)
                .tag("endpoint", ENDPOINT)
                .register(meters);
        long tick = settings.atcInterval().toMillis();
        thread.scheduleAtFixedRate(guard(this::tick), tick, tick, TimeUnit.MILLISECONDS);
        long ping = settings.pingInterval().toMillis();
        thread.scheduleAtFixedRate(guard(this::ping), ping, ping, TimeUnit.MILLISECONDS);
    }

    int clients() {
        return connected.get();
    }

    /** Adds the client and sends it the snapshot at the current seq. */
    void join(ClientConnection client) {
        run(() -> {
            if (client.closed() || !clients.add(client)) return;
            connected.incrementAndGet();
            client.takeResync();
            client.offer(snapshot(client.format));
        });
    }

    void leave(ClientConnection client) {
        run(() -> {
            if (clients.remove(client)) connected.decrementAndGet();
        });
    }

    void sendError(ClientConnection client, String message) {
        run(() -> {
            long now = System.currentTimeMillis();
            client.offer(OutFrame.of(
                    "error", client.format, encoders.get(client.format).error(now, message), now));
        });
    }

    private void tick() {
        Changes<AtcPosition> c = hub.changesSince(hubSeq);
        if (c.seq() == hubSeq && !c.resync()) {
            resyncWhoNeedsIt(); // a client whose queue overflowed since: its snapshot, without waiting for a change
            return;
        }
        hubSeq = c.seq();
        seq++;
        snapshots.clear();
        if (c.resync()) {
            // the hub's log no longer reaches back (or it restarted): everyone starts over from a snapshot
            mirror.clear();
            for (AtcPosition p : c.upserts()) mirror.put(p.id(), p);
            for (ClientConnection client : clients) {
                client.takeResync();
                client.offer(snapshot(client.format));
            }
            return;
        }
        for (String id : c.removals()) mirror.remove(id);
        for (AtcPosition p : c.upserts()) mirror.put(p.id(), p);
        long now = System.currentTimeMillis();
        Map<WireFormat, OutFrame> encoded = new EnumMap<>(WireFormat.class);
        for (ClientConnection client : clients) {
            if (client.takeResync()) {
                client.offer(snapshot(client.format));
                continue;
            }
            client.offer(encoded.computeIfAbsent(
                    client.format,
                    f -> OutFrame.of(
                            "delta", f, encoders.get(f).atcDelta(seq, hubSeq, now, c.upserts(), c.removals()), now)));
        }
    }

    private void resyncWhoNeedsIt() {
        for (ClientConnection client : clients) if (client.takeResync()) client.offer(snapshot(client.format));
    }

    /** The snapshot at the current seq, encoded at most once per format and shared by all who join or resync. */
    private OutFrame snapshot(WireFormat format) {
        return snapshots.computeIfAbsent(format, f -> {
            long now = System.currentTimeMillis();
            return OutFrame.of(
                    "snapshot",
                    f,
                    encoders.get(f).atcSnapshot(seq, hubSeq, now, new ArrayList<>(mirror.values())),
                    now);
        });
    }

    private void ping() {
        OutFrame ping = OutFrame.ping(System.currentTimeMillis());
        for (ClientConnection c : clients) c.offer(ping);
    }

    /** Runs on the push thread; after shutdown (sessions closing while the server stops) there is nothing to do. */
    private void run(Runnable task) {
        if (thread.isShutdown()) return;
        try {
            thread.execute(guard(task));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shut down between the check and the call
        }
    }

    /** A failing task must not cancel its schedule (scheduleAtFixedRate stops a task that throws). */
    private static Runnable guard(Runnable r) {
        return () -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                log.error("ATC push task failed", e);
            }
        };
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
