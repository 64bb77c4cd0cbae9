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
        return now(p.callsign(), area(p), pilots);
    }

    public WorkloadNow now(String callsign, WorkloadArea area, List<Aircraft> pilots) {
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
                area.facility(),
                byPhase[Phase.DEPARTING.ordinal()],
                byPhase[Phase.ARRIVING.ordinal()],
                byPhase[Phase.OVERFLYING.ordinal()],
                byPhase[Phase.ON_GROUND.ordinal()],
                filedArr,
                filedDep);
    }

    /** The forecasts for 15, 30 and 60 minutes. */
    public List<Forecast> forecast(WorkloadArea area, List<Aircraft> pilots) {
        List<Forecast> out = new ArrayList<>();
        for (int h : WorkloadSettings.HORIZONS_MIN) out.add(forecast(area, pilots, h));
        return out;
    }

    public Forecast forecast(WorkloadArea area, List<Aircraft> pilots, double horizonMin) {
        AirportCatalog airports = rules.airports();
        int arrivals = 0;
        int waiting = 0;
        int over = 0;
        for (Aircraft a : pilots) {
            if (area.isNone() || a.position() == null) continue;
            String dep = Flights.departure(a);
            String arr = Flights.arrival(a);
            if (a.onGround()) {
                if (area.serves(dep) && atAirport(a, airports, dep)) waiting++;
                continue;
            }
            if (area.serves(arr)) {
                OptionalDouble eta = EtaModel.etaMinutes(a, airports);
                if (eta.isPresent() && eta.getAsDouble() <= horizonMin) arrivals++;
            } else if (!area.serves(dep) && Tracks.reaches(a, area, horizonMin)) {
                over++;
            }
        }
        double leave = 1 - Math.exp(-horizonMin / WorkloadSettings.DEPARTURE_MEAN_WAIT_MIN);
        return new Forecast(
                (int) Math.round(horizonMin),
                Estimate.poisson(arrivals),
                Estimate.poisson(waiting * leave),
                Estimate.poisson(over));
    }

    private static boolean atAirport(Aircraft a, AirportCatalog airports, String icao) {
        Airport at = Flights.airport(airports, icao);
        return Flights.distanceM(a, at) <= WorkloadSettings.GROUND_RADIUS_NM * WorkloadSettings.NM;
    }
}
