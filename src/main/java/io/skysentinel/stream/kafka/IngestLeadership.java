package io.skysentinel.stream.kafka;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election among ingest instances through Kafka: all of them join one consumer group on the single-partition
 * coordination topic, and the member assigned partition 0 is the leader, the only one that polls upstream. When the
 * leader stops, its consumer leaves the group and a standby is assigned the partition within a heartbeat or two;
 * when it dies, within the session timeout (10 s by default), so OpenSky credits are never spent twice.
 *
 * <p>An instance that loses the partition (a long GC pause, a network split) stops its sources and stays in the
 * group as a standby: it leads again when it is assigned the partition again, with its sources restarted. The
 * callbacks run on their own thread, in order (a deposition queued behind a slow election runs after it), so a slow
 * start (reading flights.state) never delays the group heartbeat.
 */
public final class IngestLeadership implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestLeadership.class);

    private final KafkaSettings settings;
    private final Supplier<Consumer<String, byte[]>> members;
    private final Runnable onElected, onDeposed;
    private final ExecutorService actions = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("ingest-leadership").daemon().unstarted(r));
    private final ConsumerThread loop = new ConsumerThread("ingest-election");
    private volatile boolean leader;
    private volatile int terms;

    public IngestLeadership(
            KafkaSettings settings,
            Supplier<Consumer<String, byte[]>> members,
            Runnable onElected,
            Runnable onDeposed,
            MeterRegistry meters) {
        this.settings = settings;
        this.members = members;
        this.onElected = onElected;
        this.onDeposed = onDeposed;
        Gauge.builder("skysentinel.kafka.ingest.leader", this, l -> l.leader ? 1 : 0)
                .description("1 while this instance is the ingest leader (polls upstream)")
                .register(meters);
    }

    public void start() {
        loop.start(this::run);
    }

    public boolean leader() {
        return leader;
    }

    /** Times this instance has been elected since it started. */
    public int terms() {
        return terms;
    }

    private void run() {
        TopicPartition p0 = new TopicPartition(settings.coordinationTopic(), 0);
        try (Consumer<String, byte[]> c = members.get()) {
            loop.attach(c);
            c.subscribe(List.of(settings.coordinationTopic()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    if (partitions.contains(p0) && !leader) {
                        leader = true;
                        terms++;
                        log.info("This instance is now the ingest leader (term {})", terms);
                        actions.execute(logged("elected", onElected));
                    }
                }

                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    if (partitions.contains(p0)) depose("revoked");
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> partitions) {
                    if (partitions.contains(p0)) depose("lost (session expired)");
                }
            });
            while (loop.running()) {
                try {
                    c.poll(Duration.ofMillis(500));
                } catch (WakeupException e) {
                    break;
                } catch (RuntimeException e) {
                    log.warn("Ingest election poll failed (retrying): {}", e.toString());
                    ConsumerThread.pause(1000);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            log.error("Ingest election stopped", e);
        } finally {
            if (leader) depose("stopping");
        }
    }

    private void depose(String why) {
        if (!leader) return;
        leader = false;
        log.warn("Ingest leadership {}: stopping this instance's sources; standing by", why);
        actions.execute(logged("deposed", onDeposed));
    }

    /** An executor swallows what a task throws; a failed start or stop of the sources must at least be logged. */
    private static Runnable logged(String what, Runnable r) {
        return () -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                log.error("Ingest leadership '{}' action failed", what, e);
            }
        };
    }

    /** Leaves the group (a standby takes over at once) and runs the deposed callback if this instance led. */
    @Override
    public void close() {
        loop.stop(Duration.ofSeconds(15));
        try {
            actions.shutdown();
            actions.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
