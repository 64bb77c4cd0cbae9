package io.skysentinel.analytics.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.skysentinel.atc.AreaShape;
import io.skysentinel.bench.WorkloadEvaluation;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.Airport;
import io.skysentinel.core.AtcArea;
import io.skysentinel.core.AtcPosition;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.source.vatsim.VatsimPipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * The workload on recorded feeds (../shared/data/vatsim; skipped without): counts equal an independent brute-force
 * computation, and the forecast check runs on the recorded pairs.
 */
class RecordedWorkloadTest {

    private static final GeometryFactory JTS = new GeometryFactory();
    private final Workload workload = new Workload(Fixtures.rules());

    private static Path dir() {
        Path dir = WorkloadEvaluation.dataDir();
        assumeTrue(dir != null, "shared VATSIM recordings (../shared/data/vatsim) are absent");
        return dir;
    }

    private static SourceBatch feed(String name) throws IOException {
        Path f = dir().resolve(name);
        assumeTrue(Files.isRegularFile(f), name + " is absent");
        return new VatsimPipeline(Fixtures.airports().catalog(), Fixtures.reference()).batch(Files.readAllBytes(f));
    }

    /** Inside by JTS's relate operation, piece by piece: not the point locators the code uses. */
    private static boolean covers(Geometry g, Aircraft a) {
        Point p =
                JTS.createPoint(new Coordinate(a.position().lon(), a.position().lat()));
        for (int i = 0; i < g.getNumGeometries(); i++) if (g.getGeometryN(i).covers(p)) return true;
        return false;
    }

