package io.skysentinel.analytics.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.atc.AreaShape;
import io.skysentinel.core.Position;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/** Sectors over a range on two hand-made square sectors: series, peaks, means and the staffed share. */
class SectorSeriesTest {

    private static final long STEP = 300_000;
    private static final GeometryFactory GEO = new GeometryFactory();

    /** A square of side 1° with its south-west corner at (lat, lon). */
    private static AreaShape square(String kind, String id, double lat, double lon) {
        Polygon p = GEO.createPolygon(new Coordinate[] {
            new Coordinate(lon, lat),
            new Coordinate(lon + 1, lat),
            new Coordinate(lon + 1, lat + 1),
            new Coordinate(lon, lat + 1),
            new Coordinate(lon, lat)
        });
        return new AreaShape(
                kind,
                id,
                id + " control",
                GEO.createMultiPolygon(new Polygon[] {p}),
                new Position(lat + 0.5, lon + 0.5));
    }

    private static List<Position> at(int inA, int inB) {
        List<Position> out = new java.util.ArrayList<>();
        for (int i = 0; i < inA; i++) out.add(new Position(10.1 + i * 0.01, 20.5));
        for (int i = 0; i < inB; i++) out.add(new Position(30.5, 40.1 + i * 0.01));
        out.add(new Position(-45, -45)); // in no sector
        return out;
    }

    private final SectorIndex index =
            new SectorIndex(List.of(square("fir", "AAAA", 10, 20), square("tracon", "BBB", 30, 40)));

    @Test
    void seriesPeakMeanAndStaffedShare() {
        List<SectorSeries.Sample> samples = List.of(
                new SectorSeries.Sample(0, at(2, 0)),
                new SectorSeries.Sample(STEP, at(5, 1)),
                new SectorSeries.Sample(2 * STEP, at(5, 0)),
                new SectorSeries.Sample(3 * STEP, at(0, 0)));
        List<SectorSeries.Staffing> sessions = List.of(
                new SectorSeries.Staffing("fir", "aaaa", STEP + 60_000, 2 * STEP + 1), // buckets 1 and 2
                new SectorSeries.Staffing("tracon", "AAAA", 0, 4 * STEP)); // another kind: not this sector
        SectorSeries s = new SectorSeries(index, samples, sessions, STEP);

        assertThat(s.series(0)).extracting(SectorSeries.Point::aircraft).containsExactly(2, 5, 5, 0);
        assertThat(s.series(0)).extracting(SectorSeries.Point::staffed).containsExactly(false, true, true, false);
        SectorSeries.Peak a = s.peak(0);
        assertThat(a.peakAircraft()).isEqualTo(5);
        assertThat(a.peakAtMs()).as("the first bucket reaching the peak").isEqualTo(STEP);
        assertThat(a.meanAircraft()).isEqualTo(3.0);
        assertThat(a.staffedShare()).isEqualTo(0.5);

        assertThat(s.busiest(10)).extracting(SectorSeries.Peak::id).containsExactly("AAAA", "BBB");
        assertThat(s.busiest(1)).hasSize(1);
        assertThat(s.peak(1).staffedShare()).isZero();
    }

    @Test
    void aSectorThatNeverHadTrafficIsNotAmongTheBusiest() {
        SectorSeries s = new SectorSeries(index, List.of(new SectorSeries.Sample(0, at(1, 0))), List.of(), STEP);
        assertThat(s.busiest(10)).extracting(SectorSeries.Peak::id).containsExactly("AAAA");
        assertThat(s.series(1)).extracting(SectorSeries.Point::aircraft).containsExactly(0);
    }
}
