package io.skysentinel.api.atc;

import io.skysentinel.analytics.workload.Estimate;
import io.skysentinel.analytics.workload.Facility;
import io.skysentinel.analytics.workload.Forecast;
import io.skysentinel.analytics.workload.Workload;
import io.skysentinel.analytics.workload.WorkloadArea;
import io.skysentinel.analytics.workload.WorkloadNow;
import io.skysentinel.api.rest.QueryParams;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AtcArea;
import io.skysentinel.core.AtcPosition;
import io.skysentinel.history.AreaHistory;
import io.skysentinel.hub.HubSnapshot;
import io.skysentinel.hub.LiveHub;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Controller workload over the live picture (docs/vatsim.md#workload-and-prediction): a position's aircraft now by
 * phase, its last hour from history and its forecast. Thin: the rules are {@code analytics.workload}'s plain
 * functions, run per request over a snapshot of the VATSIM pilots (about a millisecond for a busy feed).
 */
@RestController
public class WorkloadController {

    private final LiveHub<Aircraft> aircraft;
    private final LiveHub<AtcPosition> atc;
    private final Workload workload;
    private final WorkloadHistory history; // null when history is off

    public WorkloadController(
            LiveHub<Aircraft> liveHub,
            LiveHub<AtcPosition> atcHub,
            Workload workload,
            ObjectProvider<AreaHistory> history) {
        this.aircraft = liveHub;
        this.atc = atcHub;
        this.workload = workload;
        AreaHistory h = history.getIfAvailable();
        this.history = h == null ? null : new WorkloadHistory(h);
    }

    public record Counts(
            int total,
            int departing,
            int arriving,
            int overflying,
            int onGround,
            int filedArrivals,
            int filedDepartures) {
        static Counts of(WorkloadNow n) {
            return new Counts(
                    n.total(),
                    n.departing(),
                    n.arriving(),
                    n.overflying(),
                    n.onGround(),
                    n.filedArrivals(),
                    n.filedDepartures());
        }
    }

    public record Band(double value, double low, double high) {
        static Band of(Estimate e) {
            return new Band(e.value(), e.low(), e.high());
        }
    }

    public record Outlook(int horizonMin, Band arrivals, Band departures, Band overflights) {
        static Outlook of(Forecast f) {
            return new Outlook(
                    f.horizonMin(), Band.of(f.arrivals()), Band.of(f.departures()), Band.of(f.overflights()));
        }
    }

    public record PositionWorkload(
            String callsign,
            String facility,
            AtcArea area,
            String counted,
            Instant timestamp,
            Counts now,
            WorkloadHistory.TrendView trend,
            List<Outlook> forecast) {}

    public record AllPositions(Instant timestamp, List<BusiestPositions.Busy> positions) {}

    @GetMapping("/api/atc-positions/{callsign}/workload")
    @Operation(
            summary = "A staffed position's aircraft now by phase, the last hour in 5-minute buckets (from history)"
                    + " and the 15/30/60-minute forecast, or 404")
    public PositionWorkload workload(@PathVariable("callsign") String callsign, HttpServletRequest request) {
        QueryParams.of(request.getParameterMap(), Set.of());
        AtcPosition p = AtcPositionsController.online(atc, callsign);
        HubSnapshot<Aircraft> snap = aircraft.snapshot();
        List<Aircraft> pilots = pilots(snap);
        WorkloadArea area = workload.area(p);
        long now = WorkloadHistory.pictureEnd(pilots, snap.takenAtMs());
        return new PositionWorkload(
                p.callsign(),
                Facility.of(p).name().toLowerCase(java.util.Locale.ROOT),
                p.area(),
                counted(area),
                Instant.ofEpochMilli(snap.takenAtMs()),
                Counts.of(workload.now(p.callsign(), Facility.of(p), area, pilots)),
                history == null ? null : history.trend(workload, p, area, now),
                workload.forecast(area, pilots).stream().map(Outlook::of).toList());
    }

    @GetMapping("/api/atc-positions/workload")
    @Operation(summary = "Every staffed position's aircraft now and expected within 30 min, busiest first")
    public AllPositions all(HttpServletRequest request) {
        QueryParams.of(request.getParameterMap(), Set.of());
        HubSnapshot<Aircraft> snap = aircraft.snapshot();
        List<BusiestPositions.Busy> out =
                BusiestPositions.rank(workload, pilots(snap), atc.snapshot().entities());
        return new AllPositions(Instant.ofEpochMilli(snap.takenAtMs()), out);
    }

    /** What the position's count covers, in words (docs/vatsim.md#workload-and-prediction gives the numbers). */
    static String counted(WorkloadArea area) {
        if (area.isNone()) return "nothing: an ATIS, or a position without a known area";
        return switch (area.facility()) {
            case CENTRE -> "every aircraft inside the FIR/UIR polygon";
            case APPROACH ->
                area.shape() != null
                        ? "every aircraft inside the TRACON polygon"
                        : "every aircraft within the visual range (at most 150 NM; 40 NM when none) of the airport";
            case TOWER -> "airborne aircraft within 10 NM of the airport and below 4,000 ft above it";
            case GROUND -> "aircraft on the ground within 3 NM of the airport";
            case ATIS, OTHER -> "nothing";
        };
    }

    private static List<Aircraft> pilots(HubSnapshot<Aircraft> snap) {
        return BusiestPositions.pilots(snap.entities());
    }
}