    /** Great-circle distance by the spherical law of cosines, NM (1 NM = 1 arcminute): not Geo's haversine. */
    private static double nm(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double c = Math.sin(p1) * Math.sin(p2) + Math.cos(p1) * Math.cos(p2) * Math.cos(Math.toRadians(lon2 - lon1));
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, c)))) * 60 * 1.000_67; // Geo's radius / 1 arcmin
    }

    @Test
    void approachPositionsCountWhatABruteForceCountFinds() throws IOException {
        int checked = 0;
        int busy = 0;
        for (String name : List.of("vatsim-data-20230731T192533Z.json", "vatsim-data-20241121T125725Z.json")) {
            SourceBatch b = feed(name);
            for (AtcPosition p : b.atc()) {
                if (p.area() == null || Facility.of(p) != Facility.APPROACH) continue;
                long expected;
                if (AtcArea.RANGE.equals(p.area().kind())) {
                    int r = p.visualRangeNm() == null || p.visualRangeNm() == 0 ? 40 : Math.min(150, p.visualRangeNm());
                    Airport at = Fixtures.airports()
                            .catalog()
                            .nearest(p.position().lat(), p.position().lon(), 5_000)
                            .orElseThrow()
                            .airport();
                    expected = b.aircraft().stream()
                            .filter(a -> nm(a.position().lat(), a.position().lon(), at.lat(), at.lon()) <= r)
                            .count();
                } else {
                    Geometry g = Fixtures.reference()
                            .area(p.area().kind(), p.area().id())
                            .orElseThrow()
                            .geometry();
                    expected = b.aircraft().stream().filter(a -> covers(g, a)).count();
                }
                assertThat(workload.now(p, b.aircraft()).total())
                        .as(p.callsign())
                        .isEqualTo((int) expected);
                checked++;
                if (expected > 0) busy++;
            }
        }
        assertThat(checked).isGreaterThan(20);
        assertThat(busy).as("positions with traffic").isGreaterThan(10);
    }

    @Test
    void towerAndGroundPositionsCountWhatABruteForceCountFinds() throws IOException {
        SourceBatch b = feed("vatsim-data-20230731T192533Z.json");
        int busy = 0;
        for (AtcPosition p : b.atc()) {
            Facility f = Facility.of(p);
            if (p.area() == null || (f != Facility.TOWER && f != Facility.GROUND)) continue;
            Airport at = Fixtures.airports().catalog().find(p.area().id()).orElseThrow();
            double ceilingM = (Double.isNaN(at.elevationM()) ? 0 : at.elevationM()) + 4_000 * 0.3048;
            long expected = b.aircraft().stream()
                    .filter(a -> nm(a.position().lat(), a.position().lon(), at.lat(), at.lon())
                            <= (f == Facility.TOWER ? 10 : 3))
                    .filter(a -> f == Facility.TOWER
                            ? !a.onGround() && a.altitudeM() != null && a.altitudeM() <= ceilingM
                            : a.onGround())
                    .count();
            assertThat(workload.now(p, b.aircraft()).total()).as(p.callsign()).isEqualTo((int) expected);
            if (expected > 0) busy++;
        }
        assertThat(busy).isGreaterThan(20);
    }

    @Test
    void sectorIndexCountsAsEveryPolygonTestedOneByOne() throws IOException {
        SourceBatch b = feed("vatsim-data-20230731T192533Z.json");
        List<AreaShape> sectors = new ArrayList<>();
        for (String kind : List.of(AtcArea.FIR, AtcArea.UIR, AtcArea.TRACON))
            sectors.addAll(Fixtures.reference().areas(kind));
        assertThat(sectors).hasSizeGreaterThan(2_000);
        SectorIndex index = new SectorIndex(sectors);
        int[] counts = index.count(b.aircraft().stream().map(Aircraft::position).toList());
        for (int i = 0; i < sectors.size(); i++) {
            Geometry g = index.sectors().get(i).geometry();
            long expected = b.aircraft().stream().filter(a -> covers(g, a)).count();
            assertThat(counts[i]).as(index.sectors().get(i).id()).isEqualTo((int) expected);
        }
        List<SectorDensity.SectorCount> busiest = SectorDensity.busiest(index, b.aircraft(), b.atc());
        assertThat(busiest).isSortedAccordingTo((x, y) -> Integer.compare(y.aircraft(), x.aircraft()));
        assertThat(busiest).anyMatch(SectorDensity.SectorCount::staffed).anyMatch(s -> !s.staffed());
    }

    @Test
    void forecastCheckOnTheRecordedPairs() throws IOException {
        for (WorkloadEvaluation.Pair pair : WorkloadEvaluation.PAIRS) {
            assumeTrue(Files.isRegularFile(dir().resolve(pair.first()))
                    && Files.isRegularFile(dir().resolve(pair.later())));
            var p = WorkloadEvaluation.read(dir(), pair, Fixtures.airports().catalog(), Fixtures.reference());
            var catalog = Fixtures.airports().catalog();
            PredictionCheck.Result arrivals = PredictionCheck.arrivals(p.before(), p.after(), 30, catalog);
            // docs/vatsim.md: the model beats the baseline on arrivals over more than 20 airports, on both pairs
            assertThat(arrivals.n()).as(pair.first()).isGreaterThan(20);
            assertThat(arrivals.model().mae())
                    .isFinite()
                    .isLessThan(arrivals.baseline().mae());
            assertThat(arrivals.model().within1())
                    .isGreaterThanOrEqualTo(arrivals.baseline().within1());
            int observed = arrivals.rows().stream()
                    .mapToInt(PredictionCheck.Row::observed)
                    .sum();
            assertThat(observed).as("arrivals happened").isGreaterThan(20);
            SectorIndex firs = new SectorIndex(List.copyOf(Fixtures.reference().areas(AtcArea.FIR)));
            PredictionCheck.Result sectors = PredictionCheck.sectors(firs, p.before(), p.after(), p.gapMin(), catalog);
            // and on all FIR sectors against persistence
            assertThat(sectors.n()).isGreaterThan(20);
            assertThat(sectors.model().mae())
                    .isFinite()
                    .isLessThan(sectors.baseline().mae());
        }
    }
}
