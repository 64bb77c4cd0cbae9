package io.skysentinel.bench;

import io.skysentinel.analytics.workload.PredictionCheck;
import io.skysentinel.analytics.workload.SectorIndex;
import io.skysentinel.atc.AreaShape;
import io.skysentinel.atc.AtcReference;
import io.skysentinel.atc.ReferenceAirports;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AirportCatalog;
import io.skysentinel.core.AtcArea;
import io.skysentinel.core.AtcPosition;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.source.vatsim.VatsimPipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The workload forecast against what happened, over the two recorded pairs of feeds (docs/vatsim.md#workload-and-
 * prediction). A plain main; needs ../shared/data/vatsim. Run: {@code ./mvnw -Pbench test-compile exec:exec
 * -Dbench.main=io.skysentinel.bench.WorkloadEvaluation -Dbench= -Dbench.args=}.
 */
public final class WorkloadEvaluation {

    /** One recorded pair: the first feed, the later one, minutes between their update time stamps. */
    public record Pair(String first, String later) {}

    public static final List<Pair> PAIRS = List.of(
            new Pair("vatsim-data-20230807T232929Z.json", "vatsim-data-20230808T000359Z.json"),
            new Pair("vatsim-data-20241121T114725Z.json", "vatsim-data-20241121T125725Z.json"));

    /** Two pictures of one network and the minutes between them. */
    public record Pictures(SourceBatch first, SourceBatch later, double gapMin) {
        public List<Aircraft> before() {
            return first.aircraft();
        }

        public List<Aircraft> after() {
            return later.aircraft();
        }
    }

    private WorkloadEvaluation() {}

    public static void main(String[] args) throws IOException {
        Path dir = dataDir();
        if (dir == null) throw new IllegalStateException("../shared/data/vatsim is absent");
        ReferenceAirports airports = ReferenceAirports.load();
        AtcReference ref = AtcReference.load(airports.catalog());
        AirportCatalog catalog = airports.catalog();
        SectorIndex firs = new SectorIndex(List.copyOf(ref.areas(AtcArea.FIR)));
        for (String kind : List.of(AtcArea.FIR, AtcArea.UIR, AtcArea.TRACON)) {
            int parts = ref.areas(kind).stream()
                    .mapToInt(s -> s.geometry().getNumGeometries())
                    .sum();
            System.out.printf(
                    Locale.ROOT,
                    "%s: %d areas, %d polygons%n",
                    kind,
                    ref.areas(kind).size(),
                    parts);
        }
        for (Pair pair : PAIRS) {
            Pictures p = read(dir, pair, catalog, ref);
            System.out.printf(
                    Locale.ROOT,
                    "%n== %s -> %s: %.1f min, %d -> %d pilots%n",
                    pair.first(),
                    pair.later(),
                    p.gapMin(),
                    p.before().size(),
                    p.after().size());
            List<Double> horizons = new ArrayList<>(List.of(30.0, p.gapMin()));
            if (p.gapMin() > 60) horizons.add(1, 60.0);
            for (double h : horizons) {
                PredictionCheck.Result r = PredictionCheck.arrivals(p.before(), p.after(), h, catalog);
                print("arrivals, horizon " + fmt(h) + " min", r);
                busiest(r);
            }
            print(
                    "FIR sectors, all, at +" + fmt(p.gapMin()),
                    PredictionCheck.sectors(firs, p.before(), p.after(), p.gapMin(), catalog));
            print(
                    "FIRs, towards destination",
                    PredictionCheck.sectors(
                            firs, p.before(), p.after(), p.gapMin(), catalog, PredictionCheck.Motion.DESTINATION));
            SectorIndex staffed = new SectorIndex(staffedCentres(ref, p.first().atc()));
            print(
                    "FIR/UIR sectors, staffed centres",
                    PredictionCheck.sectors(staffed, p.before(), p.after(), p.gapMin(), catalog));
            departures(p, catalog);
        }
    }

