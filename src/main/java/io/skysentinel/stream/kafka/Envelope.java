package io.skysentinel.stream.kafka;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.RemovalReason;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One flight record of flights.state or flights.updates, decoded (docs/kafka.md, "Envelope v2"):
 * {@code {schema_version:2, type, produced_at, source:{…}, reason?, payload:{…aircraft…}}}. A v1 record left on a
 * topic by an older version decodes to the same shape, upgraded ({@link #schemaVersion()} says which it was).
 *
 * @param schemaVersion the version the record was written in (1 or 2); every record this version writes is 2
 * @param type          {@link #FLIGHT_STATE}, {@link #FLIGHT_UPDATE} or {@link #FLIGHT_REMOVAL}
 * @param producedAt    when the ingest leader published it (ms precision); parsed once, when the record is read
 * @param source        which source produced the state and how it polls
 * @param reason        why the flight left the picture, for a {@link #FLIGHT_REMOVAL}; null for the other types
 * @param payload       the aircraft exactly as the REST API writes it; for a removal, the last state held
 */
public record Envelope(
        int schemaVersion, String type, Instant producedAt, SourceInfo source, RemovalReason reason, Aircraft payload) {

    public static final int SCHEMA_VERSION = 2;
    public static final String FLIGHT_STATE = "flight_state";
    public static final String FLIGHT_UPDATE = "flight_update";
    public static final String FLIGHT_REMOVAL = "flight_removal";
    /** What flights.state carries (besides tombstones). */
    public static final Set<String> STATE_TOPIC = Set.of(FLIGHT_STATE);
    /** What flights.updates carries. */
    public static final Set<String> UPDATES_TOPIC = Set.of(FLIGHT_UPDATE, FLIGHT_REMOVAL);

    public Envelope {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(producedAt, "producedAt");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(payload, "payload");
        if (FLIGHT_REMOVAL.equals(type) != (reason != null))
            throw new IllegalArgumentException("a reason is required on flight_removal and only there: " + type);
    }

    /** A record as this version writes it. */
    public static Envelope of(String type, Instant producedAt, SourceInfo source, RemovalReason reason, Aircraft a) {
        return new Envelope(SCHEMA_VERSION, type, producedAt, source, reason, a);
    }

    public long producedAtMs() {
        return producedAt.toEpochMilli();
    }
}
