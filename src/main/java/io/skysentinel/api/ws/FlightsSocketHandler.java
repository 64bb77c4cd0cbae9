package io.skysentinel.api.ws;

import io.skysentinel.api.rest.HandshakeRateLimit;
import io.skysentinel.api.rest.TokenBuckets;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * /ws/flights: a snapshot on connect, then deltas; {@code ?format=msgpack} for binary MessagePack frames. Clients send
 * JSON text messages ({@code {"type":"subscribe","filter":{…}}}); a bad one gets an error frame and the connection
 * stays open. The protocol is documented in docs/websocket.md.
 */
final class FlightsSocketHandler extends AbstractWebSocketHandler {

    private final Broadcaster broadcaster;
    private final WsSettings settings;
    private final WsMetrics metrics;
    private final JsonMapper json = JsonMapper.builder().build();
    private final ConcurrentHashMap<String, ClientConnection> clients = new ConcurrentHashMap<>();

    private final TokenBuckets subscribes;

    /** The connected clients, live (closed at shutdown by {@link GoingAway}). */
    java.util.Collection<ClientConnection> clients() {
        return clients.values();
    }

    /** @param subscribes the per-address limit on client messages (each one may re-plan a view) */
    FlightsSocketHandler(Broadcaster broadcaster, WsSettings settings, WsMetrics metrics, TokenBuckets subscribes) {
        this.broadcaster = broadcaster;
        this.subscribes = subscribes;
        this.settings = settings;
        this.metrics = metrics;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
        ClientConnection client = ClientConnection.accept(session, "flights", clients.size(), settings, metrics);
        if (client == null) return;
        clients.put(session.getId(), client);
        client.start();
        broadcaster.subscribe(client, ViewFilter.ALL);
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        ClientConnection client = clients.get(session.getId());
        if (client == null) return;
        long wait = subscribes.take(HandshakeRateLimit.address(session.getRemoteAddress()));
        if (wait > 0) {
            broadcaster.sendError(
                    client,
                    "too many messages from this address; message ignored, retry after " + TokenBuckets.seconds(wait)
                            + " s");
            return;
        }
        try {
            JsonNode msg = SubscribeMessage.object(json, message.getPayload());
            if (SubscribeMessage.isAlerts(msg)) {
                try {
                    broadcaster.subscribeAlerts(client, AlertSubscription.parse(msg.get("rules")));
                } catch (IllegalArgumentException e) {
                    broadcaster.sendError(client, e.getMessage());
                }
                return;
            }
            broadcaster.subscribe(client, SubscribeMessage.filter(msg, settings.tileDeg()));
        } catch (SubscribeMessage.InvalidMessageException e) {
            broadcaster.sendError(client, e.getMessage());
        }
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
        ClientConnection client = clients.get(session.getId());
        if (client != null) broadcaster.sendError(client, "client messages are JSON text frames");
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        ClientConnection client = clients.remove(session.getId());
        if (client == null) return;
        client.close(status);
        broadcaster.unsubscribe(client);
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        afterConnectionClosed(session, CloseStatus.SERVER_ERROR);
    }
}
