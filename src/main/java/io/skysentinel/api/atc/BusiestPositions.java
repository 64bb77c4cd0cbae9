package io.skysentinel.api.atc;

import io.skysentinel.analytics.workload.Facility;
import io.skysentinel.analytics.workload.Forecast;
import io.skysentinel.analytics.workload.Workload;
import io.skysentinel.analytics.workload.WorkloadArea;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AtcPosition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Every staffed position with an area, ranked by the aircraft in it now: what the gauges and the globe shade by. */
final class BusiestPositions {

    /** A position's aircraft now and expected within 30 min (arrivals + departures + overflights). */
    record Busy(String callsign, int aircraft, double expected30Min) {}

    private BusiestPositions() {}

    static List<Busy> rank(Workload workload, List<Aircraft> pilots, Collection<AtcPosition> positions) {
        List<Busy> out = new ArrayList<>();
        for (AtcPosition p : positions) {
            WorkloadArea area = workload.area(p);
            if (area.isNone()) continue;
            Forecast f = workload.forecast(area, pilots, 30);
            double expected = f.arrivals().value()
                    + f.departures().value()
                    + f.overflights().value();
            out.add(new Busy(
                    p.callsign(),
                    workload.now(p.callsign(), Facility.of(p), area, pilots).total(),
                    expected));
        }
        out.sort(Comparator.comparingInt(Busy::aircraft).reversed().thenComparing(Busy::callsign));
        return out;
    }

    /** The VATSIM pilots of an aircraft picture. */
    static List<Aircraft> pilots(Collection<Aircraft> picture) {
        return picture.stream().filter(a -> a.vatsim() != null).toList();
    }
}
