package io.skysentinel.stream.kafka;

import io.skysentinel.core.Aircraft;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Writes and checks envelope v1. Decoding validates every field the hub relies on and names the first one that is
 * wrong, so a bad record goes to the dead-letter topic with a reason instead of stalling or corrupting a hub.
 */
public final class EnvelopeCodec {

    private final JsonMapper json;

    /** @param json the application's mapper (the payload is the Aircraft record as the REST API writes it) */
    public EnvelopeCodec(JsonMapper json) {
        this.json = json;
    }

    public byte[] encode(Envelope e) {
        return json.writeValueAsBytes(e);
    }

    /**
     * @param key          the record key, which must be the payload's icao24
     * @param expectedType the type this topic carries, or null for either
     */
    public Envelope decode(String key, byte[] value, String expectedType) throws InvalidEnvelopeException {
        JsonNode root;
        try {
            root = json.readTree(value);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new InvalidEnvelopeException("not_json", String.valueOf(e.getMessage()));
        }
        if (root == null || !root.isObject()) throw new InvalidEnvelopeException("not_object", "the value is not a JSON object");
        JsonNode version = root.get("schema_version");
        if (version == null || !version.isIntegralNumber() || version.asInt() != Envelope.SCHEMA_VERSION)
            throw new InvalidEnvelopeException("schema_version", "schema_version must be 1, got " + version);
        String type = text(root, "type");
        if (!Envelope.FLIGHT_STATE.equals(type) && !Envelope.FLIGHT_UPDATE.equals(type))
            throw new InvalidEnvelopeException("type", "type must be flight_state or flight_update, got " + type);
        if (expectedType != null && !expectedType.equals(type))
            throw new InvalidEnvelopeException("type", "this topic carries " + expectedType + ", got " + type);
        String producedAt = text(root, "produced_at");
        try {
            Instant.parse(producedAt);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new InvalidEnvelopeException("produced_at", "produced_at must be an ISO-8601 instant, got " + producedAt);
        }
        SourceInfo source;
        try {
            source = json.treeToValue(root.get("source"), SourceInfo.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new InvalidEnvelopeException("source", "source is missing or malformed: " + e.getMessage());
        }
        if (source == null) throw new InvalidEnvelopeException("source", "source is missing");
        Aircraft payload;
        try {
            JsonNode p = root.get("payload");
            if (p == null || !p.isObject()) throw new InvalidEnvelopeException("payload", "payload must be an aircraft object");
            payload = json.treeToValue(p, Aircraft.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new InvalidEnvelopeException("payload", "payload is not a valid aircraft: " + e.getMessage());
        }
        if (key == null || !key.equals(payload.icao24()))
            throw new InvalidEnvelopeException("key_mismatch", "record key " + key + " is not the payload's icao24 " + payload.icao24());
        return new Envelope(Envelope.SCHEMA_VERSION, type, producedAt, source, payload);
    }

    private static String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        return n == null || !n.isString() ? null : n.asString();
    }
}
