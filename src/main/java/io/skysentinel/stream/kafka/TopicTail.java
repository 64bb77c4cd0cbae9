package io.skysentinel.stream.kafka;

import java.time.Duration;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thread that reads one small side topic on every instance (no group: each sees every record) and hands each poll's
 * records to a handler: flights.status from the beginning (compacted, so the newest heartbeat is there at once) and
 * flights.events from the end (live events only). A handler that throws is logged and the records are skipped: these
 * topics carry nothing that must not be missed.
 */
final class TopicTail implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopicTail.class);

    interface Handler {
        void handle(ConsumerRecords<String, byte[]> records);
    }

    private final String topic;
    private final boolean fromStart;
    private final Supplier<Consumer<String, byte[]>> consumers;
    private final Handler handler;
    private final ConsumerThread loop;
    private volatile boolean assigned;

    TopicTail(String topic, boolean fromStart, Supplier<Consumer<String, byte[]>> consumers, Handler handler) {
        this.topic = topic;
        this.fromStart = fromStart;
        this.consumers = consumers;
        this.handler = handler;
        this.loop = new ConsumerThread("kafka-tail-" + topic);
    }

    void start() {
        loop.start(this::run);
    }

    /** True once the partitions are assigned and positioned: what the topic gets from now on is seen. */
    boolean assigned() {
        return assigned;
    }

    private void run() {
        try (Consumer<String, byte[]> c = consumers.get()) {
            loop.attach(c);
            AssignedTopic.await(c, topic, fromStart, loop::running);
            assigned = true;
            while (loop.running()) {
                try {
                    ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(200));
                    if (!records.isEmpty()) handler.handle(records);
                } catch (WakeupException e) {
                    if (loop.running()) throw e;
                } catch (RuntimeException e) {
                    log.warn("Reading {} failed (skipping to the next records): {}", topic, e.toString());
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            log.error("Reading {} stopped", topic, e);
        }
    }

    @Override
    public void close() {
        loop.stop(Duration.ofSeconds(10));
    }
}
