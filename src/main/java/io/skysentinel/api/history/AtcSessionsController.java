package io.skysentinel.api.history;

import io.skysentinel.api.rest.InvalidParameterException;
import io.skysentinel.core.AtcPosition;
import io.skysentinel.history.AtcSessionQueries;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Past sessions of an ATC position: {@code GET /api/atc-positions/{callsign}/sessions} (docs/api.md). */
@RestController
@ConditionalOnProperty(prefix = "skysentinel.history", name = "enabled", havingValue = "true", matchIfMissing = true)
public class AtcSessionsController {

    private final AtcSessionQueries sessions;

    AtcSessionsController(AtcSessionQueries sessions) {
        this.sessions = sessions;
    }

    /** One session; times are ISO-8601 instants; logoff is null while online, name unless names are stored. */
    public record SessionView(
            String callsign,
            long cid,
            String name,
            String kind,
            AtcPosition.Code facility,
            AtcPosition.Code rating,
            Double frequencyMhz,
            Integer visualRangeNm,
            String areaKind,
            String areaId,
            String atisCode,
            String logon,
            String lastSeen,
            String logoff) {
        static SessionView of(AtcSessionQueries.Session s) {
            return new SessionView(
                    s.callsign(),
                    s.cid(),
                    s.name(),
                    s.kind(),
                    s.facilityId() == null ? null : new AtcPosition.Code(s.facilityId(), s.facilityShort()),
                    s.ratingId() == null ? null : new AtcPosition.Code(s.ratingId(), s.ratingShort()),
                    s.frequencyMhz(),
                    s.visualRangeNm(),
                    s.areaKind(),
                    s.areaId(),
                    s.atisCode(),
                    iso(s.logonMs()),
                    iso(s.lastSeenMs()),
                    s.logoffMs() == null ? null : iso(s.logoffMs()));
        }
    }

    public record Sessions(String callsign, int count, List<SessionView> sessions) {}

    @GetMapping("/api/atc-positions/{callsign}/sessions")
    Sessions sessions(
            @PathVariable String callsign,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String before) {
        String cs = callsign.strip().toUpperCase(Locale.ROOT);
        if (!cs.matches("[A-Z0-9_-]{2,32}"))
            throw new InvalidParameterException(
                    "callsign", "must be an ATC callsign such as EGLL_TWR (letters, digits, _ and -)");
        int n = Params.limit(limit, 100, 1_000);
        Long beforeMs = before == null ? null : Params.requiredTime("before", before);
        List<SessionView> list =
                sessions.sessions(cs, beforeMs, n).stream().map(SessionView::of).toList();
        return new Sessions(cs, list.size(), list);
    }

    private static String iso(long ms) {
        return Instant.ofEpochMilli(ms).toString();
    }
}
