package io.skysentinel.stream.kafka;

import static io.skysentinel.testing.Fixtures.plane;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.hub.HubSettings;
import io.skysentinel.hub.LiveHub;
import io.skysentinel.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The ingest publisher without a broker: Kafka's MockProducer records what would be sent (and can fail a send), a
 * test clock moves the grace period, and the publisher is pumped and ticked by hand, so every case is deterministic.
 */
class IngestPublisherTest {

    static final long T = 1_766_888_000L;
    final TestClock clock = new TestClock(Instant.ofEpochSecond(T));
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final LiveHub<Aircraft> hub = LiveHub.forAircraft(HubSettings.defaults(), clock, new SimpleMeterRegistry());
    KafkaSettings settings = KafkaSettings.of("mock:9092");
    MockProducer<String, byte[]> producer = mock(true);
    IngestPublisher publisher;

    static MockProducer<String, byte[]> mock(boolean autoComplete) {
        return new MockProducer<>(autoComplete, null, new StringSerializer(), new ByteArraySerializer());
    }

    IngestPublisher publisher() {
        publisher = new IngestPublisher(
                settings, hub, KafkaRig.CODEC, SourceInfo::unknown, producer, clock, 60_000, meters);
        publisher.prepare(Set.of());
        return publisher;
    }

    void apply(long t, Aircraft... aircraft) {
        hub.apply(SourceBatch.live("sim", t * 1000, List.of(aircraft)));
    }

    static Aircraft at(String id, long t, double lat) {
        return plane(id).at(lat, -73.8).seen(t).build();
    }

    List<ProducerRecord<String, byte[]>> sent(String topic) {
        return producer.history().stream().filter(r -> r.topic().equals(topic)).toList();
    }

    static Envelope decode(ProducerRecord<String, byte[]> r) throws InvalidEnvelopeException {
        return KafkaRig.CODEC.decode(r.key(), r.value(), null);
    }

    /** The payload's bytes inside a record value (everything after "payload": but the closing brace). */
    static byte[] payloadOf(byte[] value) {
        String text = new String(value, StandardCharsets.UTF_8);
        int at = text.indexOf(",\"payload\":") + ",\"payload\":".length();
        return Arrays.copyOfRange(value, at, value.length - 1);
    }

    double counter(String name, String tag, String value) {
        var c = meters.find(name).tag(tag, value).counter();
        if (c != null) return c.count();
        return meters.get(name).tag(tag, value).functionCounter().count();
    }

    @Test
    void everyAcceptedStateAndRemovalGoesToUpdatesInOrderWhileTheStateTopicGetsTheLatest() throws Exception {
        publisher();
        apply(T, at("a00001", T, 40.0));
        apply(T + 1, at("a00001", T + 1, 40.1), at("b00001", T + 1, 41.0));
        assertThat(publisher.pump(0)).isEqualTo(3);
        assertThat(publisher.tick()).isEqualTo(2);

        List<ProducerRecord<String, byte[]>> updates = sent(settings.updatesTopic());
        assertThat(updates).extracting(ProducerRecord::key).containsExactly("a00001", "a00001", "b00001");
        assertThat(decode(updates.get(0)).payload().position().lat()).isEqualTo(40.0);
        assertThat(decode(updates.get(1)).payload().position().lat()).isEqualTo(40.1);
        assertThat(updates).allSatisfy(r -> assertThat(decode(r).type()).isEqualTo(Envelope.FLIGHT_UPDATE));
        List<ProducerRecord<String, byte[]>> states = sent(settings.stateTopic());
        assertThat(states).extracting(ProducerRecord::key).containsExactly("a00001", "b00001");
        assertThat(decode(states.getFirst()).payload().position().lat()).isEqualTo(40.1);
        // encoded once: the state record carries the very payload bytes of the update it coalesces
        assertThat(payloadOf(states.getFirst().value()))
                .isEqualTo(payloadOf(updates.get(1).value()))
                .isEqualTo(KafkaRig.CODEC.payload(hub.get("a00001")));

        // 62 s later only b00001 reports: a00001 is stale at the hub, a flight_removal and a tombstone
        apply(T + 62, at("b00001", T + 62, 41.5));
        publisher.pump(0);
        publisher.tick();
        ProducerRecord<String, byte[]> removal = sent(settings.updatesTopic()).getLast();
        assertThat(removal.key()).isEqualTo("a00001");
        assertThat(decode(removal).type()).isEqualTo(Envelope.FLIGHT_REMOVAL);
        assertThat(decode(removal).reason().wire()).isEqualTo("stale");
        assertThat(decode(removal).payload().position().lat())
                .as("the last state, for self-sufficient consumers")
                .isEqualTo(40.1);
        assertThat(sent(settings.stateTopic())).anySatisfy(r -> {
            assertThat(r.key()).isEqualTo("a00001");
            assertThat(r.value()).isNull();
        });
        assertThat(counter("skysentinel.kafka.published", "kind", "update")).isEqualTo(4);
        assertThat(counter("skysentinel.kafka.published", "kind", "removal")).isEqualTo(1);
        assertThat(counter("skysentinel.kafka.published", "kind", "tombstone")).isEqualTo(1);
    }

