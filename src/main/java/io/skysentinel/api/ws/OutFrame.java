package io.skysentinel.api.ws;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;

/**
 * One encoded frame waiting in client queues. The payload is shared by every client that gets the frame: text is
 * decoded to a String once (the servlet API only sends text from Strings), binary is wrapped per send because a
 * ByteBuffer's position is not shareable.
 */
record OutFrame(String type, String format, Object payload, int bytes, long producedAtMs) {

    static OutFrame of(String type, io.skysentinel.wire.WireFormat format, byte[] encoded, long producedAtMs) {
        Object payload = format.binary() ? encoded : new TextMessage(new String(encoded, StandardCharsets.UTF_8));
        return new OutFrame(type, format.name().toLowerCase(), payload, encoded.length, producedAtMs);
    }

    static OutFrame ping(long nowMs) {
        return new OutFrame("ping", "control", null, 0, nowMs);
    }

    WebSocketMessage<?> message() {
        if (payload == null) return new PingMessage();
        if (payload instanceof byte[] b) return new BinaryMessage(ByteBuffer.wrap(b));
        return (TextMessage) payload;
    }
}
