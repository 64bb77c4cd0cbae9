package io.skysentinel.history;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.FlightPlan;
import io.skysentinel.core.VatsimExtras;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which flight-plan rows the stream asks to write (docs/history.md#flight-plans). Pure and single-threaded (the
 * history writer's thread): a plan is queued when a flight first shows it, when it changes (another revision, other
 * content, another callsign), at most every {@code refreshMs} of source time while unchanged (its last_seen), and once
 * more when the flight leaves the picture. Rows waiting for the same key fold into one. Both maps are bounded
 * ({@code maxTracked}); what they forget is counted.
 */
final class FlightPlans {

    /** A flight's plan as last queued, and when (source time, ms). */
    private record Held(String key, FlightPlan plan, String callsign, long queuedMs) {}

    private final long refreshMs;
    private final int maxTracked;
    private final boolean storeNames;
    private final Map<String, Held> held = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, FlightPlanRow> pending = new LinkedHashMap<>();
    private long evicted, dropped;

    FlightPlans(long refreshMs, int maxTracked, boolean storeNames) {
        this.refreshMs = refreshMs;
        this.maxTracked = maxTracked;
        this.storeNames = storeNames;
    }

    /** An accepted state: queues its plan's row when the rules above say so. */
    void accept(Aircraft a) {
        FlightPlanRow row = row(a);
        if (row == null) return;
        Held h = held.get(a.id());
        boolean changed = h == null
                || !h.key().equals(row.rowKey())
                || !h.plan().equals(a.vatsim().flightPlan())
                || !Objects.equals(h.callsign(), row.callsign());
        if (!changed && row.lastSeenMs() - h.queuedMs() < refreshMs) return;
        queue(row);
        held.put(a.id(), new Held(row.rowKey(), a.vatsim().flightPlan(), row.callsign(), row.lastSeenMs()));
        if (held.size() > maxTracked) {
            Iterator<String> oldest = held.keySet().iterator();
            oldest.next();
            oldest.remove();
            evicted++;
        }
    }

    /** The flight left the picture: its plan's last_seen is its last state. */
    void removed(Aircraft last) {
        FlightPlanRow row = row(last);
        held.remove(last.id());
        if (row != null) queue(row);
    }

    private void queue(FlightPlanRow row) {
        pending.merge(row.rowKey(), row, FlightPlanRow::merge);
        if (pending.size() > maxTracked) {
            Iterator<String> oldest = pending.keySet().iterator();
            oldest.next();
            oldest.remove();
            dropped++;
        }
    }

    /** The rows to write now (one per key); {@link #requeue} them when the write failed. */
    List<FlightPlanRow> drainChanged() {
        List<FlightPlanRow> out = new ArrayList<>(pending.values());
        pending.clear();
        return out;
    }

    void requeue(List<FlightPlanRow> rows) {
        for (FlightPlanRow r : rows) queue(r);
    }

    /** Flights forgotten because {@code maxTracked} was reached (their next state writes their plan again). */
    long evicted() {
        return evicted;
    }

    /** Rows not written because too many waited (the database was down for long). */
    long dropped() {
        return dropped;
    }

    private FlightPlanRow row(Aircraft a) {
        VatsimExtras v = a.vatsim();
        if (v == null || v.flightPlan() == null) return null;
        FlightPlan p = v.flightPlan();
        String callsign = a.callsign() == null || a.callsign().isBlank()
                ? null
                : a.callsign().strip();
        long t = a.lastContactUnix() * 1000;
        return new FlightPlanRow(
                a.id(),
                v.logonUnix() == null ? 0 : v.logonUnix() * 1000,
                planKey(p),
                a.source(),
                callsign,
                v.cid(),
                storeNames ? v.name() : null,
                p,
                t,
                t);
    }

    /** {@code r<revision>}, else {@code h<16 hex digits of SHA-256 over the plan's fields>} (feeds without one). */
    static String planKey(FlightPlan p) {
        if (p.revision() != null) return "r" + p.revision();
        String text = String.join(
                "\u001f",
                String.valueOf(p.flightRules()),
                String.valueOf(p.aircraft()),
                String.valueOf(p.aircraftType()),
                String.valueOf(p.departure()),
                String.valueOf(p.arrival()),
                String.valueOf(p.alternate()),
                String.valueOf(p.cruiseAltitude()),
                String.valueOf(p.cruiseTasKt()),
                String.valueOf(p.route()),
                String.valueOf(p.remarks()),
                String.valueOf(p.departureTime()),
                String.valueOf(p.enrouteTime()),
                String.valueOf(p.fuelTime()));
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "h" + HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
