package io.skysentinel.stream.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads flights.state once, start to end, and returns the ids whose latest record is a state (not a tombstone). */
public final class StateTopicKeys {
    private StateTopicKeys() { }

    public static Set<String> live(Consumer<String, byte[]> c, String topic, Duration timeout) {
        var infos = c.partitionsFor(topic, timeout);
        List<TopicPartition> parts = infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        c.assign(parts);
        c.seekToBeginning(parts);
        Map<TopicPartition, Long> end = c.endOffsets(parts);
        Set<String> live = new HashSet<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!reached(c, end)) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("could not read " + topic + " to its end within " + timeout);
            for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                if (r.key() == null) continue;
                if (r.value() == null) live.remove(r.key());
                else live.add(r.key());
            }
        }
        return live;
    }

    private static boolean reached(Consumer<String, byte[]> c, Map<TopicPartition, Long> end) {
        for (var e : end.entrySet()) if (c.position(e.getKey()) < e.getValue()) return false;
        return true;
    }
}
