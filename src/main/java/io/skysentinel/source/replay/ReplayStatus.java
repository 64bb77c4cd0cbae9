package io.skysentinel.source.replay;

import io.skysentinel.core.SourceHealth;
import java.time.Duration;
import java.time.Instant;

/**
 * What the replay is doing, turned into {@link SourceHealth} on demand. Written by the replay thread, read by
 * health checks; every method is synchronized and cheap. Times are passed in, so the rules are testable alone.
 */
final class ReplayStatus {

    /** A malformed line keeps health DEGRADED for this long, then playing on cleanly brings it back to UP. */
    static final Duration DEGRADED_AFTER_MALFORMED = Duration.ofSeconds(60);

    private static final String MODE = "replay";

    private enum Phase {
        IDLE,
        PLAYING,
        FINISHED,
        FAILED,
        STOPPED
    }

    private final String speedText;
    private Phase phase = Phase.IDLE;
    private long framesPublished;
    private Instant recordingTime;
    private Instant lastSuccess;
    private int lastBatchSize;
    private Instant nextFrameAt;
    private long malformedLines;
    private Instant lastMalformedAt;
    private String lastMalformed;
    private Instant lastError;
    private String lastErrorMessage;

    ReplayStatus(double speed) {
        this.speedText = speed == 0 ? "speed 0 (as fast as possible)" : "speed " + speed;
    }

    synchronized void playing() {
        phase = Phase.PLAYING;
    }

    synchronized void waitingUntil(Instant due) {
        nextFrameAt = due;
    }

    synchronized void published(ReplayLine.Frame frame, Instant wallNow) {
        framesPublished++;
        recordingTime = Instant.ofEpochMilli(frame.timeMs());
        lastSuccess = wallNow;
        lastBatchSize = frame.aircraft().size();
        nextFrameAt = null;
    }

    synchronized void malformed(ReplayLine.Malformed line, Instant wallNow) {
        malformedLines++;
        lastMalformedAt = wallNow;
        lastMalformed = "line " + line.lineNumber() + ": " + line.reason();
    }

    synchronized void finished() {
        phase = Phase.FINISHED;
        nextFrameAt = null;
    }

    /** The replay cannot go on (file missing or unreadable). */
    synchronized void failed(String message, Instant wallNow) {
        phase = Phase.FAILED;
        lastError = wallNow;
        lastErrorMessage = message;
        nextFrameAt = null;
    }

    synchronized void stopped() {
        if (phase == Phase.PLAYING || phase == Phase.FINISHED) phase = Phase.STOPPED;
        nextFrameAt = null;
    }

    synchronized SourceHealth toHealth(String name, Instant now) {
        return switch (phase) {
            case IDLE -> health(name, SourceHealth.State.DOWN, "not started");
            case FAILED ->
                health(
                        name,
                        framesPublished == 0 ? SourceHealth.State.DOWN : SourceHealth.State.DEGRADED,
                        lastErrorMessage);
            case STOPPED -> health(name, SourceHealth.State.DOWN, "stopped after " + framesPublished + " frames");
            // DEGRADED, not UP: nothing new will come, and the hub keeps serving the recording's last picture, which
            // must be marked stale rather than look live.
            case FINISHED ->
                health(
                        name,
                        SourceHealth.State.DEGRADED,
                        "finished: " + framesPublished + " frames replayed, last recording time " + recordingTime
                                + skippedSuffix());
            case PLAYING -> {
                String detail = framesPublished == 0
                        ? "starting, " + speedText
                        : "frame " + framesPublished + ", recording time " + recordingTime + ", " + speedText;
                boolean recentlyMalformed = lastMalformedAt != null
                        && !lastMalformedAt.plus(DEGRADED_AFTER_MALFORMED).isBefore(now);
                yield recentlyMalformed
                        ? health(
                                name,
                                SourceHealth.State.DEGRADED,
                                detail + "; skipped malformed " + lastMalformed + " (" + malformedLines + " so far)")
                        : health(name, SourceHealth.State.UP, detail);
            }
        };
    }

    private String skippedSuffix() {
        return malformedLines == 0 ? "" : ", " + malformedLines + " malformed lines skipped";
    }

    private SourceHealth health(String name, SourceHealth.State state, String detail) {
        return new SourceHealth(
                name, MODE, state, detail, lastSuccess, lastError, lastErrorMessage, nextFrameAt, lastBatchSize);
    }
}
