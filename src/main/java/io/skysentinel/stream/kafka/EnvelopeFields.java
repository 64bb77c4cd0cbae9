package io.skysentinel.stream.kafka;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.RemovalReason;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** The checks of the envelope's own fields, shared by the one-pass and the careful decoding paths. */
final class EnvelopeFields {

    private static final Set<String> KNOWN_TYPES =
            Set.of(Envelope.FLIGHT_STATE, Envelope.FLIGHT_UPDATE, Envelope.FLIGHT_REMOVAL);

    private EnvelopeFields() {}

    static String text(JsonNode n) {
        return n == null || !n.isString() ? null : n.asString();
    }

    /** @return 1 or 2 (a v1 record is upgraded when read) */
    static int version(JsonNode version) throws InvalidEnvelopeException {
        // canConvertToInt first: asInt() throws on a number beyond int, which would stall the consumer on the record
        boolean known = version != null
                && version.isIntegralNumber()
                && version.canConvertToInt()
                && version.asInt() >= 1
                && version.asInt() <= Envelope.SCHEMA_VERSION;
        if (!known)
            throw new InvalidEnvelopeException("schema_version", "schema_version must be 1 or 2, got " + version);
        return version.asInt();
    }

    static String type(String type, Set<String> expected) throws InvalidEnvelopeException {
        // a missing type is null, and Set.of(…).contains(null) throws: check it first (a poison record otherwise)
        if (type == null || !KNOWN_TYPES.contains(type))
            throw new InvalidEnvelopeException(
                    "type", "type must be flight_state, flight_update or flight_removal, got " + type);
        if (expected != null && !expected.contains(type)) {
            String carried = String.join(" or ", expected.stream().sorted().toList());
            throw new InvalidEnvelopeException("type", "this topic carries " + carried + ", got " + type);
        }
        return type;
    }

    /** Parsed here, once per record: the envelope keeps the instant. */
    static Instant producedAt(String producedAt) throws InvalidEnvelopeException {
        try {
            return Instant.parse(producedAt);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new InvalidEnvelopeException(
                    "produced_at", "produced_at must be an ISO-8601 instant, got " + producedAt);
        }
    }

    /** A removal names its reason; no other type has one. */
    static RemovalReason reason(String type, JsonNode reason) throws InvalidEnvelopeException {
        boolean absent = reason == null || reason.isNull();
        if (!Envelope.FLIGHT_REMOVAL.equals(type)) {
            if (absent) return null;
            throw new InvalidEnvelopeException("reason", "only flight_removal has a reason, got one on " + type);
        }
        String wire = text(reason);
        try {
            return RemovalReason.ofWire(wire);
        } catch (IllegalArgumentException e) {
            throw new InvalidEnvelopeException("reason", "reason must be stale, left_feed or upstream, got " + reason);
        }
    }

    static void key(String key, Aircraft payload) throws InvalidEnvelopeException {
        if (key == null || !key.equals(payload.id()))
            throw new InvalidEnvelopeException(
                    "key_mismatch", "record key " + key + " is not the payload's id " + payload.id());
    }
}
