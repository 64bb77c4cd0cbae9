package io.skysentinel.source.sim;

import io.skysentinel.core.Aircraft;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The pure core of the sim source: a fixed number of synthetic flights advanced to the times it is given. It
 * never reads a clock and draws every random number from one generator seeded by {@code seed}, so the same
 * settings and the same sequence of step times always produce the same aircraft. Not thread-safe: one owner
 * thread steps it.
 *
 * <p>Up to {@value #WORLDWIDE_ABOVE} aircraft the whole fleet is the regional scenario around the configured
 * airports; above that, {@value #REGIONAL_IN_WORLDWIDE_MODE} stay regional and the rest fly worldwide.
 */
public final class TrafficSimulator {

    public static final int WORLDWIDE_ABOVE = 2_000;
    public static final int REGIONAL_IN_WORLDWIDE_MODE = 200;
    public static final String SOURCE = "sim";

    /** Longer gaps are integrated in sub-steps so that turns and phase changes stay smooth. */
    static final double MAX_SUBSTEP_S = 5;
    /** A step never advances more than this; after a long pause the world resumes rather than fast-forwards. */
    static final double MAX_STEP_S = 300;
    /** The initial fleet is aged by up to this much so that it starts in every phase, not all at the gate. */
    static final double PRE_AGE_S = 900;

    private final SimFlight[] flights;
    private final int regionalCount;
    private final RegionalTraffic regional;
    private final RegionalPilot pilot;
    private final WorldwideTraffic worldwide;
    private long lastStepMs;
    private boolean stepped;

    public TrafficSimulator(SimProperties props) {
        SplittableRandom rng = new SplittableRandom(props.seed());
        FlightIdentities identities =
                new FlightIdentities(rng, new IcaoAllocator(props.seed()), props.emergencyProbability());
        regional = new RegionalTraffic(props, rng, identities);
        pilot = new RegionalPilot(rng);
        worldwide = new WorldwideTraffic(rng, identities);
        flights = new SimFlight[props.count()];
        regionalCount = props.count() > WORLDWIDE_ABOVE ? REGIONAL_IN_WORLDWIDE_MODE : props.count();
        for (int i = 0; i < flights.length; i++) {
            SimFlight f = new SimFlight();
            flights[i] = f;
            if (i < regionalCount) {
                regional.spawn(f);
                int substeps = (int) (rng.nextDouble() * PRE_AGE_S / MAX_SUBSTEP_S);
                for (int s = 0; s < substeps; s++) advance(f, MAX_SUBSTEP_S);
            } else {
                worldwide.spawn(f); // spawned mid-flight already; no need to age
            }
        }
    }

    public int size() {
        return flights.length;
    }

    /**
     * Advances every flight to {@code epochMs} and returns their states stamped with that time. The first call
     * only stamps; a time earlier than the last one does not move anything (and does not rewind).
     */
    public List<Aircraft> step(long epochMs) {
        return step(epochMs, 0, 1);
    }

    /**
     * Advances every flight to {@code epochMs} but returns only the states of slice {@code slice} of {@code slices}
     * (flight index modulo {@code slices}): with a short tick and N slices each aircraft reports every N ticks,
     * staggered, the way a receiver hears aircraft one at a time instead of all at once like a poll.
     */
    public List<Aircraft> step(long epochMs, int slice, int slices) {
        if (slices < 1 || slice < 0 || slice >= slices)
            throw new IllegalArgumentException("slice " + slice + " of " + slices);
        double dt = stepped ? Math.min(MAX_STEP_S, Math.max(0, epochMs - lastStepMs) / 1000.0) : 0;
        if (!stepped || epochMs > lastStepMs) lastStepMs = epochMs;
        stepped = true;
        int substeps = (int) Math.ceil(dt / MAX_SUBSTEP_S);
        double h = substeps == 0 ? 0 : dt / substeps;
        long epochSecond = Math.floorDiv(epochMs, 1000);
        List<Aircraft> out = new ArrayList<>(flights.length / slices + 1);
        for (int i = 0; i < flights.length; i++) {
            SimFlight f = flights[i];
            for (int s = 0; s < substeps; s++) advance(f, h);
            if (i % slices == slice) out.add(f.toAircraft(epochSecond, SOURCE));
        }
        return Collections.unmodifiableList(out);
    }

    private void advance(SimFlight f, double dt) {
        f.ageS += dt;
        if (f.worldwide) {
            if (!worldwide.advance(f, dt)) worldwide.spawn(f);
        } else if (!pilot.advance(f, dt) || !regional.inPlay(f)) {
            regional.spawn(f);
        }
    }
}
