package io.skysentinel.api.ws;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.skysentinel.alerts.Alert;
import io.skysentinel.alerts.AlertBodies;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AnomalyEvent;
import io.skysentinel.hub.Changes;
import io.skysentinel.hub.LiveHub;
import io.skysentinel.wire.EventFrames;
import io.skysentinel.wire.FrameEncoder;
import io.skysentinel.wire.TreeFrames;
import io.skysentinel.wire.WireFormat;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every delta interval: asks the hub what changed since the last tick, folds it into each view, encodes each view's
 * delta once per format in use and offers the same bytes to every client of the view. Joins, leaves, status and pings
 * run on the same single thread, so views need no locks and a client's snapshot and the deltas after it can never
 * interleave wrongly.
 */
final class Broadcaster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Broadcaster.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LiveHub<Aircraft> hub;
    private final WsSettings settings;
    private final WsMetrics metrics;
    private final StatusFrames status;
    private final EventRelay events;
    private final AlertRelay alerts;
    private final Map<WireFormat, FrameEncoder> encoders = new EnumMap<>(WireFormat.class);
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("ws-broadcaster").daemon().factory());
    private final TiledPicture picture; // the hub's picture as of lastHubSeq
    private final Map<ViewFilter, View> views = new HashMap<>();
    private final AtomicInteger clients = new AtomicInteger();
    private final Timer tickTimer;
    private long lastHubSeq;

    Broadcaster(
            LiveHub<Aircraft> hub,
            WsSettings settings,
            WsMetrics metrics,
            StatusFrames status,
            EventRelay events,
            AlertRelay alerts,
            MeterRegistry meters) {
        this.hub = hub;
        this.events = events;
        this.alerts = alerts;
        this.settings = settings;
        this.metrics = metrics;
        this.status = status;
        this.picture = new TiledPicture(new TileGrid(settings.tileDeg()));
        for (WireFormat f : WireFormat.values()) encoders.put(f, FrameEncoder.of(f));
        this.tickTimer = Timer.builder("skysentinel.ws.tick")
                .description("Time to fold, encode and queue one delta tick")
                .publishPercentileHistogram()
                .register(meters);
        Gauge.builder("skysentinel.ws.clients", clients, AtomicInteger::get)
                .tag("endpoint", "flights")
                .register(meters);
        Gauge.builder("skysentinel.ws.views", views, Map::size).register(meters);
        long delta = settings.deltaInterval().toMillis();
        thread.scheduleAtFixedRate(guard(this::tick), delta, delta, TimeUnit.MILLISECONDS);
        long st = settings.statusInterval().toMillis();
        thread.scheduleAtFixedRate(guard(this::sendStatus), st, st, TimeUnit.MILLISECONDS);
        long ping = settings.pingInterval().toMillis();
        thread.scheduleAtFixedRate(guard(this::ping), ping, ping, TimeUnit.MILLISECONDS);
    }

    int clients() {
        return clients.get();
    }

    /** Moves the client to the view for {@code filter} (creating it) and sends it that view's snapshot. */
    void subscribe(ClientConnection client, ViewFilter filter) {
        run(() -> {
            if (client.closed()) return;
            if (client.view == null) clients.incrementAndGet();
            else detach(client);
            View v = views.computeIfAbsent(filter, f -> new View(f, picture, lastHubSeq));
            v.clients.add(client);
            client.view = v;
            client.takeResync();
            client.offer(snapshotFrame(v, client.format));
        });
    }

    /** Sets which rules' alerts the client gets as {@code alert} frames. */
    void subscribeAlerts(ClientConnection client, AlertSubscription subscription) {
        run(() -> client.alerts = subscription);
    }

    void unsubscribe(ClientConnection client) {
        run(() -> {
            if (client.view == null) return;
            detach(client);
            client.view = null;
            clients.decrementAndGet();
        });
    }

    /** Sends a frame to one client in its format, in order with its other frames. */
    void sendError(ClientConnection client, String message) {
        run(() -> {
            long now = System.currentTimeMillis();
            client.offer(OutFrame.of(
                    "error", client.format, encoders.get(client.format).error(now, message), now));
        });
    }

    /**
     * Runs on the broadcaster thread; after shutdown (sessions closing while the server stops) there is nothing to do.
     */
    private void run(Runnable task) {
        if (thread.isShutdown()) return;
        try {
            thread.execute(guard(task));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shut down between the check and the call: same as above
        }
    }

    private void detach(ClientConnection client) {
        View old = client.view;
        old.clients.remove(client);
        if (old.clients.isEmpty()) views.remove(old.filter);
    }

    private void tick() {
        sendEvents();
        sendAlerts();
        long start = System.nanoTime();
        Changes<Aircraft> c = hub.changesSince(lastHubSeq);
        if (c.seq() == lastHubSeq && !c.resync() && !anyResyncPending()) return;
        lastHubSeq = c.seq();
        long now = System.currentTimeMillis();
        if (c.resync()) {
            resyncEveryone(c);
        } else {
            TiledPicture.Tick t = picture.apply(c.removals(), c.upserts());
            for (View v : views.values()) sendDelta(v, v.apply(t), now);
        }
        tickTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    /** The hub's own resync (its log no longer reaches back, or it restarted): every client starts over. */
    private void resyncEveryone(Changes<Aircraft> c) {
        picture.reset(c.upserts());
        for (View v : views.values()) {
            v.recount();
            v.hubSeq = c.seq();
            v.seq++;
            for (ClientConnection client : v.clients) {
                client.takeResync();
                client.offer(snapshotFrame(v, client.format));
            }
        }
    }

    /** Anomaly events go to every client whatever its view, each encoded once per format in use. */
    private void sendEvents() {
        for (AnomalyEvent event : events.drain()) {
            long now = System.currentTimeMillis();
            Map<WireFormat, OutFrame> encoded = new EnumMap<>(WireFormat.class);
            for (View v : views.values()) {
                for (ClientConnection client : v.clients) {
                    client.offer(encoded.computeIfAbsent(
                            client.format, f -> OutFrame.of("event", f, EventFrames.encode(f, now, event), now)));
                }
            }
        }
    }

    /** Alerts go to the clients that subscribed to their rule, each encoded once per format in use. */
    private void sendAlerts() {
        for (Alert alert : alerts.drain()) {
            long now = System.currentTimeMillis();
            Map<WireFormat, OutFrame> encoded = new EnumMap<>(WireFormat.class);
            JsonNode body = null;
            for (View v : views.values()) {
                for (ClientConnection client : v.clients) {
                    if (!client.alerts.wants(alert.ruleId())) continue;
                    if (body == null) body = JSON.readTree(AlertBodies.json(alert));
                    JsonNode b = body;
                    client.offer(encoded.computeIfAbsent(
                            client.format,
                            f -> OutFrame.of("alert", f, TreeFrames.encode(f, "alert", now, "alert", b), now)));
                }
            }
        }
    }

    private void sendDelta(View v, View.Change change, long now) {
        v.hubSeq = lastHubSeq;
        if (change.isEmpty()) {
            resyncWhoNeedsIt(v);
            return;
        }
        v.seq++;
        Map<WireFormat, OutFrame> encoded = new EnumMap<>(WireFormat.class);
        for (ClientConnection client : v.clients) {
            if (client.takeResync()) {
                client.offer(snapshotFrame(v, client.format));
                continue;
            }
            OutFrame frame = encoded.computeIfAbsent(
                    client.format,
                    f -> OutFrame.of(
                            "delta",
                            f,
                            encoders.get(f).delta(v.seq, v.hubSeq, now, change.upserts(), change.removals()),
                            now));
            client.offer(frame);
        }
    }

    private boolean anyResyncPending() {
        for (View v : views.values()) for (ClientConnection c : v.clients) if (c.resyncPending()) return true;
        return false;
    }

    private void resyncWhoNeedsIt(View v) {
        for (ClientConnection client : v.clients)
            if (client.takeResync()) client.offer(snapshotFrame(v, client.format));
    }

    private OutFrame snapshotFrame(View v, WireFormat format) {
        return v.snapshot(encoders.get(format), System.currentTimeMillis());
    }

    private void sendStatus() {
        StatusFrames.Common common = status.common();
        for (View v : views.values()) {
            Map<WireFormat, OutFrame> encoded = new EnumMap<>(WireFormat.class);
            for (ClientConnection client : v.clients) {
                client.offer(encoded.computeIfAbsent(
                        client.format,
                        f -> OutFrame.of(
                                "status", f, encoders.get(f).status(common.forView(v.size())), common.timeMs())));
            }
        }
    }

    private void ping() {
        OutFrame ping = OutFrame.ping(System.currentTimeMillis());
        for (View v : views.values()) for (ClientConnection c : v.clients) c.offer(ping);
    }

    /** A failing task must not cancel its schedule (scheduleAtFixedRate stops a task that throws). */
    private static Runnable guard(Runnable r) {
        return () -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                log.error("Push broadcaster task failed", e);
            }
        };
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
