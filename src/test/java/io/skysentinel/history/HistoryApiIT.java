package io.skysentinel.history;

import static io.skysentinel.testing.Fixtures.plane;
import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.SkySentinelApplication;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.Airport;
import io.skysentinel.core.AnomalyEvent;
import io.skysentinel.core.FlightBus;
import io.skysentinel.core.Movement;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.testing.HttpJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every history endpoint on the real server with history on (the shared embedded PostgreSQL of the test JVM). The
 * fixtures are recorded through the real paths: batches on the bus (hub → writer → COPY) and the analytics listener
 * bean. Fictional airports in country "ZQ" and a per-run time window keep the assertions exact on a reused database.
 */
@SpringBootTest(
        classes = SkySentinelApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "skysentinel.sources=sim",
            "skysentinel.sim.count=10",
            "skysentinel.history.flush-interval=100ms",
            "skysentinel.admin.token=" + HistoryApiIT.ADMIN_TOKEN
        })
class HistoryApiIT {

    /** Two hours ago, on a whole minute: the fixture flights' first state. */
    static final long T0 = (System.currentTimeMillis() / 60_000 - 120) * 60_000;

    static final String[] IDS = {"e10001", "e10002", "e10003"};
    static final String ADMIN_TOKEN = "history-api-it-token";
    static boolean fed;

    @LocalServerPort
    int port;

    @Autowired
    FlightBus bus;

    @Autowired
    AnalyticsRecorder analytics;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    AirportStore airports;

    HttpJson http;

    @BeforeEach
    void feedOnce() throws InterruptedException {
        http = new HttpJson(port);
        if (fed) return;
        // The test JVM's database (target/it-pg) outlives runs: clear this test's fixture rows from earlier ones.
        jdbc.update("DELETE FROM positions WHERE id IN ('e10001','e10002','e10003')");
        jdbc.update("DELETE FROM movements WHERE airport IN ('ZQAA', 'ZQBB')");
        jdbc.update("DELETE FROM events WHERE id IN ('e10001','e10002','e10003')");
        airports.upsert(List.of(
                new Airport("ZQAA", "QAA", "Alpha Field", 10.0, 20.0, 100, "ZQ", "AN"),
                new Airport("ZQBB", null, "Bravo Field", 11.0, 21.0, Double.NaN, "ZQ", "AN")));
        for (int s = 0; s < 5; s++) {
            long t = T0 + s * 10_000L;
            List<Aircraft> batch = new ArrayList<>();
            for (int i = 0; i < 3; i++)
                batch.add(plane(IDS[i])
                        .from("fixture")
                        .callsign(i == 2 ? "SWR102" : "FIX" + i) // an airline the shipped tables know
                        .at(10.0 + i, 20.0 + s * 0.01)
                        .alt(3000 + s * 100)
                        .seen(t / 1000)
                        .build());
            // Recorded-time batches, as a replay delivers them: offset = how far the data's clock is behind ours.
            bus.publish(SourceBatch.replayed("fixture", t, System.currentTimeMillis() - t, batch));
        }
        for (int i = 0; i < 6; i++)
            analytics.onMovement(new Movement(
                    i < 4 ? "ZQAA" : "ZQBB",
                    i % 2 == 0 ? Movement.Kind.ARRIVAL : Movement.Kind.DEPARTURE,
                    T0 + i * 3_600_000L / 2,
                    IDS[i % 3],
                    "FIX" + (i % 3),
                    i == 0 ? "09" : null,
                    i < 2 ? "vatsim" : "opensky"));
        analytics.onEvent(new AnomalyEvent(
                "squawk_7700", T0 + 5_000, "e10003", "FIX2", 12.0, 20.0, 3000, Map.of("squawk", "7700")));
        analytics.onEvent(new AnomalyEvent(
                "rapid_descent",
                T0 + 6_000,
                "e10002",
                null,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Map.of("vertical_rate_fpm", -7200)));
        http.await(
                "/api/flights/e10001/track?from=" + T0 + "&to=" + (T0 + 60_000),
                r -> r.status() == 200 && r.json().get("count").asInt() == 5,
                Duration.ofSeconds(20));
        http.await(
                "/api/events?from=" + T0 + "&to=" + (T0 + 60_000),
                r -> r.json().get("count").asInt() == 2,
                Duration.ofSeconds(20));
        fed = true;
    }

