package io.skysentinel.stream.kafka;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.RemovalReason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes envelope v2 and reads v2 and v1. Writing is split so that a state's payload is serialised once and the same
 * bytes go into its flights.updates and flights.state records ({@link #payload}, then {@link #wrap} per record).
 * Decoding validates every field a consumer relies on and names the first one that is wrong, so a bad record goes to
 * the dead-letter topic with a reason instead of stalling or corrupting a consumer.
 */
public final class EnvelopeCodec {

    private static final byte[] PAYLOAD_FIELD = ",\"payload\":".getBytes(StandardCharsets.US_ASCII);

    private final JsonMapper json;
    private final boolean keepNames;
    // a handful of distinct sources (one per source name), so this stays tiny
    private final Map<SourceInfo, byte[]> sourceJson = new ConcurrentHashMap<>();

    /** @param json the application's mapper (the payload is the Aircraft record as the REST API writes it) */
    public EnvelopeCodec(JsonMapper json) {
        this(json, false);
    }

    /**
     * @param keepNames VATSIM_STORE_NAMES: a topic is storage (retained, compacted), so a network member's name goes
     *                  into it only when names may be stored; otherwise the payload carries the name as null
     */
    public EnvelopeCodec(JsonMapper json, boolean keepNames) {
        this.json = json;
        this.keepNames = keepNames;
    }

    /** The aircraft as the REST API writes it: the payload of every record that carries this state. */
    public byte[] payload(Aircraft a) {
        return json.writeValueAsBytes(keepNames ? a : a.withoutPersonalNames());
    }

    /** A whole v2 record value around payload bytes from {@link #payload}; {@code reason} only for a removal. */
    public byte[] wrap(String type, Instant producedAt, SourceInfo source, RemovalReason reason, byte[] payload) {
        StringBuilder head = new StringBuilder(160)
                .append("{\"schema_version\":")
                .append(Envelope.SCHEMA_VERSION)
                .append(",\"type\":\"")
                .append(type)
                .append("\",\"produced_at\":\"")
                .append(producedAt.truncatedTo(ChronoUnit.MILLIS))
                .append("\",\"source\":");
        byte[] start = head.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] src = sourceJson.computeIfAbsent(source, json::writeValueAsBytes);
        byte[] why = reason == null
                ? new byte[0]
                : (",\"reason\":\"" + reason.wire() + "\"").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[start.length + src.length + why.length + PAYLOAD_FIELD.length + payload.length + 1];
        int at = put(out, 0, start);
        at = put(out, at, src);
        at = put(out, at, why);
        at = put(out, at, PAYLOAD_FIELD);
        at = put(out, at, payload);
        out[at] = '}';
        return out;
    }

    private static int put(byte[] out, int at, byte[] part) {
        System.arraycopy(part, 0, out, at, part.length);
        return at + part.length;
    }

    /** A whole envelope's record value (tests and tools; the publisher uses {@link #payload} and {@link #wrap}). */
    public byte[] encode(Envelope e) {
        return wrap(e.type(), e.producedAt(), e.source(), e.reason(), payload(e.payload()));
    }

    /**
     * @param key   the record key, which must be the payload's id
     * @param types the types this topic carries ({@link Envelope#STATE_TOPIC}, {@link Envelope#UPDATES_TOPIC}), or
     *              null for any
     */
    public Envelope decode(String key, byte[] value, Set<String> types) throws InvalidEnvelopeException {
        if (value == null)
            throw new InvalidEnvelopeException("null_value", "a null value (tombstone) is not an envelope");
        Wire w;
        try {
            w = json.readValue(value, Wire.class); // one pass straight into the records: the common, valid v2 case
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            return decodeCarefully(key, value, types); // v1 records, and naming the field that is wrong
        }
        if (w == null) throw new InvalidEnvelopeException("not_object", "the value is not a JSON object");
        if (EnvelopeFields.version(w.schemaVersion()) != Envelope.SCHEMA_VERSION)
            return decodeCarefully(key, value, types);
        String type = EnvelopeFields.type(EnvelopeFields.text(w.type()), types);
        Instant producedAt = EnvelopeFields.producedAt(EnvelopeFields.text(w.producedAt()));
        if (w.source() == null) throw new InvalidEnvelopeException("source", "source is missing");
        RemovalReason reason = EnvelopeFields.reason(type, w.reason());
        if (w.payload() == null) throw new InvalidEnvelopeException("payload", "payload must be an aircraft object");
        EnvelopeFields.key(key, w.payload());
        return new Envelope(Envelope.SCHEMA_VERSION, type, producedAt, w.source(), reason, w.payload());
    }

    /** The envelope as bound in one pass; the scalar fields stay nodes so their JSON types can be checked. */
    private record Wire(
            @JsonProperty("schema_version") JsonNode schemaVersion,
            @JsonProperty("type") JsonNode type,
            @JsonProperty("produced_at") JsonNode producedAt,
            @JsonProperty("source") SourceInfo source,
            @JsonProperty("reason") JsonNode reason,
            @JsonProperty("payload") Aircraft payload) {}

    /** Field by field, for a v1 record or a value the one-pass binding refused: finds the first field that is wrong. */
    private Envelope decodeCarefully(String key, byte[] value, Set<String> types) throws InvalidEnvelopeException {
        JsonNode root;
        try {
            root = json.readTree(value);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new InvalidEnvelopeException("not_json", String.valueOf(e.getMessage()));
        }
        if (root == null || !root.isObject())
            throw new InvalidEnvelopeException("not_object", "the value is not a JSON object");
        int version = EnvelopeFields.version(root.get("schema_version"));
        String type = EnvelopeFields.type(EnvelopeFields.text(root.get("type")), types);
        if (version == 1 && Envelope.FLIGHT_REMOVAL.equals(type))
            throw new InvalidEnvelopeException("type", "flight_removal does not exist in schema_version 1");
        Instant producedAt = EnvelopeFields.producedAt(EnvelopeFields.text(root.get("produced_at")));
        SourceInfo source;
        try {
            source = json.treeToValue(root.get("source"), SourceInfo.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new InvalidEnvelopeException("source", "source is missing or malformed: " + e.getMessage());
        }
        if (source == null) throw new InvalidEnvelopeException("source", "source is missing");
        RemovalReason reason = EnvelopeFields.reason(type, root.get("reason"));
        JsonNode p = root.get("payload");
        if (p == null || !p.isObject())
            throw new InvalidEnvelopeException("payload", "payload must be an aircraft object");
        if (version == 1) p = EnvelopeV1.upgradePayload(p);
        Aircraft payload;
        try {
            payload = json.treeToValue(p, Aircraft.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new InvalidEnvelopeException("payload", "payload is not a valid aircraft: " + e.getMessage());
        }
        EnvelopeFields.key(key, payload);
        return new Envelope(version, type, producedAt, source, reason, payload);
    }
}
