package io.skysentinel.api.ws;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A /ws/flights client text message read into the filter it subscribes to (docs/websocket.md). Pure: the handler
 * turns a refusal into an error frame and the connection stays open, so anything a client sends must end here as a
 * filter or an {@link InvalidMessageException}; any other exception would close the connection with 1011.
 */
final class SubscribeMessage {

    /** What the client is told, in at most a few hundred characters whatever it sent. */
    static final class InvalidMessageException extends RuntimeException {
        InvalidMessageException(String message) {
            super(message);
        }
    }

    private static final int MAX_ECHO = 40;

    private SubscribeMessage() {}

    static ViewFilter parse(JsonMapper json, String text, double tileDeg) {
        return filter(object(json, text), tileDeg);
    }

    /** The message as a JSON object, or why it is none. */
    static JsonNode object(JsonMapper json, String text) {
        JsonNode msg;
        try {
            msg = json.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidMessageException("message is not valid JSON");
        }
        // an empty or blank text is no JSON value at all (a missing node, or null)
        if (msg == null || !msg.isObject()) throw new InvalidMessageException("message is not a JSON object");
        return msg;
    }

    /** An {@code alerts} message (docs/websocket.md#alerts): which alert frames the client wants. */
    static boolean isAlerts(JsonNode msg) {
        JsonNode type = msg.get("type");
        return type != null && type.isString() && "alerts".equals(type.asString());
    }

    /** The filter of a {@code subscribe} message. */
    static ViewFilter filter(JsonNode msg, double tileDeg) {
        JsonNode type = msg.get("type");
        if (type == null || !type.isString() || !"subscribe".equals(type.asString()))
            throw new InvalidMessageException(
                    "unknown message type " + echo(type) + "; expected \"subscribe\" or \"alerts\"");
        try {
            return ViewFilter.parse(msg.get("filter"), tileDeg);
        } catch (ViewFilter.InvalidFilterException e) {
            throw new InvalidMessageException(e.getMessage());
        }
    }

    /** The client's value, cut short: an error frame must not echo back a megabyte. */
    private static String echo(JsonNode v) {
        if (v == null) return "(none)";
        String s = v.isString() ? "'" + v.asString() + "'" : v.toString();
        return s.length() <= MAX_ECHO ? s : s.substring(0, MAX_ECHO) + "…";
    }
}
