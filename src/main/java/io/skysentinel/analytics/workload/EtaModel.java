package io.skysentinel.analytics.workload;

import static io.skysentinel.analytics.workload.WorkloadSettings.ETA_APPROACH_ALLOWANCE_MIN;
import static io.skysentinel.analytics.workload.WorkloadSettings.ETA_APPROACH_KT;
import static io.skysentinel.analytics.workload.WorkloadSettings.ETA_APPROACH_NM;
import static io.skysentinel.analytics.workload.WorkloadSettings.ETA_MIN_GROUNDSPEED_KT;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.Airport;
import io.skysentinel.core.AirportCatalog;
import java.util.OptionalDouble;

/**
 * Time to the filed destination: the great-circle distance d (NM) at the groundspeed seen now (gs, kt), except the
 * last 40 NM, flown at min(gs, 200 kt), plus 3 min for vectoring, pattern and landing roll:
 * {@code ETA = max(0, d − 40) / gs + min(d, 40) / min(gs, 200) (h) + 3 min}. Only for airborne aircraft with a plan
 * whose arrival is a known airport and a groundspeed of at least 50 kt. The great circle is shorter than the filed
 * route (routes are 2–10 % longer), which the approach allowance partly makes up.
 */
public final class EtaModel {

    private EtaModel() {}

    /** Minutes to the destination, or empty when the model gives none (on the ground, no plan, too slow, unknown). */
    public static OptionalDouble etaMinutes(Aircraft a, AirportCatalog airports) {
        if (a.onGround()) return OptionalDouble.empty();
        double gs = Flights.groundspeedKt(a);
        if (gs < ETA_MIN_GROUNDSPEED_KT) return OptionalDouble.empty();
        Airport to = Flights.airport(airports, Flights.arrival(a));
        if (to == null) return OptionalDouble.empty();
        return OptionalDouble.of(minutes(Flights.distanceM(a, to) / WorkloadSettings.NM, gs));
    }

    /** The formula: {@code distanceNm} to go at {@code groundspeedKt} (≥ 50), minutes. */
    public static double minutes(double distanceNm, double groundspeedKt) {
        double far = Math.max(0, distanceNm - ETA_APPROACH_NM);
        double near = Math.min(distanceNm, ETA_APPROACH_NM);
        double hours = far / groundspeedKt + near / Math.min(groundspeedKt, ETA_APPROACH_KT);
        return hours * 60 + ETA_APPROACH_ALLOWANCE_MIN;
    }
}
