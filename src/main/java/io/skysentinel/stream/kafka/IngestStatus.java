package io.skysentinel.stream.kafka;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.skysentinel.core.SourceHealth;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The ingest leader's heartbeat on flights.status (docs/kafka.md, "flights.status"): its sources' health and data age,
 * every heartbeat interval. Instants are ISO-8601 strings so the record does not depend on a mapper's date settings.
 *
 * @param instance the publishing instance's id (changes on a failover)
 * @param sources  one entry per source the leader runs
 */
@JsonPropertyOrder({"schema_version", "type", "produced_at", "instance", "sources"})
public record IngestStatus(
        @JsonProperty("schema_version") int schemaVersion,
        @JsonProperty("type") String type,
        @JsonProperty("produced_at") String producedAt,
        @JsonProperty("instance") String instance,
        @JsonProperty("sources") List<Source> sources) {

    public static final String TYPE = "ingest_status";
    public static final String KEY = "ingest";

    public IngestStatus {
        if (schemaVersion != Envelope.SCHEMA_VERSION) throw new IllegalArgumentException("schema_version must be 2");
        if (!TYPE.equals(type)) throw new IllegalArgumentException("type must be " + TYPE);
        Instant.parse(Objects.requireNonNull(producedAt, "produced_at"));
        Objects.requireNonNull(instance, "instance");
        sources = List.copyOf(Objects.requireNonNull(sources, "sources"));
    }

    public Instant producedAtInstant() {
        return Instant.parse(producedAt);
    }

    /**
     * One source at the leader: {@link SourceHealth}'s fields plus the age of its newest data there and how many
     * aircraft of it the leader's picture holds.
     */
    @JsonPropertyOrder({
        "name",
        "mode",
        "state",
        "detail",
        "data_age_s",
        "aircraft",
        "last_success",
        "last_error",
        "last_error_message",
        "next_poll",
        "last_batch_size"
    })
    public record Source(
            @JsonProperty("name") String name,
            @JsonProperty("mode") String mode,
            @JsonProperty("state") SourceHealth.State state,
            @JsonProperty("detail") String detail,
            @JsonProperty("data_age_s") Double dataAgeS,
            @JsonProperty("aircraft") int aircraft,
            @JsonProperty("last_success") String lastSuccess,
            @JsonProperty("last_error") String lastError,
            @JsonProperty("last_error_message") String lastErrorMessage,
            @JsonProperty("next_poll") String nextPoll,
            @JsonProperty("last_batch_size") int lastBatchSize) {
        public Source {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(state, "state");
        }

        static Source of(SourceHealth h, Double dataAgeS, int aircraft) {
            return new Source(
                    h.name(),
                    h.mode(),
                    h.state(),
                    h.detail(),
                    dataAgeS,
                    aircraft,
                    text(h.lastSuccess()),
                    text(h.lastError()),
                    h.lastErrorMessage(),
                    text(h.nextPoll()),
                    h.lastBatchSize());
        }

        SourceHealth toHealth() {
            return new SourceHealth(
                    name,
                    mode,
                    state,
                    detail,
                    instant(lastSuccess),
                    instant(lastError),
                    lastErrorMessage,
                    instant(nextPoll),
                    lastBatchSize);
        }

        private static String text(Instant i) {
            return i == null ? null : i.toString();
        }

        private static Instant instant(String s) {
            return s == null ? null : Instant.parse(s);
        }
    }
}