    @Test
    void aFailedSendRepublishesTheWholePictureOnTheNextTickAndIsCounted() throws Exception {
        producer = mock(false);
        publisher();
        apply(T, at("a00001", T, 40.0), at("a00002", T, 40.0), at("a00003", T, 40.0));
        publisher.pump(0);
        publisher.tick();
        assertThat(producer.errorNext(new TimeoutException("delivery timeout"))).isTrue(); // the first update gives up
        while (producer.completeNext()) {}
        apply(T + 1, at("a00002", T + 1, 40.2));
        publisher.pump(0);
        int before = sent(settings.stateTopic()).size();
        assertThat(publisher.tick()).isEqualTo(3);
        assertThat(sent(settings.stateTopic()).subList(before, before + 3))
                .extracting(ProducerRecord::key)
                .containsExactlyInAnyOrder("a00001", "a00002", "a00003");
        assertThat(counter("skysentinel.kafka.publish.failed", "topic", "updates"))
                .isEqualTo(1);
        assertThat(counter("skysentinel.kafka.publish.republishes", "cause", "send_failed"))
                .isEqualTo(1);
        // a send that cannot even be buffered (max.block.ms) counts the same way
        producer.sendException = new TimeoutException("no buffer space");
        apply(T + 2, at("a00003", T + 2, 40.3));
        publisher.pump(0);
        producer.sendException = null;
        assertThat(publisher.republishPending()).isTrue();
        assertThat(counter("skysentinel.kafka.publish.failed", "topic", "updates"))
                .isEqualTo(2);
    }

    @Test
    void afterARepublishNoOlderQueuedStateFollowsThePictureOnTheCompactedTopic() throws Exception {
        publisher();
        apply(T, at("a00001", T, 40.0));
        publisher.pump(0);
        publisher.tick();
        producer.sendException = new TimeoutException("broker gone");
        apply(T + 1, at("a00002", T + 1, 40.0));
        publisher.pump(0);
        producer.sendException = null;
        apply(T + 2, at("a00001", T + 2, 40.5)); // still queued when the picture goes out
        int before = sent(settings.stateTopic()).size();
        publisher.tick(); // the republish: a00001 at 40.5 is in the picture
        publisher.pump(0); // its update is now sent; it must not put a state after the picture
        publisher.tick();
        List<ProducerRecord<String, byte[]>> states = sent(settings.stateTopic());
        List<ProducerRecord<String, byte[]>> after = states.subList(before, states.size());
        assertThat(after)
                .filteredOn(r -> r.key().equals("a00001"))
                .hasSize(1)
                .allSatisfy(
                        r -> assertThat(decode(r).payload().position().lat()).isEqualTo(40.5));
        assertThat(sent(settings.updatesTopic()).getLast().key())
                .as("the update itself still goes out")
                .isEqualTo("a00001");
    }