    @Test
    void trackIsTheAircraftsPositionsInTimeOrder() {
        JsonNode track = http.get("/api/flights/E10002/track?from=" + iso(T0) + "&to=" + (T0 + 25_000))
                .json();
        assertThat(track.get("id").asString()).isEqualTo("e10002");
        assertThat(track.get("count").asInt()).isEqualTo(3);
        JsonNode p = track.get("points");
        assertThat(p.get(0).get("time_ms").asLong()).isEqualTo(T0);
        assertThat(p.get(2).get("time_ms").asLong()).isEqualTo(T0 + 20_000);
        assertThat(p.get(2).get("lon").asDouble()).isEqualTo(20.02);
        assertThat(p.get(2).get("altitude_m").asDouble()).isEqualTo(3200.0);
        assertThat(p.get(2).get("callsign").asString()).isEqualTo("FIX1");
        assertThat(p.get(2).get("on_ground").asBoolean()).isFalse();
    }

    @Test
    void snapshotIsTheLatestStateOfEachAircraftWithinTheWindowBeforeAt() {
        // The test JVM's database outlives runs, and other ITs' worldwide simulated traffic of earlier runs may be in
        // this box at this time: count the fixture flights only.
        JsonNode snap = http.get("/api/history/snapshot?at=" + (T0 + 25_000) + "&bbox=9,19,13,21")
                .json();
        List<JsonNode> fixtures = fixtures(snap.get("flights"));
        assertThat(fixtures).hasSize(3);
        for (JsonNode f : fixtures) {
            assertThat(f.get("id").asString()).isIn((Object[]) IDS);
            assertThat(f.get("last_contact_unix").asLong()).isEqualTo((T0 + 20_000) / 1000);
            // Stored rows keep no aircraft object: the read-back is told who it is again, as the live state was.
            JsonNode airline = f.get("aircraft").get("airline");
            // (FIX is Airfix Aviation's code in the shipped airline table.)
            assertThat(airline.asString())
                    .isEqualTo(f.get("id").asString().equals("e10003") ? "Swiss" : "Airfix Aviation");
        }
        JsonNode one = http.get("/api/history/snapshot?at=" + iso(T0 + 25_000) + "&bbox=10.5,19,11.5,21")
                .json();
        assertThat(fixtures(one.get("flights")))
                .singleElement()
                .satisfies(f -> assertThat(f.get("id").asString()).isEqualTo("e10002"));
        // 60 s window: two minutes after the last state, the fixture aircraft are gone from the picture.
        assertThat(fixtures(http.get("/api/history/snapshot?at=" + (T0 + 160_000) + "&bbox=9,19,13,21")
                        .json()
                        .get("flights")))
                .isEmpty();
    }

    @Test
    void airportsByCodeAndRegion() {
        JsonNode a = http.get("/api/airports/qaa/coordinates").json();
        assertThat(a.get("icao").asString()).isEqualTo("ZQAA");
        assertThat(a.get("lat").asDouble()).isEqualTo(10.0);
        assertThat(a.get("elevation_m").asDouble()).isEqualTo(100.0);
        assertThat(http.get("/api/airports/ZQBB/coordinates")
                        .json()
                        .get("elevation_m")
                        .isNull())
                .isTrue();
        JsonNode region = http.get("/api/airports/region/zq").json();
        assertThat(region.get("total").asInt()).isEqualTo(2);
        assertThat(region.get("airports").get(0).get("icao").asString()).isEqualTo("ZQAA");
        assertThat(http.get("/api/airports/region/ZQ?limit=1&offset=1").json().get("airports"))
                .singleElement()
                .satisfies(x -> assertThat(x.get("icao").asString()).isEqualTo("ZQBB"));
    }

