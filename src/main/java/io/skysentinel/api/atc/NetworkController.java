package io.skysentinel.api.atc;

import io.skysentinel.api.rest.ApiProblems;
import io.skysentinel.api.rest.QueryParams;
import io.skysentinel.core.NetworkReporting;
import io.skysentinel.core.SourceRegistry;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the network source (VATSIM) reports of its feed as a whole. 404 when no network source runs, 503 before its
 * first feed read; with several network sources, the first configured one answers.
 */
@RestController
public class NetworkController {

    private final SourceRegistry sources;
    private final Clock clock;

    public NetworkController(SourceRegistry sources, Clock clock) {
        this.sources = sources;
        this.clock = clock;
    }

    @GetMapping("/api/network/status")
    @Operation(
            summary = "Network figures from the last feed read: clients, pilots, staffed positions, observers, ATIS,"
                    + " prefiles, the feed's time and age, the feed URL, polls skipped as unchanged")
    public NetworkViews.Status status(HttpServletRequest request) {
        return NetworkViews.Status.of(read(request, NetworkReporting::networkStatus), clock);
    }

    @GetMapping("/api/vatsim/ratings")
    @Operation(
            summary = "Facilities, controller, pilot and military ratings as the feed publishes them"
                    + " (military_ratings null, with a note, for feeds that have none)")
    public NetworkViews.Ratings ratings(HttpServletRequest request) {
        return NetworkViews.Ratings.of(read(request, NetworkReporting::networkCodes));
    }

    private <T> T read(HttpServletRequest request, Function<NetworkReporting, T> report) {
        QueryParams.of(request.getParameterMap(), Set.of());
        List<NetworkReporting> networks = sources.networks();
        if (networks.isEmpty())
            throw new ApiProblems.NotFoundException(
                    "No network source runs (add vatsim to SKYSENTINEL_SOURCES); running sources: "
                            + String.join(", ", sources.names()));
        T value = report.apply(networks.getFirst());
        if (value == null) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(
                    HttpStatus.SERVICE_UNAVAILABLE, "The network feed has not been read yet; try again shortly");
            p.setTitle("No feed read yet");
            throw new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, p, null);
        }
        return value;
    }
}
