package io.skysentinel.api.ws;

import io.skysentinel.wire.WireFormat;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

/** /ws: the periodic full list for clients built for the PlaneTracker design; it ignores client messages. */
final class CompatSocketHandler extends AbstractWebSocketHandler {

    private final CompatFeed feed;
    private final WsSettings settings;
    private final WsMetrics metrics;
    private final ConcurrentHashMap<String, ClientConnection> clients = new ConcurrentHashMap<>();

    /** The connected clients, live (closed at shutdown by {@link GoingAway}). */
    java.util.Collection<ClientConnection> clients() {
        return clients.values();
    }

    CompatSocketHandler(CompatFeed feed, WsSettings settings, WsMetrics metrics) {
        this.feed = feed;
        this.settings = settings;
        this.metrics = metrics;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
        if (feed.clients() >= settings.maxClients()) {
            metrics.rejected("compat");
            session.close(CloseStatus.SERVICE_OVERLOAD.withReason("client limit reached; try again later"));
            return;
        }
        ClientConnection client = new ClientConnection(session, WireFormat.JSON, "compat", settings, metrics);
        clients.put(session.getId(), client);
        client.start();
        feed.add(client);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        ClientConnection client = clients.remove(session.getId());
        if (client == null) return;
        feed.remove(client);
        client.close(status);
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        afterConnectionClosed(session, CloseStatus.SERVER_ERROR);
    }
}
