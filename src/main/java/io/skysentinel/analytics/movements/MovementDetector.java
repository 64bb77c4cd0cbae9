package io.skysentinel.analytics.movements;

import io.skysentinel.analytics.airports.RunwayDesignator;
import io.skysentinel.analytics.track.Observation;
import io.skysentinel.core.AnalyticsListener;
import io.skysentinel.core.Geo;
import io.skysentinel.core.Movement;

/**
 * Departures and arrivals from one aircraft's states (rules and thresholds in docs/analytics.md, "Movements").
 *
 * <p>The aircraft is in a confirmed phase, ground or air. A state of the other phase starts a candidate; the candidate
 * becomes the new phase once it has lasted {@code confirmMs} without a contrary state, and the change is a movement
 * when its first state lies within {@code airportRadiusM} of an airport. Glitches are not states of either phase:
 * a ground flag far above the field, or an airborne flag thousands of feet up a moment after being on the ground.
 * Stateless itself; each aircraft's {@link MovementState} is passed in.
 */
public final class MovementDetector {

    /** Airborne right after being on the ground but higher than this above the field: a glitch, not a lift-off. */
    static final double LIFT_OFF_MAX_HEIGHT_M = 3_000 * Geo.FEET;
    /** Implausible airborne states lasting this long win after all (the aircraft took off unseen): silent change. */
    static final long GLITCH_ESCAPE_MS = 60_000;
    /** The old phase's last state and the new phase's first must be this close, or the moment is unknown. */
    static final long MAX_TRANSITION_GAP_MS = 60_000;
    /**
     * Below this (1,000 ft) above the field an aircraft is "low": climbing through it is a departure without ground
     * data.
     */
    static final double LOW_HEIGHT_M = 1_000 * Geo.FEET;
    /** A track derived from two positions needs them at least this far apart. */
    static final double MIN_BEARING_BASE_M = 200;

    private final double airportRadiusM;
    private final long confirmMs;
    private final RunwayDesignator runways;

    public MovementDetector(double airportRadiusM, long confirmMs, RunwayDesignator runways) {
        this.airportRadiusM = airportRadiusM;
        this.confirmMs = confirmMs;
        this.runways = runways;
    }

    public void observe(MovementState s, Observation o, AnalyticsListener out) {
        Phase phase = classify(s, o);
        if (phase == null) return;
        if (s.confirmed == Phase.UNKNOWN) {
            s.confirmed = phase;
            if (phase == Phase.AIR && o.near(airportRadiusM) && o.heightM() < LOW_HEIGHT_M) s.lowStart = o;
            s.last = o;
            return;
        }
        if (phase == s.confirmed) {
            s.candidate = null;
            s.implausibleSince = null;
            climbThrough(s, o, out);
            s.last = o;
            return;
        }
        if (s.candidate == null) s.candidate = new Candidate(phase, o, s.last);
        if (o.contactMs() - s.candidate.first().contactMs() >= confirmMs) {
            change(s, o, out);
        }
    }

    /** The aircraft left the picture: low over an airport when last seen means it landed below coverage. */
    public boolean removed(MovementState s, AnalyticsListener out) {
        Observation last = s.last;
        if (s.confirmed == Phase.GROUND) return true;
        if (s.confirmed != Phase.AIR || last == null || !last.near(airportRadiusM) || !(last.heightM() < LOW_HEIGHT_M))
            return false;
        emit(out, Movement.Kind.ARRIVAL, last, last.trackDeg());
        return true;
    }

    private Phase classify(MovementState s, Observation o) {
        if (o.groundFlag()) return o.onGround() ? Phase.GROUND : null;
        boolean fromGround = s.confirmed == Phase.GROUND;
        if (fromGround && aboveLiftOff(s, o)) {
            if (s.implausibleSince == null) s.implausibleSince = o.contactMs();
            if (o.contactMs() - s.implausibleSince < GLITCH_ESCAPE_MS) return null;
            s.confirmed = Phase.AIR; // airborne all along this last minute: it took off unseen, no movement to report
            s.candidate = null;
            s.implausibleSince = null;
            s.last = o;
            return null;
        }
        return Phase.AIR;
    }

    private static boolean aboveLiftOff(MovementState s, Observation o) {
        double height = o.heightM();
        if (!Double.isNaN(height)) return height > LIFT_OFF_MAX_HEIGHT_M;
        return !Double.isNaN(o.altitudeM())
                && s.groundAltitudeM != null
                && o.altitudeM() - s.groundAltitudeM > LIFT_OFF_MAX_HEIGHT_M;
    }

    private void change(MovementState s, Observation o, AnalyticsListener out) {
        Candidate c = s.candidate;
        Phase from = s.confirmed;
        s.confirmed = c.phase();
        s.candidate = null;
        s.implausibleSince = null;
        s.lowStart = null;
        Observation before = c.before();
        boolean seenClose = before != null && c.first().contactMs() - before.contactMs() <= MAX_TRANSITION_GAP_MS;
        if (seenClose && c.first().near(airportRadiusM)) {
            if (from == Phase.GROUND && c.phase() == Phase.AIR) {
                emit(
                        out,
                        Movement.Kind.DEPARTURE,
                        c.first(),
                        firstKnown(c.first().trackDeg(), bearing(c.first(), o)));
            } else if (from == Phase.AIR && c.phase() == Phase.GROUND) {
                emit(
                        out,
                        Movement.Kind.ARRIVAL,
                        c.first(),
                        firstKnown(before.trackDeg(), c.first().trackDeg(), bearing(before, c.first())));
            }
        }
        s.last = o;
    }

    /** Departure without ground data: first seen low over an airport, now climbing through 1,000 ft above it. */
    private void climbThrough(MovementState s, Observation o, AnalyticsListener out) {
        if (o.onGround()) {
            s.lowStart = null;
            if (!Double.isNaN(o.altitudeM())) s.groundAltitudeM = o.altitudeM();
            return;
        }
        Observation low = s.lowStart;
        if (low == null
                || Double.isNaN(o.altitudeM())
                || !(o.altitudeM() - low.airport().elevationM() >= LOW_HEIGHT_M)) return;
        s.lowStart = null;
        if (Geo.distanceM(o.lat(), o.lon(), low.airport().lat(), low.airport().lon()) <= 2 * airportRadiusM) {
            emit(out, Movement.Kind.DEPARTURE, low, firstKnown(low.trackDeg(), bearing(low, o)));
        }
    }

    private void emit(AnalyticsListener out, Movement.Kind kind, Observation at, double trackDeg) {
        String runway = runways.designate(at.airport().icao(), at.lat(), at.lon(), trackDeg);
        out.onMovement(
                new Movement(at.airport().icao(), kind, at.positionMs(), at.id(), at.callsign(), runway, at.source()));
    }

    private static double bearing(Observation a, Observation b) {
        if (a == null || b == null || !a.hasPosition() || !b.hasPosition()) return Double.NaN;
        if (Geo.distanceM(a.lat(), a.lon(), b.lat(), b.lon()) < MIN_BEARING_BASE_M) return Double.NaN;
        return Geo.bearingDeg(a.lat(), a.lon(), b.lat(), b.lon());
    }

    private static double firstKnown(double... values) {
        for (double v : values) if (!Double.isNaN(v)) return v;
        return Double.NaN;
    }
}
