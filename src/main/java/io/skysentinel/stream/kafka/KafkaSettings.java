package io.skysentinel.stream.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The Kafka bus (SKYSENTINEL_BUS=kafka); docs/kafka.md describes each topic.
 *
 * @param bootstrapServers   KAFKA_BOOTSTRAP_SERVERS, host:port[,host:port]
 * @param partitions         partitions of flights.state / flights.updates / flights.deadletter when this process creates them
 * @param replicationFactor  replication of the topics it creates (1 for a single broker)
 * @param updatesRetention   how long flights.updates keeps every envelope (history consumers read it)
 * @param deadletterRetention how long flights.deadletter keeps rejected records
 * @param publishInterval    how often the ingest leader turns the hub's changes into records
 * @param sessionTimeout     how long a silent ingest leader keeps leadership before a standby takes over
 * @param ingestGroup        the consumer group the ingest instances elect their leader in
 */
@ConfigurationProperties(prefix = "skysentinel.kafka")
public record KafkaSettings(@DefaultValue("localhost:9092") String bootstrapServers,
                            @DefaultValue("6") int partitions,
                            @DefaultValue("1") short replicationFactor,
                            @DefaultValue("flights.state") String stateTopic,
                            @DefaultValue("flights.updates") String updatesTopic,
                            @DefaultValue("flights.deadletter") String deadletterTopic,
                            @DefaultValue("flights.coordination") String coordinationTopic,
                            @DefaultValue("24h") Duration updatesRetention,
                            @DefaultValue("7d") Duration deadletterRetention,
                            @DefaultValue("200ms") Duration publishInterval,
                            @DefaultValue("10s") Duration sessionTimeout,
                            @DefaultValue("skysentinel-ingest") String ingestGroup) {

    public KafkaSettings {
        if (bootstrapServers == null || bootstrapServers.isBlank())
            throw new IllegalArgumentException("KAFKA_BOOTSTRAP_SERVERS must name at least one broker (host:port)");
        if (partitions < 1) throw new IllegalArgumentException("skysentinel.kafka.partitions must be >= 1");
        if (replicationFactor < 1) throw new IllegalArgumentException("skysentinel.kafka.replication-factor must be >= 1");
        if (publishInterval.isNegative() || publishInterval.isZero())
            throw new IllegalArgumentException("skysentinel.kafka.publish-interval must be positive");
        // The broker refuses sessions outside 6..300 s by default; takeover must stay under 30 s.
        if (sessionTimeout.compareTo(Duration.ofSeconds(6)) < 0 || sessionTimeout.compareTo(Duration.ofSeconds(25)) > 0)
            throw new IllegalArgumentException("skysentinel.kafka.session-timeout must be between 6s and 25s");
    }

    public static KafkaSettings of(String bootstrapServers) {
        return new KafkaSettings(bootstrapServers, 6, (short) 1, "flights.state", "flights.updates", "flights.deadletter",
                "flights.coordination", Duration.ofHours(24), Duration.ofDays(7), Duration.ofMillis(200),
                Duration.ofSeconds(10), "skysentinel-ingest");
    }

    public KafkaSettings withPartitions(int n) {
        return new KafkaSettings(bootstrapServers, n, replicationFactor, stateTopic, updatesTopic, deadletterTopic,
                coordinationTopic, updatesRetention, deadletterRetention, publishInterval, sessionTimeout, ingestGroup);
    }
}
