package io.skysentinel.analytics.workload;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.Airport;
import io.skysentinel.core.AirportCatalog;
import io.skysentinel.core.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The forecast against what happened, between two pictures of the same network {@code gapMin} minutes apart
 * (docs/vatsim.md#workload-and-prediction). Pure: the pictures come in, the figures go out.
 *
 * <p><b>Arrivals per airport.</b> Predicted: airborne pilots of the first picture filed to the airport with an ETA
 * within the horizon. Observed: pilots airborne in the first picture that, in the later one (same id), are on the
 * ground within 3 NM of the airport, or are gone from it while their first-picture position was within 40 NM of
 * their filed destination (the airport). Baseline ("the next 30 min look like the last 30"): pilots of the first
 * picture on the ground within 3 NM of the airport with a plan arriving there (and departing elsewhere), the ones who
 * landed and have not logged off, taken as the last 30 minutes' arrivals and scaled to the horizon (× h / 30).
 * Airports compared: every airport where any of the three is non-zero.
 *
 * <p><b>Sectors.</b> Per sector, observed: pilots inside it in the later picture. Model: each pilot of the first
 * picture moved to where it should be after {@code gapMin}: at its destination when its ETA is within the gap, else
 * dead-reckoned ({@link Tracks}); on the ground it stays. Baseline (persistence): pilots inside it now. Sectors
 * compared: every sector where any of the three is non-zero.
 */
public final class PredictionCheck {

    /** One compared place: the model's and the baseline's value and what happened. */
    public record Row(String id, double predicted, double baseline, int observed) {}

    /** The rows and their summary. */
    public record Result(List<Row> rows, Score model, Score baseline) {
        public int n() {
            return rows.size();
        }
    }

    /**
     * Mean absolute error, the share of rows within ±1 of what happened, and the share whose outcome lies inside the
     * value's Poisson band ({@link Estimate#poisson}): how well that band is calibrated (a 1-σ band should hold ~68 %).
     */
    public record Score(double mae, double within1, double inBand) {
        static Score of(List<Row> rows, boolean model) {
            if (rows.isEmpty()) return new Score(Double.NaN, Double.NaN, Double.NaN);
            double sum = 0;
            int within = 0;
            int inBand = 0;
            for (Row r : rows) {
                double v = model ? r.predicted() : r.baseline();
                double e = Math.abs(v - r.observed());
                sum += e;
                if (e <= 1 + 1e-9) within++;
                Estimate band = Estimate.poisson(v);
                if (r.observed() >= band.low() - 1e-9 && r.observed() <= band.high() + 1e-9) inBand++;
            }
            int n = rows.size();
            return new Score(sum / n, within / (double) n, inBand / (double) n);
        }
    }

    static final double GONE_NEAR_NM = 40;
    static final double BASELINE_WINDOW_MIN = 30;

    private PredictionCheck() {}

    public static Result arrivals(
            List<Aircraft> before, List<Aircraft> after, double horizonMin, AirportCatalog airports) {
        Map<String, Aircraft> later = byId(after);
        Map<String, double[]> cells = new TreeMap<>(); // icao → predicted, baseline, observed
        double ground = WorkloadSettings.GROUND_RADIUS_NM * WorkloadSettings.NM;
        for (Aircraft a : before) {
            String arr = Flights.arrival(a);
            Airport dest = Flights.airport(airports, arr);
            if (a.onGround()) {
                boolean landedHere = dest != null && !arr.equalsIgnoreCase(Flights.departure(a));
                if (landedHere && Flights.distanceM(a, dest) <= ground)
                    cell(cells, dest.icao())[1] += horizonMin / BASELINE_WINDOW_MIN;
                continue;
            }
            OptionalDouble eta = EtaModel.etaMinutes(a, airports);
            if (eta.isPresent() && eta.getAsDouble() <= horizonMin) cell(cells, dest.icao())[0]++;
            String landed = landedAt(a, later.get(a.id()), dest, airports);
            if (landed != null) cell(cells, landed)[2]++;
        }
        return result(cells);
    }

    /** Where a pilot airborne before arrived by the later picture, or null. */
    private static String landedAt(Aircraft before, Aircraft after, Airport dest, AirportCatalog airports) {
        if (after == null) {
            boolean near = Flights.distanceM(before, dest) <= GONE_NEAR_NM * WorkloadSettings.NM;
            return near ? dest.icao() : null;
        }
        if (!after.onGround() || after.position() == null) return null;
        double ground = WorkloadSettings.GROUND_RADIUS_NM * WorkloadSettings.NM;
        if (dest != null && Flights.distanceM(after, dest) <= ground) return dest.icao();
        return airports.nearest(after.position().lat(), after.position().lon(), ground)
                .map(n -> n.airport().icao())
                .orElse(null);
    }

    /** How the sector check moves an aircraft whose ETA is beyond the gap. */
    public enum Motion {
        /** Dead reckoning along its present track ({@link Tracks#at}): what the forecast uses. */
        TRACK,
        /** The great circle to its filed destination ({@link Tracks#towardsDestination}). */
        DESTINATION
    }

    public static Result sectors(
            SectorIndex index, List<Aircraft> before, List<Aircraft> after, double gapMin, AirportCatalog airports) {
        return sectors(index, before, after, gapMin, airports, Motion.TRACK);
    }

    public static Result sectors(
            SectorIndex index,
            List<Aircraft> before,
            List<Aircraft> after,
            double gapMin,
            AirportCatalog airports,
            Motion motion) {
        List<Position> now = new ArrayList<>();
        List<Position> predicted = new ArrayList<>();
        List<Position> observed = new ArrayList<>();
        for (Aircraft a : before) {
            if (a.position() == null) continue;
            now.add(a.position());
            predicted.add(predictedAt(a, gapMin, airports, motion));
        }
        for (Aircraft a : after) if (a.position() != null) observed.add(a.position());
        int[] p = index.count(predicted);
        int[] b = index.count(now);
        int[] o = index.count(observed);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            if (p[i] == 0 && b[i] == 0 && o[i] == 0) continue;
            rows.add(new Row(index.sectors().get(i).id(), p[i], b[i], o[i]));
        }
        return new Result(rows, Score.of(rows, true), Score.of(rows, false));
    }

    /** Where the model puts the aircraft {@code minutes} from now. */
    static Position predictedAt(Aircraft a, double minutes, AirportCatalog airports, Motion motion) {
        OptionalDouble eta = EtaModel.etaMinutes(a, airports);
        if (eta.isPresent() && eta.getAsDouble() <= minutes) {
            Airport dest = Flights.airport(airports, Flights.arrival(a));
            return new Position(dest.lat(), dest.lon());
        }
        return motion == Motion.TRACK
                ? Tracks.at(a, minutes * 60)
                : Tracks.towardsDestination(a, minutes * 60, airports);
    }

    private static double[] cell(Map<String, double[]> cells, String icao) {
        return cells.computeIfAbsent(icao, k -> new double[3]);
    }

    private static Result result(Map<String, double[]> cells) {
        List<Row> rows = new ArrayList<>();
        for (var e : cells.entrySet()) {
            double[] c = e.getValue();
            if (c[0] == 0 && c[1] == 0 && c[2] == 0) continue;
            rows.add(new Row(e.getKey(), c[0], c[1], (int) c[2]));
        }
        return new Result(rows, Score.of(rows, true), Score.of(rows, false));
    }

    private static Map<String, Aircraft> byId(List<Aircraft> list) {
        Map<String, Aircraft> m = new HashMap<>();
        for (Aircraft a : list) m.put(a.id(), a);
        return m;
    }

    /** The ids of the rows, sorted: what two runs of the check compare on. */
    public static TreeSet<String> ids(Result r) {
        TreeSet<String> s = new TreeSet<>();
        for (Row row : r.rows()) s.add(row.id());
        return s;
    }
}
