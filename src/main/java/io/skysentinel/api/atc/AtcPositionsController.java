package io.skysentinel.api.atc;

import io.skysentinel.api.rest.ApiProblems;
import io.skysentinel.api.rest.FlightsController.Paged;
import io.skysentinel.api.rest.FlightsController.Pagination;
import io.skysentinel.api.rest.InvalidParameterException;
import io.skysentinel.api.rest.QueryParams;
import io.skysentinel.core.AtcPosition;
import io.skysentinel.hub.HubSnapshot;
import io.skysentinel.hub.LiveHub;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The staffed ATC positions of the network sources (VATSIM), from the ATC hub: a request never waits for a feed. */
@RestController
@RequestMapping("/api/atc-positions")
public class AtcPositionsController {

    /** What VATSIM callsigns are made of ({@code EGLL_S_TWR}, {@code KC_94_CTR}); anything else cannot be online. */
    private static final Pattern CALLSIGN = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private static final Comparator<AtcPosition> BY_CALLSIGN =
            Comparator.comparing(AtcPosition::callsign).thenComparing(AtcPosition::id);

    private final LiveHub<AtcPosition> hub;

    public AtcPositionsController(LiveHub<AtcPosition> atcHub) {
        this.hub = atcHub;
    }

    public record PositionsPage(
            List<AtcPosition> positions, int count, int total, Instant timestamp, long seq, Pagination pagination) {}

    public record Controller(long cid, List<AtcPosition> positions) {}

    public record ControllersPage(List<Controller> controllers, int count) {}

    @GetMapping
    @Operation(summary = "Staffed ATC positions (controllers and ATIS), filtered and paged (sorted by callsign)")
    public PositionsPage positions(
            @Parameter(description = "facility short name, case-insensitive: FSS, DEL, GND, TWR, APP, CTR")
                    String facility,
            @Parameter(description = "case-insensitive callsign prefix, e.g. EGLL_") String callsign,
            @Parameter(description = "controller or atis") String kind,
            @Parameter(description = "1..100000, default 1000") String limit,
            @Parameter(description = ">= 0, default 0") String offset,
            HttpServletRequest request) {
        // Documented as strings so Spring does not convert them with its own messages; parsed strictly here.
        AtcQuery q = AtcQuery.parse(request.getParameterMap());
        HubSnapshot<AtcPosition> snap = hub.snapshot();
        List<AtcPosition> matching =
                snap.entities().stream().filter(q.filter()).sorted(BY_CALLSIGN).toList();
        Paged<AtcPosition> page = Pagination.of(matching, q.limit(), q.offset());
        return new PositionsPage(
                page.items(),
                page.items().size(),
                matching.size(),
                Instant.ofEpochMilli(snap.takenAtMs()),
                snap.seq(),
                page.pagination());
    }

    @GetMapping("/by-controller-id")
    @Operation(
            summary = "Staffed positions grouped by the controller's CID (one member can hold a position and its ATIS),"
                    + " sorted by CID, then callsign")
    public ControllersPage byControllerId(HttpServletRequest request) {
        QueryParams.of(request.getParameterMap(), Set.of());
        TreeMap<Long, List<AtcPosition>> byCid = new TreeMap<>();
        hub.snapshot().entities().stream()
                .sorted(BY_CALLSIGN)
                .forEach(p ->
                        byCid.computeIfAbsent(p.cid(), c -> new ArrayList<>()).add(p));
        List<Controller> controllers = byCid.entrySet().stream()
                .map(e -> new Controller(e.getKey(), List.copyOf(e.getValue())))
                .toList();
        return new ControllersPage(controllers, controllers.size());
    }

    @GetMapping("/{callsign}")
    @Operation(summary = "One staffed position by its callsign (case-insensitive, e.g. EGLL_TWR), or 404")
    public AtcPosition one(@PathVariable("callsign") String callsign, HttpServletRequest request) {
        QueryParams.of(request.getParameterMap(), Set.of());
        return online(hub, callsign);
    }

    /** The online position with this callsign (case-insensitive); 400 for a malformed callsign, 404 when offline. */
    static AtcPosition online(LiveHub<AtcPosition> hub, String callsign) {
        if (!CALLSIGN.matcher(callsign).matches())
            throw new InvalidParameterException("callsign", "must be 1 to 32 letters, digits, '_' or '-'");
        // A scan, not a lookup by id: the id depends on the network, and the picture holds a few hundred positions.
        return hub.snapshot().entities().stream()
                .filter(p -> p.callsign().equalsIgnoreCase(callsign))
                .min(BY_CALLSIGN)
                .orElseThrow(() -> new ApiProblems.NotFoundException("No ATC position " + callsign + " is online"));
    }
}
