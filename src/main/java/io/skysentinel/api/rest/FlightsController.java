package io.skysentinel.api.rest;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.RefreshableSource;
import io.skysentinel.core.RefreshableSource.RefreshOutcome;
import io.skysentinel.core.SourceRegistry;
import io.skysentinel.hub.HubSnapshot;
import io.skysentinel.hub.LiveHub;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The live picture over REST. Reads only the hub: a request never waits for an upstream call. */
@RestController
@RequestMapping("/api/flights")
public class FlightsController {

    private final LiveHub<Aircraft> hub;
    private final SourceRegistry sources;
    private final PictureFreshness freshness;
    private final Duration refreshWait;

    public FlightsController(
            LiveHub<Aircraft> hub, SourceRegistry sources, PictureFreshness freshness, ApiSettings settings) {
        this.hub = hub;
        this.sources = sources;
        this.freshness = freshness;
        this.refreshWait = settings.refreshWait();
    }

    public record Pagination(int limit, int offset, Integer nextOffset) {

        /** Page {@code offset}/{@code limit} of {@code all}, and where the next page starts (null on the last). */
        public static <T> Paged<T> of(List<T> all, int limit, int offset) {
            int from = Math.min(offset, all.size());
            int to = (int) Math.min((long) from + limit, all.size());
            return new Paged<>(all.subList(from, to), new Pagination(limit, offset, to < all.size() ? to : null));
        }
    }

    /** One page of a sorted list. */
    public record Paged<T>(List<T> items, Pagination pagination) {}

    public record FlightsPage(
            List<Aircraft> flights,
            int count,
            int total,
            Instant timestamp,
            long seq,
            Double dataAgeS,
            boolean stale,
            Pagination pagination) {}

    @GetMapping
    @Operation(summary = "Aircraft in the live picture, filtered and paged (sorted by id)")
    public FlightsPage flights(
            @Parameter(description = "lamin,lomin,lamax,lomax in degrees") String bbox,
            @Parameter(description = "minimum barometric (else geometric) altitude, m") String min_altitude_m,
            @Parameter(description = "maximum barometric (else geometric) altitude, m") String max_altitude_m,
            @Parameter(description = "true or false") String on_ground,
            @Parameter(description = "case-insensitive substring of the callsign") String callsign,
            @Parameter(description = "origin country, case-insensitive") String country,
            @Parameter(description = "source name: sim, replay, opensky, vatsim") String source,
            @Parameter(description = "1..100000, default 1000") String limit,
            @Parameter(description = ">= 0, default 0") String offset,
            HttpServletRequest request) {
        // The parameters above only document the API (as strings, so Spring does not pre-convert them with its
        // own error messages); parsing is strict and done once, here.
        FlightQuery q = FlightQuery.parse(request.getParameterMap());
        HubSnapshot<Aircraft> snap = hub.snapshot();
        List<Aircraft> matching =
                new ArrayList<>(snap.entities().stream().filter(q.filter()).toList());
        matching.sort(Comparator.comparing(Aircraft::id));
        Paged<Aircraft> page = Pagination.of(matching, q.limit(), q.offset());
        return new FlightsPage(
                page.items(),
                page.items().size(),
                matching.size(),
                Instant.ofEpochMilli(snap.takenAtMs()),
                snap.seq(),
                snap.dataAgeSeconds(),
                freshness.stale(snap),
                page.pagination());
    }

    @GetMapping("/{id}")
    @Operation(
            summary =
                    "One flight by its id (docs/api.md#ids: an ICAO address for ADS-B, e.g. vatsim-1234567 otherwise),"
                            + " or 404")
    public Aircraft one(@PathVariable("id") String flight) {
        String id = IdParameter.parse("id", flight);
        Aircraft a = hub.get(id);
        if (a == null) throw new ApiProblems.NotFoundException("No flight " + id + " in the live picture");
        return a;
    }

    public record RefreshResult(List<RefreshOutcome> results) {}

    @AdminOnly // a poll spends the operator's OpenSky credits
    @PostMapping("/refresh")
    @Operation(
            summary = "Poll upstream now if the credit budget and data resolution allow; else 429 with retry_after_s")
    public ResponseEntity<?> refresh() {
        List<RefreshableSource> refreshable = sources.refreshable();
        if (refreshable.isEmpty()) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(
                    HttpStatus.CONFLICT,
                    "No upstream source to refresh; running sources: " + String.join(", ", sources.names()));
            p.setTitle("Nothing to refresh");
            return ResponseEntity.status(HttpStatus.CONFLICT).body(p);
        }
        List<RefreshOutcome> outcomes =
                refreshable.stream().map(s -> s.refreshNow(refreshWait)).toList();
        if (outcomes.stream().allMatch(o -> o.status() == RefreshOutcome.Status.REJECTED)) {
            long retry = outcomes.stream()
                    .mapToLong(RefreshOutcome::retryAfterS)
                    .min()
                    .orElse(0);
            ProblemDetail p = ProblemDetail.forStatusAndDetail(
                    HttpStatus.TOO_MANY_REQUESTS, outcomes.getFirst().message());
            p.setTitle("Refresh not allowed now");
            p.setProperty("retry_after_s", retry);
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header("Retry-After", Long.toString(retry))
                    .body(p);
        }
        boolean pending = outcomes.stream().anyMatch(o -> o.status() == RefreshOutcome.Status.PENDING);
        return ResponseEntity.status(pending ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(new RefreshResult(outcomes));
    }
}
