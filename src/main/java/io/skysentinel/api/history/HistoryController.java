package io.skysentinel.api.history;

import io.skysentinel.api.rest.BoundingBoxParameter;
import io.skysentinel.api.rest.IdParameter;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AircraftEnricher;
import io.skysentinel.core.BoundingBox;
import io.skysentinel.history.HistorySettings;
import io.skysentinel.history.PositionQueries;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Trails and the sky at a past moment, from the positions table (docs/history.md). */
@RestController
@ConditionalOnProperty(prefix = "skysentinel.history", name = "enabled", havingValue = "true", matchIfMissing = true)
public class HistoryController {

    private final PositionQueries positions;
    private final HistorySettings settings;
    private final AircraftEnricher enricher; // stored rows keep no aircraft object: told again on the way out
    private final Clock clock;

    HistoryController(
            PositionQueries positions,
            HistorySettings settings,
            Clock clock,
            ObjectProvider<AircraftEnricher> enricher) {
        this.positions = positions;
        this.settings = settings;
        this.enricher = enricher.getIfAvailable(() -> AircraftEnricher.NONE);
        this.clock = clock;
    }

    public record TrackPoint(
            long timeMs,
            double lat,
            double lon,
            Double altitudeM,
            Double geoAltitudeM,
            Double velocityMps,
            Double headingDeg,
            Double verticalRateMps,
            boolean onGround,
            String squawk,
            String callsign,
            String source) {}

    public record Track(String id, long fromMs, long toMs, int count, List<TrackPoint> points) {}

    public record Snapshot(long atMs, long windowMs, int count, List<Aircraft> flights) {}

    @GetMapping("/api/flights/{id}/track")
    Track track(
            @PathVariable("id") String flight,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer limit) {
        String id = IdParameter.parse("id", flight);
        long[] r = Params.range(from, to, clock.millis(), Params.DAY_MS, 31 * Params.DAY_MS);
        List<TrackPoint> points = positions.track(id, r[0], r[1], Params.limit(limit, 10_000, 100_000)).stream()
                .map(p -> new TrackPoint(
                        p.timeMs(),
                        p.lat(),
                        p.lon(),
                        p.baroAltitudeM(),
                        p.geoAltitudeM(),
                        p.velocityMps(),
                        p.headingDeg(),
                        p.verticalRateMps(),
                        p.onGround(),
                        p.squawk(),
                        p.callsign(),
                        p.source()))
                .toList();
        return new Track(id, r[0], r[1], points.size(), points);
    }

    @GetMapping("/api/history/snapshot")
    Snapshot snapshot(@RequestParam(required = false) String at, @RequestParam(required = false) String bbox) {
        long atMs = Params.requiredTime("at", at);
        BoundingBox box = bbox == null ? null : BoundingBoxParameter.parse("bbox", bbox);
        long window = settings.snapshotWindow().toMillis();
        List<Aircraft> flights = positions.snapshot(atMs, window, box).stream()
                .map(r -> enricher.enrich(PositionQueries.toAircraft(r)))
                .toList();
        return new Snapshot(atMs, window, flights.size(), flights);
    }
}
