package io.skysentinel.api.ws;

import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import tools.jackson.core.JacksonException;
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

    FlightsSocketHandler(Broadcaster broadcaster, WsSettings settings, WsMetrics metrics) {
        this.broadcaster = broadcaster;
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
        JsonNode msg;
        try {
            msg = json.readTree(message.getPayload());
        } catch (JacksonException e) {
            broadcaster.sendError(client, "message is not valid JSON");
            return;
        }
        String type = msg.path("type").asString("");
        if ("alerts".equals(type)) {
            try {
                broadcaster.subscribeAlerts(client, AlertSubscription.parse(msg.get("rules")));
            } catch (IllegalArgumentException e) {
                broadcaster.sendError(client, e.getMessage());
            }
            return;
        }
        if (!"subscribe".equals(type)) {
            broadcaster.sendError(client, "unknown message type '" + type + "'; expected \"subscribe\" or \"alerts\"");
            return;
        }
        try {
            broadcaster.subscribe(client, ViewFilter.parse(msg.get("filter"), settings.tileDeg()));
        } catch (ViewFilter.InvalidFilterException e) {
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
