package io.skysentinel.source.replay;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.core.FlightBus;
import io.skysentinel.core.FlightSource;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.core.SourceHealth;
import io.skysentinel.statevector.StateVectorParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a recording of OpenSky bodies back as if live: one daemon thread reads frames ({@link ReplayReader}),
 * waits as the {@link ReplayPacer} says, and publishes each with {@code clockOffsetMs = wall now − recording
 * time}, so staleness and data age follow the recording's clock and an old recording still plays in full.
 */
public final class ReplaySource implements FlightSource {

    public static final String NAME = "replay";
    private static final Logger log = LoggerFactory.getLogger(ReplaySource.class);
    /** Malformed lines and rejected rows are logged this many times in full, then every 100th as a summary. */
    private static final int LOG_FIRST = 10, LOG_EVERY = 100;

    private final ReplayProperties props;
    private final FlightBus bus;
    private final Clock clock;
    private final StateVectorParser parser = new StateVectorParser();
    private final ReplayStatus status;
    private final Counter frames, dropped, bodyErrors, rowErrors;

    private Thread thread; // guarded by this
    private volatile boolean running;
    private long malformedLogged, rowErrorsLogged; // replay thread only

    public ReplaySource(ReplayProperties props, FlightBus bus, MeterRegistry meters, Clock clock) {
        this.props = props;
        this.bus = bus;
        this.clock = clock;
        this.status = new ReplayStatus(props.speed());
        this.frames = Counter.builder("skysentinel.replay.frames")
                .description("Recorded frames published")
                .register(meters);
        this.dropped = Counter.builder("skysentinel.replay.dropped")
                .description("Replayed frames the bus refused (full)")
                .register(meters);
        this.bodyErrors = parseErrors(meters, "body");
        this.rowErrors = parseErrors(meters, "row");
    }

    private static Counter parseErrors(MeterRegistry meters, String kind) {
        return Counter.builder("skysentinel.source.parse.errors")
                .tag("source", NAME)
                .tag("kind", kind)
                .description("Malformed bodies (whole lines) and rows skipped")
                .register(meters);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized void start() {
        if (thread != null) return;
        Path file = props.file();
        if (file == null) {
            fail("no replay file configured (skysentinel.replay.file)");
            return;
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            // Checked here, synchronously: health is DOWN at once and no thread is started for nothing.
            fail("replay file not found or not readable: " + file.toAbsolutePath());
            return;
        }
        running = true;
        status.playing();
        thread = Thread.ofPlatform().daemon().name("replay-source").start(() -> run(file));
        log.info("Replaying {} at speed {}{}", file, props.speed(), props.loop() ? ", looping" : "");
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread == null) return;
        thread.interrupt(); // ends a pacing wait at once
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
        status.stopped();
    }

    @Override
    public SourceHealth health() {
        return status.toHealth(NAME, clock.instant());
    }

    private void run(Path file) {
        ReplayPacer pacer = new ReplayPacer(props.speed());
        try (ReplayReader reader = ReplayReader.open(file, props.loop(), parser)) {
            ReplayLine line;
            while (running && (line = reader.next()) != null) {
                switch (line) {
                    case ReplayLine.Malformed m -> malformed(m);
                    case ReplayLine.Frame f -> {
                        if (!waitFor(pacer, f)) return;
                        publish(f);
                    }
                }
            }
            if (running) {
                status.finished();
                log.info("Replay of {} finished", file);
            }
        } catch (IOException | UncheckedIOException e) {
            // stop() interrupts; an interrupted file read fails with ClosedByInterruptException, which is no error.
            if (running) fail("replay stopped: cannot read " + file.toAbsolutePath() + ": " + e);
        } catch (RuntimeException e) {
            log.error("Replay of {} failed", file, e);
            fail("replay stopped: " + e);
        }
    }

    /** False when the wait was interrupted by {@link #stop()}. */
    private boolean waitFor(ReplayPacer pacer, ReplayLine.Frame frame) {
        long now = clock.millis();
        long wait = pacer.waitMillis(frame.timeMs(), now);
        if (wait <= 0) return running;
        status.waitingUntil(Instant.ofEpochMilli(now + wait));
        try {
            Thread.sleep(wait);
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void publish(ReplayLine.Frame frame) {
        long wallNow = clock.millis();
        if (!bus.publish(SourceBatch.replayed(NAME, frame.timeMs(), wallNow - frame.timeMs(), frame.aircraft()))) {
            dropped.increment();
        }
        frames.increment();
        status.published(frame, Instant.ofEpochMilli(wallNow));
        if (frame.rejectedRows() > 0) {
            rowErrors.increment(frame.rejectedRows());
            if (shouldLog(++rowErrorsLogged)) {
                log.warn(
                        "Replay line {}: skipped {} malformed rows, e.g. {} ({} lines with bad rows so far)",
                        frame.lineNumber(),
                        frame.rejectedRows(),
                        frame.rowErrors(),
                        rowErrorsLogged);
            }
        }
    }

    private void malformed(ReplayLine.Malformed line) {
        bodyErrors.increment();
        status.malformed(line, clock.instant());
        if (shouldLog(++malformedLogged)) {
            log.warn(
                    "Replay skipped malformed line {}: {} ({} so far)",
                    line.lineNumber(),
                    line.reason(),
                    malformedLogged);
        }
    }

    private static boolean shouldLog(long occurrence) {
        return occurrence <= LOG_FIRST || occurrence % LOG_EVERY == 0;
    }

    private void fail(String message) {
        status.failed(message, clock.instant());
        log.error("Replay source: {}", message);
    }
}