    /** The centre positions' FIR/UIR polygons of the first picture. */
    static List<AreaShape> staffedCentres(AtcReference ref, List<AtcPosition> positions) {
        Set<String> seen = new java.util.HashSet<>();
        List<AreaShape> out = new ArrayList<>();
        for (AtcPosition p : positions) {
            AtcArea a = p.area();
            if (a == null || !(a.kind().equals(AtcArea.FIR) || a.kind().equals(AtcArea.UIR))) continue;
            if (seen.add(a.kind() + a.id())) ref.area(a.kind(), a.id()).ifPresent(out::add);
        }
        return out;
    }

    /** How many pilots on the ground with a plan at the first feed had left (airborne, or gone far away) later. */
    private static void departures(Pictures p, AirportCatalog catalog) {
        var later = p.after().stream().collect(Collectors.toMap(Aircraft::id, a -> a));
        int waiting = 0;
        int airborne = 0;
        int gone = 0;
        for (Aircraft a : p.before()) {
            if (!a.onGround() || a.vatsim() == null || a.vatsim().flightPlan() == null) continue;
            waiting++;
            Aircraft l = later.get(a.id());
            if (l == null) gone++;
            else if (!l.onGround()) airborne++;
        }
        System.out.printf(
                Locale.ROOT,
                "  departures: %d on the ground with a plan; later %d airborne (%.0f %%), %d gone, %d on the ground%n",
                waiting,
                airborne,
                100.0 * airborne / waiting,
                gone,
                waiting - airborne - gone);
    }

    private static void print(String what, PredictionCheck.Result r) {
        System.out.printf(
                Locale.ROOT,
                "  %-30s N=%4d model MAE %.2f +-1 %.0f %% band %.0f %%"
                        + "  baseline MAE %.2f +-1 %.0f %%  sum %.0f/%.0f/%d%n",
                what,
                r.n(),
                r.model().mae(),
                100 * r.model().within1(),
                100 * r.model().inBand(),
                r.baseline().mae(),
                100 * r.baseline().within1(),
                r.rows().stream().mapToDouble(PredictionCheck.Row::predicted).sum(),
                r.rows().stream().mapToDouble(PredictionCheck.Row::baseline).sum(),
                r.rows().stream().mapToInt(PredictionCheck.Row::observed).sum());
    }

    /** The eight airports with the most arrivals, and the error over the airports with at least three. */
    private static void busiest(PredictionCheck.Result r) {
        List<PredictionCheck.Row> rows = new ArrayList<>(r.rows());
        rows.sort(
                java.util.Comparator.comparingInt(PredictionCheck.Row::observed).reversed());
        StringBuilder top = new StringBuilder("    busiest (model/baseline/observed):");
        for (PredictionCheck.Row row : rows.subList(0, Math.min(8, rows.size())))
            top.append(String.format(
                    Locale.ROOT, " %s %.0f/%.1f/%d", row.id(), row.predicted(), row.baseline(), row.observed()));
        System.out.println(top);
        List<PredictionCheck.Row> busy =
                rows.stream().filter(x -> x.observed() >= 3).toList();
        double model = busy.stream()
                .mapToDouble(x -> Math.abs(x.predicted() - x.observed()))
                .average()
                .orElse(Double.NaN);
        double base = busy.stream()
                .mapToDouble(x -> Math.abs(x.baseline() - x.observed()))
                .average()
                .orElse(Double.NaN);
        System.out.printf(
                Locale.ROOT,
                "    airports with >= 3 observed: N=%d model MAE %.2f baseline MAE %.2f%n",
                busy.size(),
                model,
                base);
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    public static Pictures read(Path dir, Pair pair, AirportCatalog catalog, AtcReference ref) throws IOException {
        // one pipeline per feed: 35 and 70 minutes apart, a previous sample says nothing about the derived track
        SourceBatch a = new VatsimPipeline(catalog, ref).batch(Files.readAllBytes(dir.resolve(pair.first())));
        SourceBatch b = new VatsimPipeline(catalog, ref).batch(Files.readAllBytes(dir.resolve(pair.later())));
        return new Pictures(a, b, (b.observedAtMs() - a.observedAtMs()) / 60_000.0);
    }

    /** ../shared/data/vatsim, or null when absent. */
    public static Path dataDir() {
        return Stream.of(Path.of("..", "shared", "data", "vatsim"), Path.of("/work/shared/data/vatsim"))
                .filter(Files::isDirectory)
                .findFirst()
                .orElse(null);
    }
}
