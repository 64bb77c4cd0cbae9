package io.skysentinel.source.vatsim;

import static io.skysentinel.source.vatsim.WorkloadApiIT.insideAny;
import static io.skysentinel.source.vatsim.WorkloadApiIT.polygons;
import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.SkySentinelApplication;
import io.skysentinel.testing.HttpJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The workload trend and the sectors over time, read back from the real history (embedded PostgreSQL): a local VATSIM
 * serves the recorded network of 2023-08-07 23:29:29Z, then the same network 34.5 minutes later. The last hour before
 * the second feed then holds both, and every 5-minute bucket of a staffed centre's trend and of its sector's series
 * must equal this test's own count: each pilot's latest state in the bucket, as /api/flights showed it after each
 * feed, inside the sector's GeoJSON outline by the test's own ray casting.
 */
@SpringBootTest(
        classes = SkySentinelApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"skysentinel.sources=vatsim", "skysentinel.workload.gauges-interval=1h"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkloadHistoryIT {

    private static final String FIRST = "vatsim-data-20230807T232929Z.json";
    private static final String SECOND = "vatsim-data-20230808T000359Z.json";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static FakeVatsim fake;
    private static byte[] second;

    /** Every state the picture showed: per flight id, its (time ms, lat, lon) in order. */
    private final Map<String, List<double[]>> states = new HashMap<>();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void vatsim(DynamicPropertyRegistry registry) throws IOException {
        Path dir = VatsimRecordings.dir("vatsim");
        Assumptions.assumeTrue(
                dir != null && Files.isRegularFile(dir.resolve(FIRST)) && Files.isRegularFile(dir.resolve(SECOND)),
                "../shared/data is absent");
        fake = new FakeVatsim(1, Files.readAllBytes(dir.resolve(FIRST)));
        second = Files.readAllBytes(dir.resolve(SECOND));
        registry.add("skysentinel.vatsim.status-url", fake::statusUrl);
        registry.add("skysentinel.vatsim.poll-interval", () -> "300ms");
    }

    @AfterAll
    static void stopFake() {
        if (fake != null) fake.close();
    }

    @BeforeAll
    void playBothFeeds() throws Exception {
        HttpJson http = new HttpJson(port);
        record(http, "2023-08-07T23:29:29Z");
        fake.feed = second;
        record(http, "2023-08-08T00:03:59Z");
    }

    /** Waits for the feed of that time, then keeps every flight's state as /api/flights shows it. */
    private void record(HttpJson http, String feedTime) throws InterruptedException {
        http.await(
                "/api/network/status",
                r -> r.status() == 200 && r.json().get("updated_at").asString().startsWith(feedTime.substring(0, 19)),
                WAIT);
        for (JsonNode f :
                http.get("/api/flights?source=vatsim&limit=100000").json().get("flights")) {
            if (f.get("position").isNull()) continue;
            JsonNode t =
                    f.get("time_position_unix").isNull() ? f.get("last_contact_unix") : f.get("time_position_unix");
            double[] s = {
                t.asLong() * 1000.0,
                f.get("position").get("lat").asDouble(),
                f.get("position").get("lon").asDouble()
            };
            List<double[]> list = states.computeIfAbsent(f.get("id").asString(), k -> new ArrayList<>());
            if (list.isEmpty() || list.getLast()[0] != s[0]) list.add(s);
        }
    }

    /** Per bucket of [from, from + n·step): the flights whose latest state in the bucket lies inside the outline. */
    private int[] expected(JsonNode outline, long fromMs, long stepMs, int n) {
        List<List<double[][]>> polygons = polygons(outline.get("geometry"));
        int[] counts = new int[n];
        for (List<double[]> track : states.values()) {
            double[][] latest = new double[n][];
            for (double[] s : track) {
                long b = Math.floorDiv((long) s[0] - fromMs, stepMs);
                if (b >= 0 && b < n) latest[(int) b] = s;
            }
            for (int b = 0; b < n; b++)
                if (latest[b] != null && insideAny(polygons, latest[b][2], latest[b][1])) counts[b]++;
        }
        return counts;
    }

    @Test
    void aStaffedCentresLastHourIsEveryStoredStateInsideItsSectorBucketByBucket() throws Exception {
        HttpJson http = new HttpJson(port);
        // the staffed centre (a FIR area) with the most pilots now
        String callsign = null;
        int most = -1;
        for (JsonNode p : http.get("/api/atc-positions/workload").json().get("positions")) {
            JsonNode pos = http.get("/api/atc-positions/" + p.get("callsign").asString())
                    .json();
            if (pos.get("area").isNull()
                    || !"fir".equals(pos.get("area").get("kind").asString())) continue;
            if (p.get("aircraft").asInt() > most) {
                most = p.get("aircraft").asInt();
                callsign = p.get("callsign").asString();
            }
        }
        Assumptions.assumeTrue(callsign != null, "no staffed centre in the recorded feed");
        JsonNode position = http.get("/api/atc-positions/" + callsign).json();
        String fir = position.get("area").get("id").asString();
        JsonNode outline = http.get("/api/atc-areas/fir/" + fir).json();

        String path = "/api/atc-positions/" + callsign + "/workload";
        JsonNode first = http.get(path).json().get("trend");
        long from = Instant.parse(first.get("from").asString()).toEpochMilli();
        long step = first.get("step_s").asLong() * 1000;
        int[] want = expected(outline, from, step, 12);
        assertThat(want[11])
                .as("the second feed's traffic is in the last bucket")
                .isPositive();
        assertThat(java.util.Arrays.stream(want, 0, 10).sum())
                .as("the first feed's traffic is in an earlier bucket")
                .isPositive();

        // history writes behind the picture: wait until it has caught up, then compare bucket by bucket
        JsonNode w = http.await(path, r -> totals(r.json().get("trend")).equals(asList(want)), WAIT)
                .json();
        JsonNode trend = w.get("trend");
        assertThat(trend.get("step_s").asLong()).isEqualTo(300);
        assertThat(totals(trend))
                .as(callsign + ": aircraft in " + fir + " per 5 minutes")
                .isEqualTo(asList(want));
        assertThat(trend.get("buckets").get(11).get("total").asInt())
                .as("the last bucket is the picture now")
                .isEqualTo(w.get("now").get("total").asInt());
        for (JsonNode b : trend.get("buckets"))
            assertThat(b.get("departing").asInt()
                            + b.get("arriving").asInt()
                            + b.get("overflying").asInt()
                            + b.get("on_ground").asInt())
                    .isEqualTo(b.get("total").asInt());

        // the sector over the same hour: the same counts, staffed in the last bucket
        JsonNode sector = http.get("/api/traffic/sectors/" + fir + "?kind=fir").json();
        assertThat(sector.get("feature").get("geometry").get("type").asString()).isEqualTo("MultiPolygon");
        List<Integer> series = new ArrayList<>();
        for (JsonNode p : sector.get("series")) series.add(p.get("aircraft").asInt());
        assertThat(series).isEqualTo(asList(want));
        assertThat(sector.get("series").get(11).get("staffed").asBoolean()).isTrue();
        assertThat(sector.get("peak").get("peak_aircraft").asInt())
                .isEqualTo(java.util.Arrays.stream(want).max().orElseThrow());

        // and among the busiest over the range, with the same peak
        JsonNode range = http.get("/api/traffic/sectors?from=" + from + "&to=" + (from + 12 * step))
                .json()
                .get("range");
        JsonNode listed = null;
        int previous = Integer.MAX_VALUE;
        for (JsonNode s : range.get("busiest")) {
            assertThat(s.get("peak_aircraft").asInt()).as("highest peak first").isLessThanOrEqualTo(previous);
            previous = s.get("peak_aircraft").asInt();
            if (s.get("kind").asString().equals("fir") && s.get("id").asString().equals(fir)) listed = s;
        }
        if (listed != null)
            assertThat(listed.get("peak_aircraft").asInt())
                    .isEqualTo(sector.get("peak").get("peak_aircraft").asInt());
        else
            assertThat(range.get("busiest"))
                    .as("only a full list leaves out " + fir)
                    .hasSize(50);
    }

    @Test
    void badRangesAreProblemsNamingTheParameter() {
        HttpJson http = new HttpJson(port);
        HttpJson.Response reversed = http.get("/api/traffic/sectors?from=2023-08-08T00:00:00Z&to=2023-08-07T00:00:00Z");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.contentType()).contains("application/problem+json");
        assertThat(reversed.body()).contains("from");
        assertThat(http.get("/api/traffic/sectors?from=2023-08-01T00:00:00Z&to=2023-08-03T00:00:00Z")
                        .body())
                .contains("24 hours");
        assertThat(http.get("/api/traffic/sectors?to=yesterday").body()).contains("to");
        assertThat(http.get("/api/traffic/sectors/ZZZZ").status()).isEqualTo(404);
        assertThat(http.get("/api/traffic/sectors/EG%20TT").status()).isEqualTo(400);
        assertThat(http.get("/api/traffic/sectors/EGTT?kind=airport").status()).isEqualTo(400);
    }

    private static List<Integer> totals(JsonNode trend) {
        List<Integer> out = new ArrayList<>();
        for (JsonNode b : trend.get("buckets")) out.add(b.get("total").asInt());
        return out;
    }

    private static List<Integer> asList(int[] a) {
        List<Integer> out = new ArrayList<>();
        for (int v : a) out.add(v);
        return out;
    }
}
