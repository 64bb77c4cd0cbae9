package io.skysentinel.api.rest;

import io.skysentinel.core.Aircraft;
import java.util.Collection;
import java.util.DoubleSummaryStatistics;
import java.util.Map;
import java.util.TreeMap;

/** Summary figures over the picture for GET /api/status. Min/max/avg are null when no aircraft has the value. */
public record PictureStatistics(
        Range altitudeM,
        Range velocityMps,
        int onGround,
        int airborne,
        int emergency,
        int withoutPosition,
        Map<String, Integer> bySource,
        Map<String, Integer> byCountry) {

    public record Range(Double min, Double max, Double avg, long count) {
        static Range of(DoubleSummaryStatistics s) {
            return s.getCount() == 0
                    ? new Range(null, null, null, 0)
                    : new Range(s.getMin(), s.getMax(), s.getAverage(), s.getCount());
        }
    }

    public static PictureStatistics of(Collection<Aircraft> aircraft) {
        DoubleSummaryStatistics alt = new DoubleSummaryStatistics(), vel = new DoubleSummaryStatistics();
        int ground = 0, emergency = 0, noPosition = 0;
        Map<String, Integer> bySource = new TreeMap<>(), byCountry = new TreeMap<>();
        for (Aircraft a : aircraft) {
            Double altitude = a.bestAltitudeM();
            if (altitude != null) alt.accept(altitude);
            if (a.velocityMps() != null) vel.accept(a.velocityMps());
            if (a.onGround()) ground++;
            if (a.emergency()) emergency++;
            if (a.position() == null) noPosition++;
            bySource.merge(a.source(), 1, Integer::sum);
            byCountry.merge(a.originCountry() == null ? "unknown" : a.originCountry(), 1, Integer::sum);
        }
        return new PictureStatistics(
                Range.of(alt),
                Range.of(vel),
                ground,
                aircraft.size() - ground,
                emergency,
                noPosition,
                bySource,
                byCountry);
    }
}
