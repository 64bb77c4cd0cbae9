package io.skysentinel.api.ws;

import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

/**
 * /ws/atc: the ATC positions, a snapshot on connect then deltas; {@code ?format=msgpack} as on /ws/flights. There is
 * nothing to subscribe to: a client message gets an error frame and the connection stays open (docs/websocket.md).
 */
final class AtcSocketHandler extends AbstractWebSocketHandler {

    private final AtcBroadcaster broadcaster;
    private final WsSettings settings;
    private final WsMetrics metrics;
    private final ConcurrentHashMap<String, ClientConnection> clients = new ConcurrentHashMap<>();

    /** The connected clients, live (closed at shutdown by {@link GoingAway}). */
    java.util.Collection<ClientConnection> clients() {
        return clients.values();
    }

    AtcSocketHandler(AtcBroadcaster broadcaster, WsSettings settings, WsMetrics metrics) {
        this.broadcaster = broadcaster;
        this.settings = settings;
        this.metrics = metrics;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
        ClientConnection client =
                ClientConnection.accept(session, AtcBroadcaster.ENDPOINT, clients.size(), settings, metrics);
        if (client == null) return;
        clients.put(session.getId(), client);
        client.start();
        broadcaster.join(client);
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        refuse(session);
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
        refuse(session);
    }

    private void refuse(WebSocketSession session) {
        ClientConnection client = clients.get(session.getId());
        if (client != null)
            broadcaster.sendError(client, "/ws/atc takes no client messages: every client gets every position");
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        ClientConnection client = clients.remove(session.getId());
        if (client == null) return;
        client.close(status);
        broadcaster.leave(client);
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        afterConnectionClosed(session, CloseStatus.SERVER_ERROR);
    }
}
