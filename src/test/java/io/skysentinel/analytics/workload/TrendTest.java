package io.skysentinel.analytics.workload;

import static io.skysentinel.analytics.workload.Fixtures.airport;
import static io.skysentinel.analytics.workload.Fixtures.from;
import static io.skysentinel.analytics.workload.Fixtures.pilot;
import static io.skysentinel.analytics.workload.Fixtures.position;
import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.core.AtcArea;
import io.skysentinel.core.AtcPosition;
import io.skysentinel.core.Position;
import io.skysentinel.core.StateBucket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A position's last hour, bucket by bucket, over hand-made stored states: the rules of now, and the filed plans. */
class TrendTest {

    private static final long STEP = 300_000;
    private final Workload workload = new Workload(Fixtures.rules());

    private static AtcPosition egllApproach() {
        return position(
                "EGLL_APP",
                AtcArea.RANGE,
                "EGLL_APP",
                new Position(airport("EGLL").lat(), airport("EGLL").lon()),
                40);
    }

    @Test
    void eachBucketCountsItsOwnStatesByPhase() {
        AtcPosition app = egllApproach();
        WorkloadArea area = workload.area(app);
        List<StateBucket> buckets = List.of(
                new StateBucket(0, List.of()),
                new StateBucket(
                        STEP,
                        List.of(
                                pilot(1).at(from("EGLL", 20, 90))
                                        .feet(6_000)
                                        .knots(220)
                                        .plan("LFPG", "EGLL")
                                        .build(), // arriving
                                pilot(2).at(from("EGLL", 10, 270))
                                        .feet(5_000)
                                        .climbing(2_000)
                                        .plan("EGLL", "KJFK")
                                        .build(), // departing
                                pilot(3).at(from("EGLL", 30, 0))
                                        .feet(30_000)
                                        .plan("EHAM", "LPPT")
                                        .build(), // overflying
                                pilot(4).at(from("EGLL", 60, 0))
                                        .feet(30_000)
                                        .plan("EHAM", "EGLL")
                                        .build())), // outside the ring
                new StateBucket(
                        2 * STEP,
                        List.of(pilot(5).at(from("EGLL", 0.5, 0))
                                .parked()
                                .plan("EGLL", "EDDF")
                                .build())));
        List<Trend.Point> trend = Trend.of(workload, "EGLL_APP", Facility.APPROACH, area, buckets, List.of(), STEP);
        assertThat(trend).extracting(Trend.Point::startMs).containsExactly(0L, STEP, 2 * STEP);
        assertThat(trend.get(0).counts().total()).isZero();
        WorkloadNow busy = trend.get(1).counts();
        assertThat(List.of(busy.arriving(), busy.departing(), busy.overflying(), busy.onGround()))
                .containsExactly(1, 1, 1, 0);
        assertThat(trend.get(2).counts().onGround()).isEqualTo(1);
        assertThat(trend.get(2).counts().total()).isEqualTo(1);
    }

    @Test
    void filedCountsArePlansHeldDuringTheBucketWhereverThePilotWas() {
        AtcPosition app = egllApproach();
        WorkloadArea area = workload.area(app);
        List<StateBucket> buckets = List.of(
                new StateBucket(0, List.of()), new StateBucket(STEP, List.of()), new StateBucket(2 * STEP, List.of()));
        List<Trend.Filed> plans = List.of(
                new Trend.Filed("KJFK", "EGLL", 0, 3 * STEP), // the whole range
                new Trend.Filed("EGLL", "LFPG", STEP + 10, STEP + 20), // inside the second bucket only
                new Trend.Filed("EGLL", "EDDF", 2 * STEP, 3 * STEP), // from the third on
                new Trend.Filed("EHAM", "LPPT", 0, 3 * STEP)); // not this position's
        List<Trend.Point> trend = Trend.of(workload, "EGLL_APP", Facility.APPROACH, area, buckets, plans, STEP);
        assertThat(trend).extracting(p -> p.counts().filedArrivals()).containsExactly(1, 1, 1);
        assertThat(trend).extracting(p -> p.counts().filedDepartures()).containsExactly(0, 1, 1);
    }

    @Test
    void anAtisHasAnEmptyTrend() {
        AtcPosition atis = position(
                "EGLL_ATIS",
                AtcArea.AIRPORT,
                "EGLL",
                new Position(airport("EGLL").lat(), airport("EGLL").lon()),
                0);
        WorkloadArea none = WorkloadArea.NONE;
        List<Trend.Point> trend = Trend.of(
                workload,
                atis.callsign(),
                Facility.ATIS,
                none,
                List.of(new StateBucket(
                        0, List.of(pilot(1).at(from("EGLL", 1, 0)).parked().build()))),
                List.of(new Trend.Filed("EGLL", "EDDF", 0, STEP)),
                STEP);
        assertThat(trend.getFirst().counts().total()).isZero();
        assertThat(trend.getFirst().counts().filedDepartures()).isZero();
    }
}
