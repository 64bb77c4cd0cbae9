package io.skysentinel.ops;

import io.skysentinel.core.SourceHealth;
import io.skysentinel.core.SourceRegistry;
import io.skysentinel.hub.HubSnapshot;
import io.skysentinel.hub.LiveHub;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * GET /health: UP when every source is up; DEGRADED (HTTP 200) when some source is failing or rate limited and
 * its last picture is being served stale; DOWN (HTTP 503) when no source is delivering and there is nothing to
 * serve. Load balancers keep a DEGRADED instance: stale data beats no data.
 */
@RestController
public class HealthController {

    private final SourceRegistry sources;
    private final LiveHub hub;

    public HealthController(SourceRegistry sources, LiveHub hub) {
        this.sources = sources;
        this.hub = hub;
    }

    public record Health(SourceHealth.State status, int aircraft, Double dataAgeS, Map<String, SourceHealth> sources) { }

    @GetMapping("/health")
    @Operation(summary = "UP / DEGRADED (serving stale data) / DOWN, with per-source detail")
    public ResponseEntity<Health> health() {
        List<SourceHealth> all = sources.health();
        HubSnapshot snap = hub.snapshot();
        SourceHealth.State status = overall(all, snap.aircraft().size());
        Map<String, SourceHealth> bySource = all.stream().collect(Collectors.toMap(SourceHealth::name, h -> h, (a, b) -> a, java.util.TreeMap::new));
        Health body = new Health(status, snap.aircraft().size(), snap.dataAgeSeconds(), bySource);
        return ResponseEntity.status(status == SourceHealth.State.DOWN ? 503 : 200).body(body);
    }

    static SourceHealth.State overall(List<SourceHealth> all, int aircraft) {
        if (all.isEmpty()) return SourceHealth.State.DOWN;
        boolean anyUp = all.stream().anyMatch(h -> h.state() == SourceHealth.State.UP);
        boolean allUp = all.stream().allMatch(h -> h.state() == SourceHealth.State.UP);
        if (allUp) return SourceHealth.State.UP;
        if (anyUp || aircraft > 0) return SourceHealth.State.DEGRADED;
        return SourceHealth.State.DOWN;
    }
}
