package io.skysentinel.stream.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Kafka bus (SKYSENTINEL_BUS=kafka); docs/kafka.md describes each topic and setting.
 *
 * @param bootstrapServers    KAFKA_BOOTSTRAP_SERVERS, host:port[,host:port]
 * @param partitions          partitions of the flight topics (state, updates, deadletter, events) this process creates
 * @param replicationFactor   replication of the topics it creates (1 for a single broker)
 * @param updatesRetention    how long flights.updates keeps every update (history consumers read it)
 * @param deadletterRetention how long flights.deadletter keeps rejected records
 * @param eventsRetention     how long flights.events keeps anomaly events (serve instances tail it live)
 * @param publishInterval     how often the ingest leader publishes the coalesced latest states to flights.state
 * @param sessionTimeout      how long a silent group member (ingest leader, history consumer) keeps its partitions
 * @param ingestGroup         the consumer group the ingest instances elect their leader in
 * @param historyGroup        the consumer group the history instances share flights.updates in
 * @param heartbeatInterval   how often the ingest leader publishes its sources' health to flights.status
 * @param heartbeatTimeout    no heartbeat for this long: the ingest side is gone, serve instances say DEGRADED
 * @param publishQueue        updates the ingest leader queues for flights.updates; beyond it the oldest are dropped
 *                            and counted (the producer is stalled: a broker outage longer than its buffer)
 */
@ConfigurationProperties(prefix = "skysentinel.kafka")
public record KafkaSettings(
        @DefaultValue("localhost:9092") String bootstrapServers,
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("flights.state") String stateTopic,
        @DefaultValue("flights.updates") String updatesTopic,
        @DefaultValue("flights.deadletter") String deadletterTopic,
        @DefaultValue("flights.coordination") String coordinationTopic,
        @DefaultValue("flights.events") String eventsTopic,
        @DefaultValue("flights.status") String statusTopic,
        @DefaultValue("24h") Duration updatesRetention,
        @DefaultValue("7d") Duration deadletterRetention,
        @DefaultValue("24h") Duration eventsRetention,
        @DefaultValue("200ms") Duration publishInterval,
        @DefaultValue("10s") Duration sessionTimeout,
        @DefaultValue("skysentinel-ingest") String ingestGroup,
        @DefaultValue("skysentinel-history") String historyGroup,
        @DefaultValue("2s") Duration heartbeatInterval,
        @DefaultValue("15s") Duration heartbeatTimeout,
        @DefaultValue("200000") int publishQueue) {

    public KafkaSettings {
        if (bootstrapServers == null || bootstrapServers.isBlank())
            throw new IllegalArgumentException("KAFKA_BOOTSTRAP_SERVERS must name at least one broker (host:port)");
        if (partitions < 1) throw new IllegalArgumentException("skysentinel.kafka.partitions must be >= 1");
        if (replicationFactor < 1)
            throw new IllegalArgumentException("skysentinel.kafka.replication-factor must be >= 1");
        if (publishInterval.isNegative() || publishInterval.isZero())
            throw new IllegalArgumentException("skysentinel.kafka.publish-interval must be positive");
        // The broker refuses sessions outside 6..300 s by default; takeover must stay under 30 s.
        if (sessionTimeout.compareTo(Duration.ofSeconds(6)) < 0 || sessionTimeout.compareTo(Duration.ofSeconds(25)) > 0)
            throw new IllegalArgumentException("skysentinel.kafka.session-timeout must be between 6s and 25s");
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero())
            throw new IllegalArgumentException("skysentinel.kafka.heartbeat-interval must be positive");
        // a timeout of less than two intervals would call the ingest side gone on one late heartbeat
        if (heartbeatTimeout.compareTo(heartbeatInterval.multipliedBy(2)) < 0)
            throw new IllegalArgumentException(
                    "skysentinel.kafka.heartbeat-timeout must be at least twice the heartbeat-interval");
        if (publishQueue < 1) throw new IllegalArgumentException("skysentinel.kafka.publish-queue must be >= 1");
    }

    public static KafkaSettings of(String bootstrapServers) {
        return new KafkaSettings(
                bootstrapServers,
                6,
                (short) 1,
                "flights.state",
                "flights.updates",
                "flights.deadletter",
                "flights.coordination",
                "flights.events",
                "flights.status",
                Duration.ofHours(24),
                Duration.ofDays(7),
                Duration.ofHours(24),
                Duration.ofMillis(200),
                Duration.ofSeconds(10),
                "skysentinel-ingest",
                "skysentinel-history",
                Duration.ofSeconds(2),
                Duration.ofSeconds(15),
                200_000);
    }

    public KafkaSettings withPartitions(int n) {
        return new KafkaSettings(
                bootstrapServers,
                n,
                replicationFactor,
                stateTopic,
                updatesTopic,
                deadletterTopic,
                coordinationTopic,
                eventsTopic,
                statusTopic,
                updatesRetention,
                deadletterRetention,
                eventsRetention,
                publishInterval,
                sessionTimeout,
                ingestGroup,
                historyGroup,
                heartbeatInterval,
                heartbeatTimeout,
                publishQueue);
    }

    /** Every topic and group name prefixed (tests and benchmarks share one broker between runs). */
    public KafkaSettings withPrefix(String prefix) {
        return new KafkaSettings(
                bootstrapServers,
                partitions,
                replicationFactor,
                prefix + ".state",
                prefix + ".updates",
                prefix + ".deadletter",
                prefix + ".coordination",
                prefix + ".events",
                prefix + ".status",
                updatesRetention,
                deadletterRetention,
                eventsRetention,
                publishInterval,
                sessionTimeout,
                prefix + "-ingest",
                prefix + "-history",
                heartbeatInterval,
                heartbeatTimeout,
                publishQueue);
    }

    public KafkaSettings withTimings(Duration publish, Duration session, Duration heartbeat, Duration heartbeatGone) {
        return new KafkaSettings(
                bootstrapServers,
                partitions,
                replicationFactor,
                stateTopic,
                updatesTopic,
                deadletterTopic,
                coordinationTopic,
                eventsTopic,
                statusTopic,
                updatesRetention,
                deadletterRetention,
                eventsRetention,
                publish,
                session,
                ingestGroup,
                historyGroup,
                heartbeat,
                heartbeatGone,
                publishQueue);
    }

    public KafkaSettings withPublishQueue(int capacity) {
        return new KafkaSettings(
                bootstrapServers,
                partitions,
                replicationFactor,
                stateTopic,
                updatesTopic,
                deadletterTopic,
                coordinationTopic,
                eventsTopic,
                statusTopic,
                updatesRetention,
                deadletterRetention,
                eventsRetention,
                publishInterval,
                sessionTimeout,
                ingestGroup,
                historyGroup,
                heartbeatInterval,
                heartbeatTimeout,
                capacity);
    }
}