    @Test
    void movementsTrendsAndSummary() {
        String window = "from=" + T0 + "&to=" + (T0 + 3 * 3_600_000L);
        JsonNode m = http.get("/api/traffic/movements/ZQAA?" + window).json();
        assertThat(m.get("count").asInt()).isEqualTo(4);
        assertThat(m.get("movements").get(0).get("kind").asString()).isEqualTo("arrival");
        assertThat(m.get("movements").get(0).get("runway").asString()).isEqualTo("09");
        assertThat(m.get("movements").get(1).get("runway").isNull()).isTrue();
        assertThat(m.get("source").isNull()).isTrue();
        assertThat(m.get("movements").get(0).get("source").asString()).isEqualTo("vatsim");
        JsonNode vatsim =
                http.get("/api/traffic/movements/ZQAA?source=VATSIM&" + window).json();
        assertThat(vatsim.get("source").asString()).isEqualTo("vatsim");
        assertThat(vatsim.get("count").asInt()).isEqualTo(2);
        vatsim.get("movements")
                .forEach(v -> assertThat(v.get("source").asString()).isEqualTo("vatsim"));
        assertThat(http.get("/api/traffic/movements/ZQAA?source=opensky&" + window)
                        .json()
                        .get("count")
                        .asInt())
                .isEqualTo(2);
        JsonNode vatsimHours =
                http.get("/api/traffic/trends/ZQAA?source=vatsim&" + window).json();
        assertThat(vatsimHours.get("source").asString()).isEqualTo("vatsim");
        long vatsimArrivals = 0;
        for (JsonNode b : vatsimHours.get("buckets"))
            vatsimArrivals += b.get("arrivals").asLong();
        assertThat(vatsimArrivals).isEqualTo(1);

        JsonNode hours = http.get("/api/traffic/trends/ZQAA?interval=hour&" + window)
                .json()
                .get("buckets");
        long arrivals = 0, departures = 0;
        for (JsonNode b : hours) {
            arrivals += b.get("arrivals").asLong();
            departures += b.get("departures").asLong();
        }
        assertThat(arrivals).isEqualTo(2);
        assertThat(departures).isEqualTo(2);
        assertThat(hours.size()).isBetween(3, 4); // every hour of the window, empty ones included
        assertThat(hours.get(0).get("start_ms").asLong() % 3_600_000).isZero();
        assertThat(http.get("/api/traffic/trends/ZQAA?interval=day&" + window)
                        .json()
                        .get("buckets")
                        .get(0)
                        .get("arrivals")
                        .asLong())
                .isBetween(0L, 2L);

        JsonNode s = http.get("/api/traffic/summary/ZQ?" + window).json();
        assertThat(s.get("airports").asInt()).isEqualTo(2);
        assertThat(s.get("arrivals").asLong()).isEqualTo(3);
        assertThat(s.get("departures").asLong()).isEqualTo(3);
        assertThat(s.get("busiest").get(0).get("icao").asString()).isEqualTo("ZQAA");
    }

    @Test
    void eventsByTimeAndKind() {
        JsonNode e = http.get("/api/events?from=" + T0 + "&to=" + (T0 + 60_000) + "&kind=squawk_7700")
                .json();
        List<JsonNode> mine = fixtures(e.get("events"));
        assertThat(mine).hasSize(1);
        assertThat(e.get("count").asInt()).isEqualTo(e.get("events").size());
        JsonNode ev = mine.getFirst();
        assertThat(ev.get("id").asString()).isEqualTo("e10003");
        assertThat(ev.get("time_ms").asLong()).isEqualTo(T0 + 5_000);
        assertThat(ev.get("details").get("squawk").asString()).isEqualTo("7700");
        JsonNode descent = fixtures(http.get("/api/events?from=" + T0 + "&to=" + (T0 + 60_000) + "&kind=rapid_descent")
                        .json()
                        .get("events"))
                .getFirst();
        assertThat(descent.get("lat").isNull()).isTrue();
        assertThat(descent.get("details").get("vertical_rate_fpm").asInt()).isEqualTo(-7200);
    }

