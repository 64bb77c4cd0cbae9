package io.skysentinel.analytics.workload;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.Airport;
import io.skysentinel.core.AirportCatalog;
import io.skysentinel.core.AtcPosition;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Workload now and forecast for one position over one picture of the pilots: plain functions, no clock (times are
 * relative to the picture), no threads.
 */
public final class Workload {

    private final AreaRules rules;

    public Workload(AreaRules rules) {
        this.rules = rules;
    }

    public WorkloadArea area(AtcPosition p) {
        return rules.area(p);
    }

    public WorkloadNow now(AtcPosition p, List<Aircraft> pilots) {
        return now(p.callsign(), Facility.of(p), area(p), pilots);
    }

    /** @param facility what the position is (an ATIS stays an ATIS, though its area is none) */
    public WorkloadNow now(String callsign, Facility facility, WorkloadArea area, List<Aircraft> pilots) {
        int[] byPhase = new int[Phase.values().length];
        int filedArr = 0;
        int filedDep = 0;
        for (Aircraft a : pilots) {
            if (area.isNone() || a.position() == null) continue;
            if (area.serves(Flights.arrival(a))) filedArr++;
            if (area.serves(Flights.departure(a))) filedDep++;
            if (area.contains(a.position(), a.altitudeM(), a.onGround()))
                byPhase[Phases.of(a, area, rules.airports()).ordinal()]++;
        }
        return new WorkloadNow(
                callsign,
                facility,
                byPhase[Phase.DEPARTING.ordinal()],
                byPhase[Phase.ARRIVING.ordinal()],
                byPhase[Phase.OVERFLYING.ordinal()],
                byPhase[Phase.ON_GROUND.ordinal()],
                filedArr,
                filedDep);
    }

    /** The forecasts for 15, 30 and 60 minutes. */
    public List<Forecast> forecast(WorkloadArea area, List<Aircraft> pilots) {
        int[] h = WorkloadSettings.HORIZONS_MIN;
        double[] horizons = new double[h.length];
        for (int i = 0; i < h.length; i++) horizons[i] = h[i];
        return forecast(area, pilots, horizons);
    }

    public Forecast forecast(WorkloadArea area, List<Aircraft> pilots, double horizonMin) {
        return forecast(area, pilots, new double[] {horizonMin}).get(0);
    }

    /**
     * One pass over the pilots for all horizons (ascending): each aircraft's ETA and the minute its track first
     * enters the area are worked out once, up to the longest horizon.
     */
    public List<Forecast> forecast(WorkloadArea area, List<Aircraft> pilots, double... horizonsMin) {
        AirportCatalog airports = rules.airports();
        double longest = 0;
        for (double h : horizonsMin) longest = Math.max(longest, h);
        List<Double> etas = new ArrayList<>();
        List<Double> entries = new ArrayList<>();
        int waiting = 0;
        for (Aircraft a : pilots) {
            if (area.isNone() || a.position() == null) continue;
            String dep = Flights.departure(a);
            String arr = Flights.arrival(a);
            if (a.onGround()) {
                if (area.serves(dep) && atAirport(a, airports, dep)) waiting++;
            } else if (area.serves(arr)) {
                OptionalDouble eta = EtaModel.etaMinutes(a, airports);
                if (eta.isPresent()) etas.add(eta.getAsDouble());
            } else if (!area.serves(dep)) {
                double entry = Tracks.entryMinutes(a, area, longest);
                if (!Double.isNaN(entry)) entries.add(entry);
            }
        }
        List<Forecast> out = new ArrayList<>();
        for (double h : horizonsMin) {
            double leave = 1 - Math.exp(-h / WorkloadSettings.DEPARTURE_MEAN_WAIT_MIN);
            out.add(new Forecast(
                    (int) Math.round(h),
                    Estimate.poisson(etas.stream().filter(e -> e <= h).count()),
                    Estimate.poisson(waiting * leave),
                    Estimate.poisson(entries.stream().filter(e -> e <= h + 1e-9).count())));
        }
        return out;
    }

    private static boolean atAirport(Aircraft a, AirportCatalog airports, String icao) {
        Airport at = Flights.airport(airports, icao);
        return Flights.distanceM(a, at) <= WorkloadSettings.GROUND_RADIUS_NM * WorkloadSettings.NM;
    }
}
