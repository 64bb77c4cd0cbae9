package io.skysentinel.stream.kafka;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads flights.state once, start to end, and returns the ids whose latest record is a state (not a tombstone). */
public final class StateTopicKeys {
    private StateTopicKeys() {}

    public static Set<String> live(Consumer<String, byte[]> c, String topic, Duration timeout) {
        AssignedTopic assigned = AssignedTopic.fromStart(c, topic, timeout);
        Set<String> live = new HashSet<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!assigned.reached(c)) {
            if (System.nanoTime() > deadline)
                throw new IllegalStateException("could not read " + topic + " to its end within " + timeout);
            for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                if (r.key() == null) continue;
                if (r.value() == null) live.remove(r.key());
                else live.add(r.key());
            }
        }
        return live;
    }
}
