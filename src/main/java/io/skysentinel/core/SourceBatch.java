package io.skysentinel.core;

import java.util.List;
import java.util.Objects;

/**
 * One delivery from a source to the hub: the aircraft one poll (or one simulator tick, or one replayed line)
 * produced.
 *
 * @param source        the source's name ("opensky", "sim", "replay", …)
 * @param observedAtMs  the source's own time for this data, epoch ms (OpenSky's {@code time} field)
 * @param clockOffsetMs how far the source's clock runs behind the wall clock, ms. Live sources send 0; a replay
 *                      sends (wall now − recording time) so that staleness and data age follow the recording's
 *                      clock and a year-old recording still plays back in full.
 * @param aircraft      the flights' states
 * @param atc           the ATC positions' states (a flight-simulation network's controllers and ATIS), held by the ATC
 *                      hub; empty for every other source
 * @param complete      true when the batch is the source's whole picture (VATSIM's feed lists everyone online): the
 *                      hub then removes that source's aircraft missing from it, with reason
 *                      {@link RemovalReason#LEFT_FEED}. False (OpenSky, sim, replay): a missing aircraft stays until
 *                      it goes stale, so one response that misses it removes nothing.
 * @param backpressure  true when the source would rather wait than lose states (a replay is not live): the bus and the
 *                      hub's followers make it wait for room instead of dropping. Live sources send false: they are
 *                      never slowed by a consumer, and what overflows is dropped and counted.
 */
public record SourceBatch(
        String source,
        long observedAtMs,
        long clockOffsetMs,
        List<Aircraft> aircraft,
        List<AtcPosition> atc,
        boolean complete,
        boolean backpressure) {
    public SourceBatch {
        Objects.requireNonNull(source, "source");
        aircraft = List.copyOf(aircraft);
        atc = List.copyOf(atc);
    }

    /** A live, partial batch (OpenSky, the simulator). */
    public static SourceBatch live(String source, long observedAtMs, List<Aircraft> aircraft) {
        return new SourceBatch(source, observedAtMs, 0, aircraft, List.of(), false, false);
    }

    /** A replayed batch: the recording's clock, and backpressure instead of drops. */
    public static SourceBatch replayed(String source, long observedAtMs, long clockOffsetMs, List<Aircraft> aircraft) {
        return new SourceBatch(source, observedAtMs, clockOffsetMs, aircraft, List.of(), false, true);
    }

    /** A network's whole picture (VATSIM's feed): its pilots and its ATC positions; what it no longer lists left. */
    public static SourceBatch network(
            String source, long observedAtMs, List<Aircraft> aircraft, List<AtcPosition> atc) {
        return new SourceBatch(source, observedAtMs, 0, aircraft, atc, true, false);
    }

    /** The same batch marked as the source's whole picture. */
    public SourceBatch asComplete() {
        return new SourceBatch(source, observedAtMs, clockOffsetMs, aircraft, atc, true, backpressure);
    }
}