    @Test
    void updatesTheQueueDroppedAreCountedAndThePictureIsRepublished() throws Exception {
        settings = settings.withPublishQueue(5);
        publisher();
        apply(T, at("a00001", T, 40.0), at("a00002", T, 40.0));
        publisher.pump(0);
        publisher.tick();
        hub.apply(SourceBatch.live("sim", (T + 62) * 1000, List.of())); // both go stale: two removals
        Aircraft[] ten = new Aircraft[10];
        for (int i = 0; i < 10; i++) ten[i] = at(String.format("b%05d", i), T + 62, 41.0);
        apply(T + 62, ten); // 2 + 10 updates into a queue of 5
        publisher.pump(0);
        publisher.tick();
        assertThat(counter("skysentinel.kafka.publish.dropped", "reason", "queue_full"))
                .isEqualTo(7);
        assertThat(counter("skysentinel.kafka.publish.republishes", "cause", "updates_lost"))
                .isEqualTo(1);
        assertThat(sent(settings.updatesTopic()))
                .as("2 first states + the 5 kept updates")
                .hasSize(7);
        var states = sent(settings.stateTopic());
        assertThat(states.stream()
                        .filter(r -> r.value() != null && r.key().startsWith("b"))
                        .map(ProducerRecord::key)
                        .distinct())
                .as("the picture republished, the dropped states included")
                .hasSize(10);
        assertThat(states)
                .filteredOn(r -> r.value() == null)
                .extracting(ProducerRecord::key)
                .as("the removals that were dropped become tombstones")
                .containsExactlyInAnyOrder("a00001", "a00002");
    }

    @Test
    void inheritedAircraftKeepTheirGraceThroughARepublishAndAreTombstonedAtItsEndUnlessSeen() throws Exception {
        publisher();
        publisher.prepare(Set.of("ghost1", "5ee001"));
        apply(T, at("5ee001", T, 40.0), at("a00001", T, 40.0));
        publisher.pump(0);
        publisher.tick();
        producer.sendException = new TimeoutException("broker gone"); // a failed send: the next tick republishes
        apply(T + 1, at("a00001", T + 1, 40.1));
        publisher.pump(0);
        producer.sendException = null;
        publisher.tick(); // whole picture: ghost1 is not in it, but it is still in its grace
        assertThat(sent(settings.stateTopic()))
                .noneSatisfy(r -> assertThat(r.key()).isEqualTo("ghost1"));
        clock.advance(Duration.ofSeconds(61));
        publisher.tick();
        assertThat(sent(settings.stateTopic()))
                .filteredOn(r -> r.value() == null)
                .extracting(ProducerRecord::key)
                .containsExactly("ghost1");
    }

    @Test
    void aNewTermDiscardsWhatWasAcceptedAfterTheLastOneAndCountsIt() {
        publisher();
        apply(T, at("a00001", T, 40.0), at("a00002", T, 40.0));
        publisher.prepare(Set.of());
        assertThat(counter("skysentinel.kafka.publish.dropped", "reason", "after_term"))
                .isEqualTo(2);
        assertThat(publisher.pump(0)).isZero();
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void stoppingTheLoopSendsEverythingTheHubAcceptedBeforeIt() {
        publisher();
        var heartbeat = new IngestHeartbeat(settings, List::of, hub, producer, KafkaRig.JSON, "t", clock, meters);
        PublisherLoop loop = new PublisherLoop(settings, publisher, heartbeat, clock);
        loop.start(Set.of());
        int accepted = 0;
        for (int step = 0; step < 50; step++) {
            Aircraft[] batch = new Aircraft[20];
            for (int i = 0; i < 20; i++) batch[i] = at(String.format("c%05d", i), T + step, 40 + step * 0.01);
            apply(T + step, batch);
            accepted += 20;
        }
        loop.stop();
        assertThat(sent(settings.updatesTopic())).hasSize(accepted);
        assertThat(sent(settings.stateTopic()).getLast().value()).isNotNull();
        assertThat(publisher.queued()).isZero();
    }
}
