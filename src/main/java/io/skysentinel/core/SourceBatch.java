package io.skysentinel.core;

import java.util.List;
import java.util.Objects;

/**
 * One delivery from a source to the hub: the aircraft one poll (or one simulator tick, or one replayed
 * line) produced.
 *
 * @param source        the source's name ("opensky", "sim", "replay", …)
 * @param observedAtMs  the source's own time for this data, epoch ms (OpenSky's {@code time} field)
 * @param clockOffsetMs how far the source's clock runs behind the wall clock, ms. Live sources send 0; a replay
 *                      sends (wall now − recording time) so that staleness and data age follow the recording's
 *                      clock and a year-old recording still plays back in full.
 * @param aircraft      the states; an aircraft missing from a batch is <em>not</em> removed (only staleness
 *                      removes aircraft)
 */
public record SourceBatch(String source, long observedAtMs, long clockOffsetMs, List<Aircraft> aircraft) {
    public SourceBatch {
        Objects.requireNonNull(source, "source");
        aircraft = List.copyOf(aircraft);
    }

    public static SourceBatch live(String source, long observedAtMs, List<Aircraft> aircraft) {
        return new SourceBatch(source, observedAtMs, 0, aircraft);
    }
}
