package io.skysentinel.stream.kafka;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.skysentinel.core.Aircraft;

import java.util.Objects;

/**
 * Envelope v1, the value of every record on flights.state and flights.updates (docs/kafka.md):
 * {@code {schema_version:1, type, produced_at, source:{…}, payload:{…aircraft…}}}.
 *
 * @param producedAt ISO-8601 UTC instant at which the ingest leader published it
 * @param payload    the aircraft exactly as docs/api.md shows it
 */
@JsonPropertyOrder({"schema_version", "type", "produced_at", "source", "payload"})
public record Envelope(@JsonProperty("schema_version") int schemaVersion,
                       @JsonProperty("type") String type,
                       @JsonProperty("produced_at") String producedAt,
                       @JsonProperty("source") SourceInfo source,
                       @JsonProperty("payload") Aircraft payload) {

    public static final int SCHEMA_VERSION = 1;
    public static final String FLIGHT_STATE = "flight_state";
    public static final String FLIGHT_UPDATE = "flight_update";

    public Envelope {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(producedAt, "producedAt");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(payload, "payload");
    }

    public long producedAtMs() {
        return java.time.Instant.parse(producedAt).toEpochMilli();
    }
}
