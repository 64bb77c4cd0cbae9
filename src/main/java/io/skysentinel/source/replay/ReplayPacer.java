package io.skysentinel.source.replay;

/**
 * Decides how long to wait before publishing each frame: frames are due at the recording's own gaps divided by
 * the speed. The schedule is anchored on the first frame (due = anchor + (time − anchorTime) / speed) rather than
 * chained gap by gap, so time spent parsing and publishing does not accumulate into drift. Pure: it is given
 * the wall time and never sleeps.
 */
public final class ReplayPacer {

    /** When this far behind schedule (slow disk, a pause), restart the schedule instead of bursting to catch up. */
    static final long MAX_LAG_MS = 5_000;

    private final double speed;
    private boolean anchored;
    private long anchorWallMs, anchorRecordingMs, lastRecordingMs;

    /** @param speed 1 = real time, 2 = twice as fast, 0 = never wait */
    public ReplayPacer(double speed) {
        if (!(speed >= 0) || Double.isInfinite(speed))
            throw new IllegalArgumentException("speed must be >= 0: " + speed);
        this.speed = speed;
    }

    /** Milliseconds to wait, from {@code wallNowMs}, before publishing the frame recorded at {@code recordingMs}. */
    public long waitMillis(long recordingMs, long wallNowMs) {
        if (speed == 0) return 0;
        if (!anchored || recordingMs < lastRecordingMs) {
            // First frame, or the recording went back in time (a glitch): play it now and pace from here.
            anchor(recordingMs, wallNowMs);
            return 0;
        }
        lastRecordingMs = recordingMs;
        long due = anchorWallMs + Math.round((recordingMs - anchorRecordingMs) / speed);
        long wait = due - wallNowMs;
        if (wait < -MAX_LAG_MS) {
            anchor(recordingMs, wallNowMs);
            return 0;
        }
        return Math.max(0, wait);
    }

    private void anchor(long recordingMs, long wallNowMs) {
        anchored = true;
        anchorRecordingMs = lastRecordingMs = recordingMs;
        anchorWallMs = wallNowMs;
    }
}
