package io.skysentinel.stream.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The delivery guarantees the design relies on are in the client configurations, not left to defaults. */
class KafkaClientsTest {

    final KafkaSettings settings = KafkaSettings.of("broker:9092");

    @Test
    void theProducerIsIdempotentWithAcksAllAndStringKeys() {
        var p = KafkaClients.producerConfig(settings, "x");
        assertThat(p).containsEntry(ProducerConfig.ACKS_CONFIG, "all").containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class)
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092");
        assertThat((Integer) p.get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION)).isLessThanOrEqualTo(5); // idempotence keeps order up to 5
        assertThat(p).containsKey(ProducerConfig.BUFFER_MEMORY_CONFIG);
    }

    @Test
    void hubReadersHaveNoGroupSoEveryInstanceSeesEveryRecord() {
        var c = KafkaClients.readerConfig(settings, "x");
        assertThat(c).doesNotContainKey(ConsumerConfig.GROUP_ID_CONFIG).containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    }

    @Test
    void aSessionTimeoutThatWouldDelayTakeoverBeyond30sIsRefused() {
        KafkaSettings d = KafkaSettings.of("b:1");
        assertThatThrownBy(() -> new KafkaSettings("b:1", 6, (short) 1, "s", "u", "d", "c", d.updatesRetention(),
                d.deadletterRetention(), d.publishInterval(), Duration.ofSeconds(45), "g"))
                .hasMessageContaining("session-timeout");
        assertThatThrownBy(() -> KafkaSettings.of(" ")).hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS");
    }
}
