package io.skysentinel.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skysentinel.analytics.AnalyticsEngine;
import io.skysentinel.analytics.AnalyticsRunner;
import io.skysentinel.analytics.AnalyticsSettings;
import io.skysentinel.analytics.airports.CatalogAirportIndex;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.Geo;
import io.skysentinel.core.Update;
import io.skysentinel.testing.VatsimFixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Movements of VATSIM traffic: a VATSIM pilot's landing at Zurich, in the feed's 15 s steps with on_ground going true
 * as the source derives it, and an ADS-B landing on the same runway, run through the analytics runner and the history
 * writer as the history role runs them; the stored movements carry their source and the source filter tells them
 * apart.
 */
class VatsimMovementsIT {

    /** Runway 28's threshold at Zurich (LSZH, elevation 1,417 ft) and its true course. */
    static final double THR28_LAT = 47.4566, THR28_LON = 8.5704, RWY28 = 276, FIELD_FT = 1_417;

    static final long T0 = (System.currentTimeMillis() / 60_000 - 120) * 60;

    long seq;

    /** Six 15 s states on a 3° approach at 140 kt, then five on the runway decelerating. */
    List<Update<Aircraft>> landing(Aircraft.Builder b, long t0) {
        List<Update<Aircraft>> out = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            boolean ground = i >= 6;
            double along = ground ? 300 + 400.0 * (i - 6) : -1_080.0 * (6 - i);
            double[] p = Geo.destination(THR28_LAT, THR28_LON, RWY28, along);
            long t = t0 + 15L * i;
            b.position(p[0], p[1])
                    .altitudeM((FIELD_FT + (ground ? 0 : 185.0 * (6 - i))) * Geo.FEET)
                    .velocityMps((ground ? 60.0 - 10 * (i - 6) : 140) * Geo.KNOT_MPS)
                    .headingDeg(RWY28)
                    .onGround(ground)
                    .lastContactUnix(t)
                    .timePositionUnix(t);
            out.add(new Update.Upsert<>(++seq, b.build()));
        }
        return out;
    }

    @Test
    void aVatsimLandingIsAnArrivalStoredWithItsSourceAndTheFilterSeparatesNetworks() throws Exception {
        try (TestDatabase db = new TestDatabase()) {
            AnalyticsRecorder recorder = new AnalyticsRecorder(db.jdbc, 100, 100);
            HistoryWriter writer =
                    db.writer(TestDatabase.settings(1_000, 1_000, Duration.ZERO), recorder, new SimpleMeterRegistry());
            AnalyticsRunner analytics = new AnalyticsRunner(
                    new AnalyticsEngine(CatalogAirportIndex.builtIn(), AnalyticsSettings.defaults()),
                    List.of(recorder),
                    new SimpleMeterRegistry());
            List<Update<Aircraft>> vatsim =
                    landing(VatsimFixtures.pilot(1_234_567, "SWR22", T0, VatsimFixtures.qfa22Plan(2)), T0);
            List<Update<Aircraft>> adsb =
                    landing(Aircraft.adsb("4b1805", "opensky").callsign("SWR12   "), T0 + 600);
            for (List<Update<Aircraft>> updates : List.of(vatsim, adsb)) {
                analytics.handle(updates);
                writer.handle(updates);
            }

            TrafficQueries q = new TrafficQueries(db.jdbc);
            long from = T0 * 1000, to = (T0 + 1_200) * 1000;
            assertThat(q.movements("LSZH", from, to, "vatsim", 10))
                    .singleElement()
                    .satisfies(m -> {
                        assertThat(m.kind()).isEqualTo("arrival");
                        assertThat(m.id()).isEqualTo("vatsim-1234567");
                        assertThat(m.callsign()).isEqualTo("SWR22");
                        assertThat(m.source()).isEqualTo("vatsim");
                        assertThat(m.timeMs())
                                .as("the first state on the ground")
                                .isEqualTo((T0 + 90) * 1000);
                        assertThat(m.runway()).isEqualTo("28");
                    });
            assertThat(q.movements("LSZH", from, to, "opensky", 10))
                    .singleElement()
                    .satisfies(m -> assertThat(m.id()).isEqualTo("4b1805"));
            assertThat(q.movements("LSZH", from, to, null, 10))
                    .extracting(TrafficQueries.MovementRow::source)
                    .containsExactly("vatsim", "opensky");
            assertThat(q.trends("LSZH", "day", from, to, "vatsim").stream()
                            .mapToLong(TrafficQueries.TrendBucket::arrivals)
                            .sum())
                    .isEqualTo(1);
            assertThat(db.count("SELECT count(*) FROM flight_plans WHERE id = 'vatsim-1234567'"))
                    .as("the same stream recorded the pilot's plan")
                    .isEqualTo(1);
        }
    }
}
