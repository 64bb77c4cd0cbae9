package io.skysentinel.ops;

import io.skysentinel.core.Aircraft;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.skysentinel.core.Readiness;
import io.skysentinel.core.SourceHealth;
import io.skysentinel.core.SourceRegistry;
import io.skysentinel.hub.HubSnapshot;
import io.skysentinel.hub.LiveHub;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * GET /health: UP when every source is up; DEGRADED (HTTP 200) when some source is failing or rate limited and
 * its last picture is being served stale; DOWN (HTTP 503) when no source is delivering and there is nothing to
 * serve. Load balancers keep a DEGRADED instance: stale data beats no data. DOWN also while a {@link Readiness}
 * check fails: a Kafka-fed hub still reading flights.state from the beginning.
 */
@RestController
public class HealthController {

    private final SourceRegistry sources;
    private final LiveHub<Aircraft> hub;
    private final List<Readiness> readiness;

    public HealthController(SourceRegistry sources, LiveHub<Aircraft> hub, ObjectProvider<Readiness> readiness) {
        this.sources = sources;
        this.hub = hub;
        this.readiness = readiness.orderedStream().toList();
    }

    /** @param ready per readiness check (a Kafka-fed hub catching up); absent when the instance has none */
    public record Health(SourceHealth.State status, int aircraft, Double dataAgeS, Map<String, SourceHealth> sources,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Boolean> ready) { }

    @GetMapping("/health")
    @Operation(summary = "UP / DEGRADED (serving stale data) / DOWN, with per-source detail")
    public ResponseEntity<Health> health() {
        List<SourceHealth> all = sources.health();
        HubSnapshot<Aircraft> snap = hub.snapshot();
        Map<String, Boolean> ready = new java.util.TreeMap<>();
        readiness.forEach(r -> ready.put(r.name(), r.ready()));
        boolean standby = readiness.stream().anyMatch(Readiness::standby);
        SourceHealth.State status = status(all, snap.entities().size(), ready, standby);
        Map<String, SourceHealth> bySource = all.stream().collect(Collectors.toMap(SourceHealth::name, h -> h, (a, b) -> a, java.util.TreeMap::new));
        Health body = new Health(status, snap.entities().size(), snap.dataAgeSeconds(), bySource, ready);
        return ResponseEntity.status(status == SourceHealth.State.DOWN ? 503 : 200).body(body);
    }

    /**
     * Not ready (a Kafka-fed hub catching up): DOWN. A Kafka hub without sources of its own, or a standby ingest
     * instance, once ready: UP. Otherwise by its sources.
     */
    static SourceHealth.State status(List<SourceHealth> all, int aircraft, Map<String, Boolean> ready, boolean standby) {
        if (ready.containsValue(false)) return SourceHealth.State.DOWN;
        if (!ready.isEmpty() && (all.isEmpty() || standby)) return SourceHealth.State.UP;
        return overall(all, aircraft);
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
