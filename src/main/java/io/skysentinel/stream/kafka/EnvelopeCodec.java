package io.skysentinel.stream.kafka;

import com.fasterxml.jackson.annotation.JsonProperty;
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
     * @param key          the record key, which must be the payload's id
     * @param expectedType the type this topic carries, or null for either
     */
    public Envelope decode(String key, byte[] value, String expectedType) throws InvalidEnvelopeException {
        Wire w;
        try {
            w = json.readValue(value, Wire.class); // one pass straight into the records: the common, valid case
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            return decodeCarefully(key, value, expectedType); // names the field that is wrong
        }
        if (w == null) throw new InvalidEnvelopeException("not_object", "the value is not a JSON object");
        checkVersion(w.schemaVersion());
        String type = checkType(w.type() != null && w.type().isString() ? w.type().asString() : null, expectedType);
        String producedAt = checkProducedAt(w.producedAt() != null && w.producedAt().isString() ? w.producedAt().asString() : null);
        if (w.source() == null) throw new InvalidEnvelopeException("source", "source is missing");
        if (w.payload() == null) throw new InvalidEnvelopeException("payload", "payload must be an aircraft object");
        checkKey(key, w.payload());
        return new Envelope(Envelope.SCHEMA_VERSION, type, producedAt, w.source(), w.payload());
    }

    /** The envelope as bound in one pass; the scalar fields stay nodes so their JSON types can be checked. */
    private record Wire(@JsonProperty("schema_version") JsonNode schemaVersion, @JsonProperty("type") JsonNode type,
                        @JsonProperty("produced_at") JsonNode producedAt, @JsonProperty("source") SourceInfo source,
                        @JsonProperty("payload") Aircraft payload) { }

    private static void checkVersion(JsonNode version) throws InvalidEnvelopeException {
        if (version == null || !version.isIntegralNumber() || version.asInt() != Envelope.SCHEMA_VERSION)
            throw new InvalidEnvelopeException("schema_version", "schema_version must be 1, got " + version);
    }

    private static String checkType(String type, String expectedType) throws InvalidEnvelopeException {
        if (!Envelope.FLIGHT_STATE.equals(type) && !Envelope.FLIGHT_UPDATE.equals(type))
            throw new InvalidEnvelopeException("type", "type must be flight_state or flight_update, got " + type);
        if (expectedType != null && !expectedType.equals(type))
            throw new InvalidEnvelopeException("type", "this topic carries " + expectedType + ", got " + type);
        return type;
    }

    private static String checkProducedAt(String producedAt) throws InvalidEnvelopeException {
        try {
            Instant.parse(producedAt);
            return producedAt;
        } catch (DateTimeParseException | NullPointerException e) {
            throw new InvalidEnvelopeException("produced_at", "produced_at must be an ISO-8601 instant, got " + producedAt);
        }
    }

    private static void checkKey(String key, Aircraft payload) throws InvalidEnvelopeException {
        if (key == null || !key.equals(payload.id()))
            throw new InvalidEnvelopeException("key_mismatch", "record key " + key + " is not the payload's id " + payload.id());
    }

    /** Field by field, for a value the one-pass binding refused: finds the first field that is wrong. */
    private Envelope decodeCarefully(String key, byte[] value, String expectedType) throws InvalidEnvelopeException {
        JsonNode root;
        try {
            root = json.readTree(value);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new InvalidEnvelopeException("not_json", String.valueOf(e.getMessage()));
        }
        if (root == null || !root.isObject()) throw new InvalidEnvelopeException("not_object", "the value is not a JSON object");
        checkVersion(root.get("schema_version"));
        String type = checkType(text(root, "type"), expectedType);
        String producedAt = checkProducedAt(text(root, "produced_at"));
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
        checkKey(key, payload);
        return new Envelope(Envelope.SCHEMA_VERSION, type, producedAt, source, payload);
    }

    private static String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        return n == null || !n.isString() ? null : n.asString();
    }
}
