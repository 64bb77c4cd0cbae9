package io.skysentinel.api.rest;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.BoundingBox;
import io.skysentinel.core.CreditReporting.CreditStatus;
import io.skysentinel.core.CreditReporting.Region;
import io.skysentinel.core.SourceRegistry;
import io.skysentinel.hub.HubSnapshot;
import io.skysentinel.hub.LiveHub;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The live picture as a GeoJSON FeatureCollection with coverage and credit metadata. */
@RestController
public class AirspaceController {

    /** The whole lat/lon plane, sq deg: area_coverage is the share of it the polled boxes cover. */
    private static final double WORLD_SQ_DEG = 180.0 * 360.0;

    private final LiveHub<Aircraft> hub;
    private final SourceRegistry sources;
    private final JsonMapper json;

    public AirspaceController(LiveHub<Aircraft> hub, SourceRegistry sources, JsonMapper json) {
        this.hub = hub;
        this.sources = sources;
        this.json = json;
    }

    public record Geometry(String type, double[] coordinates) {}

    public record Feature(String type, String id, Geometry geometry, Map<String, Object> properties) {}

    public record Metadata(
            int totalAircraft,
            Instant timestamp,
            String authMode,
            BoundingBox boundingBox,
            Double areaSqDeg,
            int creditsPerRequest,
            double areaCoverage) {}

    public record RateLimit(Long remaining, long retryAfterSeconds) {}

    public record FeatureCollection(String type, List<Feature> features, Metadata metadata, RateLimit rateLimit) {}

    @GetMapping("/api/v1/airspace")
    @Operation(summary = "Aircraft with a position as GeoJSON Points [lon, lat]; accepts the /api/flights filters")
    public FeatureCollection airspace(HttpServletRequest request) {
        FlightQuery q = FlightQuery.parse(request.getParameterMap());
        HubSnapshot<Aircraft> snap = hub.snapshot();
        List<Feature> features = snap.entities().stream()
                .filter(q.filter())
                .filter(a -> a.position() != null)
                .sorted(Comparator.comparing(Aircraft::id))
                .skip(q.offset())
                .limit(q.limit())
                .map(this::feature)
                .toList();

        CreditStatus credits = sources.credits().map(c -> c.credits()).orElse(null);
        BoundingBox box = q.bbox() != null ? q.bbox() : credits == null ? null : union(credits.regions());
        Double area = box == null ? null : box.areaSqDeg();
        Metadata meta = new Metadata(
                snap.entities().size(),
                Instant.ofEpochMilli(snap.takenAtMs()),
                credits == null ? "none" : credits.authMode(),
                box,
                area,
                credits == null ? 0 : credits.creditsPerRequest(),
                area == null ? 1.0 : Math.min(1.0, area / WORLD_SQ_DEG));
        RateLimit rate = credits == null
                ? new RateLimit(null, 0)
                : new RateLimit(credits.creditsRemaining(), credits.retryAfterS());
        return new FeatureCollection("FeatureCollection", features, meta, rate);
    }

    private Feature feature(Aircraft a) {
        @SuppressWarnings("unchecked")
        Map<String, Object> props = new LinkedHashMap<>(json.convertValue(a, Map.class));
        props.remove("position");
        return new Feature(
                "Feature",
                a.id(),
                new Geometry(
                        "Point", new double[] {a.position().lon(), a.position().lat()}),
                props);
    }

    /** The box around all polled regions; null (the world) when OpenSky polls without a box. */
    static BoundingBox union(List<Region> regions) {
        if (regions.isEmpty()) return null;
        double lamin = 90, lomin = 180, lamax = -90, lomax = -180;
        for (Region r : regions) {
            lamin = Math.min(lamin, r.lamin());
            lomin = Math.min(lomin, r.lomin());
            lamax = Math.max(lamax, r.lamax());
            lomax = Math.max(lomax, r.lomax());
        }
        return new BoundingBox(lamin, lomin, lamax, lomax);
    }
}
