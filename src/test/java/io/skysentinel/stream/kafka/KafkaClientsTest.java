package io.skysentinel.stream.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The delivery guarantees the design relies on are in the client configurations, not left to defaults. */
class KafkaClientsTest {

    final KafkaSettings settings = KafkaSettings.of("broker:9092");

    @Test
    void theProducerIsIdempotentWithAcksAllAndStringKeys() {
        var p = KafkaClients.producerConfig(settings, "x");
        assertThat(p)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class)
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092");
        assertThat((Integer) p.get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION))
                .isLessThanOrEqualTo(5); // idempotence keeps order up to 5
        assertThat(p).containsKey(ProducerConfig.BUFFER_MEMORY_CONFIG);
    }

    @Test
    void historyMembersShareAGroupAndCommitByHand() {
        var c = KafkaClients.historyConfig(settings, "h", 100);
        assertThat(c)
                .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "skysentinel-history")
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                .containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
                .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
    }

    @Test
    void hubReadersHaveNoGroupSoEveryInstanceSeesEveryRecord() {
        var c = KafkaClients.readerConfig(settings, "x");
        assertThat(c)
                .doesNotContainKey(ConsumerConfig.GROUP_ID_CONFIG)
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    }

    @Test
    void aSessionTimeoutThatWouldDelayTakeoverBeyond30sIsRefused() {
        KafkaSettings d = KafkaSettings.of("b:1");
        assertThatThrownBy(() -> d.withTimings(
                        d.publishInterval(), Duration.ofSeconds(45), d.heartbeatInterval(), d.heartbeatTimeout()))
                .hasMessageContaining("session-timeout");
        // one late heartbeat must not look like a dead ingest side
        assertThatThrownBy(() -> d.withTimings(
                        d.publishInterval(), d.sessionTimeout(), Duration.ofSeconds(5), Duration.ofSeconds(8)))
                .hasMessageContaining("heartbeat-timeout");
        assertThatThrownBy(() -> KafkaSettings.of(" ")).hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS");
    }
}
