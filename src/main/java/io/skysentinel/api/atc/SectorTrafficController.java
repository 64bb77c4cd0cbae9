package io.skysentinel.api.atc;

import io.skysentinel.analytics.workload.SectorDensity;
import io.skysentinel.analytics.workload.SectorDensity.SectorCount;
import io.skysentinel.analytics.workload.SectorIndex;
import io.skysentinel.analytics.workload.SectorSeries;
import io.skysentinel.api.rest.ApiProblems;
import io.skysentinel.api.rest.InvalidParameterException;
import io.skysentinel.api.rest.QueryParams;
import io.skysentinel.atc.AreaShape;
import io.skysentinel.atc.AtcReference;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AtcArea;
import io.skysentinel.core.AtcPosition;
import io.skysentinel.history.AreaHistory;
import io.skysentinel.hub.HubSnapshot;
import io.skysentinel.hub.LiveHub;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * VATSIM aircraft per sector (every FIR, UIR and TRACON, staffed or not): now over the live picture, and over a range
 * from history (docs/api.md#get-apitrafficsectors). Thin: the counting is {@code analytics.workload}'s.
 */
@RestController
public class SectorTrafficController {

    static final List<String> KINDS = List.of(AtcArea.FIR, AtcArea.UIR, AtcArea.TRACON);

    private final LiveHub<Aircraft> aircraft;
    private final LiveHub<AtcPosition> atc;
    private final AtcReference reference;
    private final WorkloadHistory history; // null when history is off
    private volatile SectorIndex sectors; // built on first use: the reference loads in the background

    public SectorTrafficController(
            LiveHub<Aircraft> liveHub,
            LiveHub<AtcPosition> atcHub,
            AtcReference reference,
            ObjectProvider<AreaHistory> history) {
        this.aircraft = liveHub;
        this.atc = atcHub;
        this.reference = reference;
        AreaHistory h = history.getIfAvailable();
        this.history = h == null ? null : new WorkloadHistory(h);
    }

    public record Peak(
            String kind,
            String id,
            String name,
            int peakAircraft,
            Instant peakAt,
            double meanAircraft,
            double staffedShare) {
        static Peak of(SectorSeries.Peak p) {
            return new Peak(
                    p.kind(),
                    p.id(),
                    p.name(),
                    p.peakAircraft(),
                    Instant.ofEpochMilli(p.peakAtMs()),
                    Math.round(p.meanAircraft() * 100) / 100.0,
                    Math.round(p.staffedShare() * 1000) / 1000.0);
        }
    }

    public record Range(Instant from, Instant to, long stepS, List<Peak> busiest) {}

    public record Sectors(Instant timestamp, int count, List<SectorCount> sectors, Range range) {}

    public record Point(Instant start, int aircraft, boolean staffed) {}

    public record Sector(
            String kind,
            String id,
            String name,
            Instant timestamp,
            int aircraft,
            boolean staffed,
            Map<String, Object> feature,
            Instant from,
            Instant to,
            Long stepS,
            Peak peak,
            List<Point> series) {}

    @GetMapping("/api/traffic/sectors")
    @Operation(
            summary = "VATSIM aircraft per FIR, UIR and TRACON now, busiest first, staffed or not; with from/to"
                    + " also the busiest over that range from history")
    public Sectors sectors(HttpServletRequest request) {
        QueryParams q = QueryParams.of(request.getParameterMap(), Set.of("from", "to", "limit"));
        HubSnapshot<Aircraft> snap = aircraft.snapshot();
        List<SectorCount> now = now(snap);
        Range range = null;
        if (q.text("from") != null || q.text("to") != null) {
            long[] r = range(q, end(snap));
            SectorSeries s = history().sectors(index(), r[0], r[1]);
            int limit = q.integer("limit", 50, 1, 1000);
            range = new Range(
                    Instant.ofEpochMilli(r[0]),
                    Instant.ofEpochMilli(r[1]),
                    WorkloadHistory.step(r[0], r[1]) / 1000,
                    s.busiest(limit).stream().map(Peak::of).toList());
        } else {
            q.integer("limit", 50, 1, 1000); // checked even unused: a typo is an error, not silence
        }
        return new Sectors(Instant.ofEpochMilli(snap.takenAtMs()), now.size(), now, range);
    }

    @GetMapping("/api/traffic/sectors/{id}")
    @Operation(
            summary = "One sector: its outline (GeoJSON Feature), aircraft now, and its series over a range"
                    + " (default the last hour) from history")
    public Sector sector(@PathVariable("id") String id, HttpServletRequest request) {
        QueryParams q = QueryParams.of(request.getParameterMap(), Set.of("kind", "from", "to"));
        if (!id.matches("[A-Za-z0-9_-]{1,32}"))
            throw new InvalidParameterException("id", "must be 1 to 32 letters, digits, '_' or '-'");
        String kind = q.oneOf("kind", Set.copyOf(KINDS));
        SectorIndex index = index();
        int at = find(index, kind, id);
        AreaShape shape = index.sectors().get(at);
        HubSnapshot<Aircraft> snap = aircraft.snapshot();
        SectorCount current = now(snap).stream()
                .filter(c -> c.kind().equals(shape.kind()) && c.id().equals(shape.id()))
                .findFirst()
                .orElse(null);
        long[] r = range(q, end(snap));
        SectorSeries series = history == null ? null : history.sectors(index, r[0], r[1]);
        return new Sector(
                shape.kind(),
                shape.id(),
                shape.name(),
                Instant.ofEpochMilli(snap.takenAtMs()),
                current == null ? 0 : current.aircraft(),
                current != null ? current.staffed() : staffedNow(shape),
                AtcAreasController.feature(shape, null),
                series == null ? null : Instant.ofEpochMilli(r[0]),
                series == null ? null : Instant.ofEpochMilli(r[1]),
                series == null ? null : WorkloadHistory.step(r[0], r[1]) / 1000,
                series == null ? null : Peak.of(series.peak(at)),
                series == null
                        ? null
                        : series.series(at).stream()
                                .map(p -> new Point(Instant.ofEpochMilli(p.startMs()), p.aircraft(), p.staffed()))
                                .toList());
    }

    private static long end(HubSnapshot<Aircraft> snap) {
        return WorkloadHistory.pictureEnd(BusiestPositions.pilots(snap.entities()), snap.takenAtMs());
    }

    private List<SectorCount> now(HubSnapshot<Aircraft> snap) {
        return SectorDensity.busiest(
                index(),
                BusiestPositions.pilots(snap.entities()),
                List.copyOf(atc.snapshot().entities()));
    }

    private boolean staffedNow(AreaShape s) {
        for (AtcPosition p : atc.snapshot().entities()) {
            AtcArea a = p.area();
            if (!p.atis() && a != null && a.kind().equals(s.kind()) && a.id().equalsIgnoreCase(s.id())) return true;
        }
        return false;
    }

    /** The sector with this id (case-insensitive), of the given kind, else the first of FIR, UIR, TRACON. */
    private static int find(SectorIndex index, String kind, String id) {
        for (String k : kind == null ? KINDS : List.of(kind)) {
            for (int i = 0; i < index.sectors().size(); i++) {
                AreaShape s = index.sectors().get(i);
                if (s.kind().equals(k) && s.id().equalsIgnoreCase(id)) return i;
            }
        }
        throw new ApiProblems.NotFoundException("no "
                + (kind == null ? "FIR, UIR or TRACON" : kind.toUpperCase(Locale.ROOT)) + " with id '" + id + "'");
    }

    /** [from, to): to defaults to now, from to an hour before to; at most 24 hours. */
    private static long[] range(QueryParams q, long nowMs) {
        Long t = q.instant("to");
        long to = t == null ? nowMs : t;
        Long f = q.instant("from");
        long from = f == null ? to - WorkloadHistory.TREND_MS : f;
        if (from >= to) throw new InvalidParameterException("from", "must be before 'to'");
        if (to - from > AreaHistory.MAX_RANGE_MS)
            throw new InvalidParameterException("from", "the range may span at most 24 hours");
        return new long[] {from, to};
    }

    private WorkloadHistory history() {
        if (history == null)
            throw new InvalidParameterException(
                    "from", "history is off on this instance (SKYSENTINEL_HISTORY_ENABLED=false): only now is served");
        return history;
    }

    private SectorIndex index() {
        SectorIndex s = sectors;
        if (s == null) {
            List<AreaShape> all = new ArrayList<>();
            for (String kind : KINDS) all.addAll(reference.areas(kind));
            sectors = s = new SectorIndex(all);
        }
        return s;
    }
}
