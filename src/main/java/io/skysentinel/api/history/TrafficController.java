package io.skysentinel.api.history;

import io.skysentinel.api.rest.ApiProblems.NotFoundException;
import io.skysentinel.api.rest.InvalidParameterException;
import io.skysentinel.core.Airport;
import io.skysentinel.history.TrafficQueries;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Airports, their movements and trends, regional summaries and stored anomaly events (docs/history.md). */
@RestController
@ConditionalOnProperty(prefix = "skysentinel.history", name = "enabled", havingValue = "true", matchIfMissing = true)
public class TrafficController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TrafficQueries traffic;
    private final Clock clock;

    TrafficController(TrafficQueries traffic, Clock clock) {
        this.traffic = traffic;
        this.clock = clock;
    }

    public record AirportView(
            String icao,
            String iata,
            String name,
            double lat,
            double lon,
            Double elevationM,
            String country,
            String region) {
        static AirportView of(Airport a) {
            return new AirportView(
                    a.icao(),
                    a.iata(),
                    a.name(),
                    a.lat(),
                    a.lon(),
                    Double.isFinite(a.elevationM()) ? a.elevationM() : null,
                    a.country(),
                    a.region());
        }
    }

    /** {@code source}: the filter asked for, null for all sources. */
    public record Movements(
            String airport,
            String source,
            long fromMs,
            long toMs,
            int count,
            List<TrafficQueries.MovementRow> movements) {}

    public record Trends(
            String airport,
            String interval,
            String source,
            long fromMs,
            long toMs,
            List<TrafficQueries.TrendBucket> buckets) {}

    public record Summary(
            String region,
            long fromMs,
            long toMs,
            int airports,
            long arrivals,
            long departures,
            List<TrafficQueries.AirportTraffic> busiest) {}

    public record RegionAirports(String region, int total, int count, int offset, List<AirportView> airports) {}

    public record EventView(
            String kind,
            long timeMs,
            String id,
            String callsign,
            Double lat,
            Double lon,
            Double altitudeM,
            JsonNode details) {}

    public record Events(long fromMs, long toMs, String kind, int count, List<EventView> events) {}

    @GetMapping("/api/traffic/movements/{airportIcao}")
    Movements movements(
            @PathVariable String airportIcao,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) Integer limit) {
        String src = Params.source(source);
        Airport a = known(airportIcao);
        long[] r = Params.range(from, to, clock.millis(), Params.DAY_MS, 31 * Params.DAY_MS);
        List<TrafficQueries.MovementRow> rows =
                traffic.movements(a.icao(), r[0], r[1], src, Params.limit(limit, 5_000, 50_000));
        return new Movements(a.icao(), src, r[0], r[1], rows.size(), rows);
    }

    @GetMapping("/api/traffic/trends/{airportIcao}")
    Trends trends(
            @PathVariable String airportIcao,
            @RequestParam(required = false) String interval,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String source) {
        String src = Params.source(source);
        String unit = interval == null ? "hour" : interval.strip().toLowerCase(java.util.Locale.ROOT);
        if (!unit.equals("hour") && !unit.equals("day"))
            throw new InvalidParameterException("interval", "must be hour or day");
        Airport a = known(airportIcao);
        long span = unit.equals("hour") ? Params.DAY_MS : 30 * Params.DAY_MS;
        long[] r = Params.range(
                from, to, clock.millis(), span, unit.equals("hour") ? 31 * Params.DAY_MS : 3660 * Params.DAY_MS);
        return new Trends(a.icao(), unit, src, r[0], r[1], traffic.trends(a.icao(), unit, r[0], r[1], src));
    }

    @GetMapping("/api/traffic/summary/{region}")
    Summary summary(
            @PathVariable String region,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        String reg = Params.region(region);
        long[] r = Params.range(from, to, clock.millis(), Params.DAY_MS, 366 * Params.DAY_MS);
        TrafficQueries.RegionSummary s = traffic.summary(reg, r[0], r[1]);
        if (s == null) throw new NotFoundException("No airport in region '" + reg + "'");
        return new Summary(reg, r[0], r[1], s.airports(), s.arrivals(), s.departures(), s.busiest());
    }

    @GetMapping("/api/airports/region/{region}")
    RegionAirports airportsIn(
            @PathVariable String region,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset) {
        String reg = Params.region(region);
        int total = traffic.countIn(reg);
        if (total == 0) throw new NotFoundException("No airport in region '" + reg + "'");
        int off = Params.offset(offset);
        List<AirportView> list = traffic.airportsIn(reg, Params.limit(limit, 500, 5_000), off).stream()
                .map(AirportView::of)
                .toList();
        return new RegionAirports(reg, total, list.size(), off, list);
    }

    @GetMapping("/api/airports/{code}/coordinates")
    AirportView coordinates(@PathVariable String code) {
        return AirportView.of(traffic.airport(Params.airportCode("code", code))
                .orElseThrow(() -> new NotFoundException("Unknown airport '" + code.strip() + "'")));
    }

    @GetMapping("/api/events")
    Events events(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) Integer limit) {
        long[] r = Params.range(from, to, clock.millis(), Params.DAY_MS, 366 * Params.DAY_MS);
        if (kind != null && !kind.matches("[a-z0-9_]{1,40}"))
            throw new InvalidParameterException(
                    "kind", "must be an event kind such as squawk_7700 (lower case, digits, _)");
        List<EventView> events = traffic.events(r[0], r[1], kind, Params.limit(limit, 1_000, 10_000)).stream()
                .map(e -> new EventView(
                        e.kind(),
                        e.timeMs(),
                        e.id(),
                        e.callsign(),
                        e.lat(),
                        e.lon(),
                        e.altitudeM(),
                        JSON.readTree(e.detailsJson())))
                .toList();
        return new Events(r[0], r[1], kind, events.size(), events);
    }

    private Airport known(String code) {
        String c = Params.airportCode("airport_icao", code);
        return traffic.airport(c).orElseThrow(() -> new NotFoundException("Unknown airport '" + c + "'"));
    }
}
