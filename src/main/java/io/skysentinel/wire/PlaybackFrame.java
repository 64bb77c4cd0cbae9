package io.skysentinel.wire;

/**
 * The content of a {@code playback} progress frame (docs/history.md#playback): sent by /ws/playback once a second
 * and once at the end.
 *
 * @param timeMs   server wall clock when produced, epoch ms
 * @param atMs     the history moment shown so far, epoch ms
 * @param fromMs   the playback's start, epoch ms
 * @param toMs     its end, epoch ms
 * @param speed    history seconds per wall-clock second
 * @param finished true for the last frame (state "finished"), false while playing (state "playing")
 */
public record PlaybackFrame(long timeMs, long atMs, long fromMs, long toMs, double speed, boolean finished) {}
