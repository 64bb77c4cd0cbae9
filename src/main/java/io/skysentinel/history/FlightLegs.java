package io.skysentinel.history;

import io.skysentinel.core.AirportCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the stream of positions into flight legs (the {@code flights} table). Pure: no clock, no I/O; times are the
 * rows' own. A leg ends after a contact gap longer than {@code gapMs} or when the aircraft lands (on ground after
 * being airborne); the next airborne row starts a new leg whose departure is where it stood. Departure/arrival
 * airport: the nearest catalog airport within {@code airportRadiusM} when the aircraft is on the ground or below
 * {@code lowM}.
 * Also the writer's de-duplication: a row no newer than the aircraft's last one is refused.
 */
public final class FlightLegs {

    /** One leg as stored. Times epoch ms; airports ICAO or null; altitude metres or null. */
    public record Leg(
            String id,
            long firstSeenMs,
            long lastSeenMs,
            String callsign,
            String departure,
            String arrival,
            Double maxAltitudeM) {}

    private static final class Open {
        String id, callsign, departure, arrival;
        long first, last;
        Double maxAlt;
        boolean airborne, landed;

        Leg leg() {
            return new Leg(id, first, last, callsign, departure, arrival, maxAlt);
        }
    }

    private final long gapMs;
    private final double lowM;
    private final AirportCatalog airports;
    private final double airportRadiusM;
    private final Map<String, Open> open = new HashMap<>();
    private final Map<String, Leg> dirty = new LinkedHashMap<>();

    public FlightLegs(long gapMs, double lowM, AirportCatalog airports, double airportRadiusM) {
        this.gapMs = gapMs;
        this.lowM = lowM;
        this.airports = airports;
        this.airportRadiusM = airportRadiusM;
    }

    /** Folds a row into its leg; false when the row is not newer than the aircraft's last (a duplicate). */
    public boolean accept(PositionRow r) {
        Open o = open.get(r.id());
        if (o != null && r.timeMs() <= o.last) return false;
        Double alt = r.bestAltitudeM();
        boolean low = r.onGround() || (alt != null && alt < lowM);
        if (o == null || r.timeMs() - o.last > gapMs || (o.landed && !r.onGround())) {
            String from = o != null && o.landed && r.timeMs() - o.last <= gapMs ? o.arrival : null;
            if (o != null) dirty.put(key(o), o.leg());
            o = new Open();
            o.id = r.id();
            o.first = r.timeMs();
            o.departure = from != null ? from : low ? airportAt(r) : null;
            open.put(r.id(), o);
        }
        o.last = r.timeMs();
        if (r.callsign() != null) o.callsign = r.callsign();
        if (alt != null && !r.onGround() && (o.maxAlt == null || alt > o.maxAlt)) o.maxAlt = alt;
        if (!r.onGround()) o.airborne = true;
        if (r.onGround() && o.airborne && !o.landed) {
            o.landed = true;
            o.arrival = airportAt(r);
        }
        dirty.put(key(o), o.leg());
        return true;
    }

    /** Legs changed since the last call (each once, newest state). */
    public List<Leg> drainChanged() {
        List<Leg> out = new ArrayList<>(dirty.values());
        dirty.clear();
        return out;
    }

    /** Puts back legs whose write failed, unless a newer state of the same leg is already waiting. */
    public void requeue(List<Leg> legs) {
        for (Leg l : legs) dirty.putIfAbsent(l.id() + '@' + l.firstSeenMs(), l);
    }

    /** Forgets aircraft not seen since {@code beforeMs} (their legs are over); keeps memory bounded by live traffic. */
    public int forgetBefore(long beforeMs) {
        int n = 0;
        for (Iterator<Open> it = open.values().iterator(); it.hasNext(); ) {
            if (it.next().last < beforeMs) {
                it.remove();
                n++;
            }
        }
        return n;
    }

    public int tracked() {
        return open.size();
    }

    /** ICAO of the nearest catalog airport within the radius, or null. */
    private String airportAt(PositionRow r) {
        return airports.nearest(r.lat(), r.lon(), airportRadiusM)
                .map(n -> n.airport().icao())
                .orElse(null);
    }

    private static String key(Open o) {
        return o.id + '@' + o.first;
    }
}
