package io.skysentinel.stream.kafka;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics at start-up when they are missing, with the configurations docs/kafka.md lists. Existing topics
 * are left alone (an operator may have tuned them).
 */
public final class FlightTopics {

    private static final Logger log = LoggerFactory.getLogger(FlightTopics.class);

    private FlightTopics() {}

    public static List<NewTopic> specs(KafkaSettings s) {
        return List.of(
                // latest envelope per aircraft; tombstones are kept a day so a slow reader still sees the removal
                new NewTopic(s.stateTopic(), s.partitions(), s.replicationFactor())
                        .configs(Map.of(
                                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                                TopicConfig.DELETE_RETENTION_MS_CONFIG, "86400000",
                                TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0",
                                TopicConfig.SEGMENT_MS_CONFIG, "600000",
                                TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.1")),
                new NewTopic(s.updatesTopic(), s.partitions(), s.replicationFactor())
                        .configs(Map.of(
                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                TopicConfig.CLEANUP_POLICY_DELETE,
                                TopicConfig.RETENTION_MS_CONFIG,
                                String.valueOf(s.updatesRetention().toMillis()))),
                new NewTopic(s.deadletterTopic(), s.partitions(), s.replicationFactor())
                        .configs(Map.of(
                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                TopicConfig.CLEANUP_POLICY_DELETE,
                                TopicConfig.RETENTION_MS_CONFIG,
                                String.valueOf(s.deadletterRetention().toMillis()))),
                // anomaly events for the serve instances' browsers; they tail it live, history has them for good
                new NewTopic(s.eventsTopic(), s.partitions(), s.replicationFactor())
                        .configs(Map.of(
                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                TopicConfig.CLEANUP_POLICY_DELETE,
                                TopicConfig.RETENTION_MS_CONFIG,
                                String.valueOf(s.eventsRetention().toMillis()))),
                // the ingest leader's heartbeat under one key: compaction keeps the newest for a reader starting now
                new NewTopic(s.statusTopic(), 1, s.replicationFactor())
                        .configs(Map.of(
                                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                                TopicConfig.SEGMENT_MS_CONFIG, "600000",
                                TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.1")),
                // one partition: whoever is assigned it is the ingest leader
                new NewTopic(s.coordinationTopic(), 1, s.replicationFactor())
                        .configs(Map.of(
                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                TopicConfig.CLEANUP_POLICY_DELETE,
                                TopicConfig.RETENTION_MS_CONFIG,
                                "3600000")));
    }

    /** Creates each missing topic; waits for the broker's answer. */
    public static void ensure(Admin admin, KafkaSettings s) {
        for (NewTopic t : specs(s)) {
            try {
                admin.createTopics(List.of(t)).all().get();
                log.info("Kafka topic {} created ({} partition(s), {})", t.name(), t.numPartitions(), t.configs());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException))
                    throw new IllegalStateException(
                            "cannot create Kafka topic " + t.name() + " on " + s.bootstrapServers() + ": "
                                    + e.getCause(),
                            e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted creating Kafka topics", e);
            }
        }
    }
}
