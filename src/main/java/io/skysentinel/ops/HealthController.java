package io.skysentinel.ops;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.FeedStatus;
import io.skysentinel.core.Readiness;
import io.skysentinel.core.SourceHealth;
import io.skysentinel.core.SourceRegistry;
import io.skysentinel.hub.HubSnapshot;
import io.skysentinel.hub.LiveHub;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /health: UP when every source is up; DEGRADED (HTTP 200) when some source is failing or rate limited and
 * its last picture is being served stale; DOWN (HTTP 503) when no source is delivering and there is nothing to
 * serve. Load balancers keep a DEGRADED instance: stale data beats no data. DOWN also while a {@link Readiness}
 * check fails (a Kafka-fed hub still reading flights.state from the beginning). An instance whose picture comes from
 * Kafka is judged by that feed, the upstream sources as the ingest leader reports them, never by its own sources.
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

    /**
     * @param sources the sources the picture comes from: this instance's own, or for a Kafka-fed picture the upstream
     *                ones as the newest ingest heartbeat described them
     * @param ready   per readiness check (a Kafka-fed hub catching up, a history consumer joining); absent when none
     * @param feed    for a Kafka-fed picture: is the ingest side alive, and how old is its heartbeat
     * @param details per readiness check, a few figures (a history consumer's lag)
     */
    public record Health(
            SourceHealth.State status,
            int aircraft,
            Double dataAgeS,
            Map<String, SourceHealth> sources,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Boolean> ready,
            @JsonInclude(JsonInclude.Include.NON_NULL) Feed feed,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Map<String, Object>> details) {}

    /** The Kafka feed as /health shows it; {@code upstreamDataAgeS} is per source, at the ingest leader. */
    public record Feed(boolean live, Double heartbeatAgeS, Map<String, Double> upstreamDataAgeS) {}

    @GetMapping("/health")
    @Operation(summary = "UP / DEGRADED (serving stale data) / DOWN, with per-source detail")
    public ResponseEntity<Health> health() {
        HubSnapshot<Aircraft> snap = hub.snapshot();
        Map<String, Boolean> ready = new TreeMap<>();
        Map<String, Map<String, Object>> details = new TreeMap<>();
        readiness.forEach(r -> {
            ready.put(r.name(), r.ready());
            if (!r.details().isEmpty()) details.put(r.name(), r.details());
        });
        Optional<FeedStatus> feed = feed(readiness);
        boolean degraded = readiness.stream().anyMatch(Readiness::degraded);
        List<SourceHealth> all = feed.map(FeedStatus::sources).orElseGet(sources::health);
        SourceHealth.State status = status(all, snap.entities().size(), ready, feed.orElse(null), degraded);
        Map<String, SourceHealth> bySource =
                all.stream().collect(Collectors.toMap(SourceHealth::name, h -> h, (a, b) -> a, TreeMap::new));
        Feed shown = feed.map(f -> new Feed(f.live(), f.heartbeatAgeS(), new TreeMap<>(f.dataAgeS())))
                .orElse(null);
        Health body =
                new Health(status, snap.entities().size(), snap.dataAgeSeconds(), bySource, ready, shown, details);
        return ResponseEntity.status(status == SourceHealth.State.DOWN ? 503 : 200)
                .body(body);
    }

    static Optional<FeedStatus> feed(List<Readiness> readiness) {
        return readiness.stream().map(Readiness::feed).flatMap(Optional::stream).findFirst();
    }

    /**
     * Not ready: DOWN. A Kafka-fed picture: by the feed (no heartbeat within the timeout: DEGRADED while there is a
     * picture to serve, else DOWN; otherwise by the upstream sources). An instance with readiness checks and no
     * sources (a history-only instance): UP. Otherwise by its sources. Then a degraded part makes UP DEGRADED.
     *
     * @param all the sources the picture comes from (the feed's when there is a feed)
     */
    static SourceHealth.State status(
            List<SourceHealth> all, int aircraft, Map<String, Boolean> ready, FeedStatus feed, boolean degraded) {
        if (ready.containsValue(false)) return SourceHealth.State.DOWN;
        SourceHealth.State s;
        if (feed != null && !feed.live()) s = aircraft > 0 ? SourceHealth.State.DEGRADED : SourceHealth.State.DOWN;
        else if (feed == null && !ready.isEmpty() && all.isEmpty()) s = SourceHealth.State.UP;
        else s = overall(all, aircraft);
        return degraded && s == SourceHealth.State.UP ? SourceHealth.State.DEGRADED : s;
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
