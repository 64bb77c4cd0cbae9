package io.skysentinel.enrichment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AircraftEnricher;
import io.skysentinel.core.AircraftInfo;
import io.skysentinel.core.FlightBus;
import io.skysentinel.core.SourceBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The sources' bus, telling every state who its aircraft is before the hub sees it (docs/enrichment.md), so the
 * picture, the update stream, Kafka, history readers and the alerts all carry the same {@code aircraft} object. One
 * table probe per state on the publishing source's thread: a few tens of nanoseconds (docs/benchmarks.md).
 */
public final class EnrichingFlightBus implements FlightBus, AircraftEnricher {

    private final FlightBus delegate;
    private final AircraftDatabase db;
    private final Counter known;
    private final Counter unknown;

    public EnrichingFlightBus(FlightBus delegate, AircraftDatabase db, MeterRegistry meters) {
        this.delegate = delegate;
        this.db = db;
        this.known = lookups(meters, "known");
        this.unknown = lookups(meters, "unknown");
    }

    private static Counter lookups(MeterRegistry meters, String result) {
        return Counter.builder("skysentinel.enrichment.lookups")
                .tag("result", result)
                .description("States told who their aircraft is (known) or found in no table (unknown)")
                .register(meters);
    }

    @Override
    public boolean publish(SourceBatch batch) {
        return delegate.publish(enrich(batch));
    }

    @Override
    public void subscribe(Consumer<SourceBatch> subscriber) {
        delegate.subscribe(subscriber);
    }

    SourceBatch enrich(SourceBatch batch) {
        if (batch.aircraft().isEmpty()) return batch;
        List<Aircraft> out = new ArrayList<>(batch.aircraft().size());
        long hits = 0;
        for (Aircraft a : batch.aircraft()) {
            Aircraft told = enrich(a);
            if (!told.aircraft().isUnknown()) hits++;
            out.add(told);
        }
        known.increment(hits);
        unknown.increment(out.size() - hits);
        return new SourceBatch(
                batch.source(),
                batch.observedAtMs(),
                batch.clockOffsetMs(),
                out,
                batch.atc(),
                batch.complete(),
                batch.backpressure());
    }

    /** One state, not counted in the lookup meters (history read-backs come through here). */
    @Override
    public Aircraft enrich(Aircraft a) {
        AircraftInfo info = db.info(a.icao24(), a.callsign(), filedType(a));
        return info.equals(a.aircraft()) ? a : a.withAircraft(info);
    }

    /** A VATSIM pilot's type: the flight plan's ICAO designator (B738 of "B738/L"). */
    static String filedType(Aircraft a) {
        if (a.vatsim() == null || a.vatsim().flightPlan() == null) return null;
        String t = a.vatsim().flightPlan().aircraftType();
        return t == null || t.isBlank() ? null : t;
    }
}
