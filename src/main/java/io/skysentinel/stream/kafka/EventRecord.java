package io.skysentinel.stream.kafka;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.skysentinel.core.AnomalyEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The value of a flights.events record (docs/kafka.md, "flights.events"): one anomaly event the history role's
 * analytics detected, for every serve instance to push to its browsers. Unknown coordinates and altitude are null
 * (the event's NaN), as in the WebSocket event frame.
 */
@JsonPropertyOrder({"schema_version", "type", "produced_at", "payload"})
public record EventRecord(
        @JsonProperty("schema_version") int schemaVersion,
        @JsonProperty("type") String type,
        @JsonProperty("produced_at") String producedAt,
        @JsonProperty("payload") Payload payload) {

    public static final String TYPE = "anomaly_event";

    public EventRecord {
        if (schemaVersion != Envelope.SCHEMA_VERSION) throw new IllegalArgumentException("schema_version must be 2");
        if (!TYPE.equals(type)) throw new IllegalArgumentException("type must be " + TYPE);
        Instant.parse(Objects.requireNonNull(producedAt, "produced_at"));
        Objects.requireNonNull(payload, "payload");
    }

    static EventRecord of(AnomalyEvent e, Instant producedAt) {
        return new EventRecord(
                Envelope.SCHEMA_VERSION,
                TYPE,
                producedAt.toString(),
                new Payload(
                        e.kind(),
                        e.timeMs(),
                        e.id(),
                        e.callsign(),
                        orNull(e.lat()),
                        orNull(e.lon()),
                        orNull(e.altitudeM()),
                        e.details()));
    }

    AnomalyEvent event() {
        return new AnomalyEvent(
                payload.kind,
                payload.timeMs,
                payload.id,
                payload.callsign,
                orNaN(payload.lat),
                orNaN(payload.lon),
                orNaN(payload.altitudeM),
                payload.details);
    }

    /** {@link AnomalyEvent}'s fields by their JSON names. */
    @JsonPropertyOrder({"kind", "time_ms", "id", "callsign", "lat", "lon", "altitude_m", "details"})
    public record Payload(
            @JsonProperty("kind") String kind,
            @JsonProperty("time_ms") long timeMs,
            @JsonProperty("id") String id,
            @JsonProperty("callsign") String callsign,
            @JsonProperty("lat") Double lat,
            @JsonProperty("lon") Double lon,
            @JsonProperty("altitude_m") Double altitudeM,
            @JsonProperty("details") Map<String, Object> details) {
        public Payload {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(id, "id");
        }
    }

    private static Double orNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static double orNaN(Double v) {
        return v == null ? Double.NaN : v;
    }
}
