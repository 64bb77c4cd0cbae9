package io.skysentinel.api.ws;

import io.skysentinel.core.Aircraft;
import io.skysentinel.hub.HubSnapshot;
import io.skysentinel.hub.LiveHub;
import io.skysentinel.wire.StatusFrame;
import io.skysentinel.wire.WireFormat;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * /ws, compatible with the PlaneTracker design: every few seconds the whole list
 * {@code {"count","timestamp","flights":[…],"rate_limit":{…}}}, encoded once and shared by all its clients.
 */
final class CompatFeed implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CompatFeed.class);

    record FullList(int count, Instant timestamp, List<Aircraft> flights, StatusFrame.RateLimit rateLimit) {}

    private final LiveHub<Aircraft> hub;
    private final StatusFrames status;
    private final JsonMapper json;
    private final Set<ClientConnection> clients = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("ws-compat").daemon().factory());

    CompatFeed(LiveHub<Aircraft> hub, StatusFrames status, JsonMapper json, WsSettings settings) {
        this.hub = hub;
        this.status = status;
        this.json = json;
        long every = settings.compatInterval().toMillis();
        thread.scheduleAtFixedRate(this::broadcast, every, every, TimeUnit.MILLISECONDS);
    }

    void add(ClientConnection client) {
        clients.add(client);
        client.offer(frame()); // a new client does not wait for the next round
    }

    void remove(ClientConnection client) {
        clients.remove(client);
    }

    int clients() {
        return clients.size();
    }

    private void broadcast() {
        try {
            if (clients.isEmpty()) return;
            OutFrame frame = frame();
            for (ClientConnection c : clients) c.offer(frame);
        } catch (RuntimeException e) {
            log.error("Compat feed round failed", e);
        }
    }

    private OutFrame frame() {
        HubSnapshot<Aircraft> snap = hub.snapshot();
        List<Aircraft> flights = snap.entities().stream()
                .sorted(Comparator.comparing(Aircraft::id))
                .toList();
        byte[] bytes = json.writeValueAsBytes(
                new FullList(flights.size(), Instant.ofEpochMilli(snap.takenAtMs()), flights, status.rateLimit()));
        return OutFrame.of("list", WireFormat.JSON, bytes, snap.takenAtMs());
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
