package io.skysentinel.api.ws;

import io.skysentinel.core.BoundedWait;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.socket.CloseStatus;

/**
 * On shutdown, closes every push client with 1001 (going away) before the web server stops: without it Tomcat cut
 * the connections and clients saw 1006 (abnormal closure), which tells a client nothing about coming back. Each
 * client's own sender writes its close frame after the frame in flight ({@link ClientConnection#close}), so no frame
 * is cut in half; the wait for them is bounded.
 */
final class GoingAway implements SmartLifecycle {

    static final CloseStatus SHUTDOWN = CloseStatus.GOING_AWAY.withReason("server shutting down");
    private static final long WAIT_MS = 3_000;

    private final List<Collection<ClientConnection>> endpoints;
    private volatile boolean running;

    GoingAway(List<Collection<ClientConnection>> endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        List<ClientConnection> all = new ArrayList<>();
        for (Collection<ClientConnection> clients : endpoints) all.addAll(clients);
        for (ClientConnection c : all) c.close(SHUTDOWN);
        BoundedWait.untilNone(all, c -> c.session.isOpen(), WAIT_MS);
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