    /** The elements of {@code array} that belong to this test's fixture flights. */
    private static List<JsonNode> fixtures(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(n -> {
            if (List.of(IDS).contains(n.get("id").asString())) out.add(n);
        });
        return out;
    }

    @Test
    void databaseStatusAndTables() {
        HttpJson admin = http.withHeader("Authorization", "Bearer " + ADMIN_TOKEN);
        JsonNode st = admin.get("/api/database/status").json();
        assertThat(st.get("embedded").asBoolean()).isTrue();
        assertThat(st.get("migrations").get(0).get("version").asString()).isEqualTo("1");
        assertThat(st.get("migrations").get(0).get("success").asBoolean()).isTrue();
        assertThat(st.get("size_bytes").asLong()).isPositive();
        assertThat(st.get("writer").get("database_up").asBoolean()).isTrue();
        List<String> partitions = new ArrayList<>();
        st.get("partitions").forEach(p -> partitions.add(p.get("name").asString()));
        assertThat(partitions).contains("positions_default", Partitions.name(Partitions.dayOf(T0)));
        List<String> tables = new ArrayList<>();
        admin.get("/api/database/tables")
                .json()
                .get("tables")
                .forEach(t -> tables.add(t.get("name").asString()));
        assertThat(tables)
                .contains("positions", "flights", "movements", "events", "airports", "flyway_schema_history")
                .noneMatch(t -> t.startsWith("positions_"));
    }

    @Test
    void badParametersAre400sNamingThemAndUnknownAirportsAre404s() {
        problem("/api/flights/x%20y/track", 400, "id");
        problem("/api/flights/e10001/track?from=yesterday", 400, "from");
        problem("/api/flights/e10001/track?from=" + (T0 + 1) + "&to=" + T0, 400, "from");
        problem("/api/flights/e10001/track?limit=0", 400, "limit");
        problem("/api/history/snapshot", 400, "at");
        problem("/api/history/snapshot?at=" + T0 + "&bbox=1,2,3", 400, "bbox");
        problem("/api/traffic/movements/ZQZZ", 404, null);
        problem("/api/traffic/movements/!!", 400, "airport_icao");
        problem("/api/traffic/trends/ZQAA?interval=week", 400, "interval");
        problem("/api/traffic/movements/ZQAA?source=ivao", 400, "source");
        problem("/api/traffic/trends/ZQAA?source=", 400, "source");
        problem("/api/traffic/summary/XY", 404, null);
        problem("/api/traffic/summary/EUR", 400, "region");
        problem("/api/airports/region/X1", 400, "region");
        problem("/api/airports/NOPE/coordinates", 404, null);
        problem("/api/events?kind=DROP%20TABLE", 400, "kind");
        problem("/api/events?to=2020-13-01", 400, "to");
        problem("/api/events?form=" + T0, 400, "form"); // a typo is named, not ignored
        problem("/api/history/snapshot?at=" + T0 + "&box=1,2,3,4", 400, "box");
    }

    private void problem(String path, int status, String parameter) {
        HttpJson.Response r = http.get(path);
        assertThat(r.status()).as(path).isEqualTo(status);
        assertThat(r.contentType()).as(path).startsWith("application/problem+json");
        if (parameter != null)
            assertThat(r.json().get("parameter").asString()).as(path).isEqualTo(parameter);
    }

    private static String iso(long ms) {
        return java.time.Instant.ofEpochMilli(ms).toString();
    }
}
