package io.skysentinel.history;

import static io.skysentinel.testing.VatsimFixtures.position;
import static io.skysentinel.testing.VatsimFixtures.tower;
import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.SkySentinelApplication;
import io.skysentinel.core.AtcPosition;
import io.skysentinel.core.FlightBus;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.testing.HttpJson;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/atc-positions/{callsign}/sessions} on the real application: VATSIM-shaped network batches on the
 * bus go through the ATC hub and its history follower into atc_sessions; a batch without the tower logs it off. Runs
 * with VATSIM_STORE_NAMES on ({@code skysentinel.vatsim.store-names}), so the setting is seen to reach history.
 */
@SpringBootTest(
        classes = SkySentinelApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "skysentinel.sources=sim",
            "skysentinel.sim.count=10",
            "skysentinel.history.flush-interval=100ms",
            "skysentinel.vatsim.store-names=true"
        })
class AtcSessionsApiIT {

    @LocalServerPort
    int port;

    @Autowired
    FlightBus bus;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPositionsSessionsFromLogonToLogoffWithStrictParameters() throws InterruptedException {
        // the test JVM's database outlives runs: this test's callsigns start clean
        jdbc.update("DELETE FROM atc_sessions WHERE callsign IN ('LOWW_TWR', 'LOWW_ATIS')");
        HttpJson http = new HttpJson(port);
        long now = System.currentTimeMillis() / 1000;
        long logon = now - 3_600;
        AtcPosition atis = position("LOWW_ATIS", AtcPosition.ATIS, 1_618_001, logon, now - 20, "B", 4, "TWR");
        bus.publish(SourceBatch.network(
                "vatsim",
                (now - 15) * 1000,
                List.of(),
                List.of(tower("LOWW_TWR", 1_618_002, logon, now - 20, null), atis)));
        JsonNode online = http.await(
                        "/api/atc-positions/loww_twr/sessions",
                        r -> r.status() == 200 && r.json().get("sessions").size() == 1,
                        Duration.ofSeconds(20))
                .json();
        assertThat(online.get("callsign").asString()).isEqualTo("LOWW_TWR");
        JsonNode s = online.get("sessions").get(0);
        assertThat(s.get("callsign").asString()).isEqualTo("LOWW_TWR");
        assertThat(s.get("cid").asLong()).isEqualTo(1_618_002);
        assertThat(s.get("name").asString()).isEqualTo("Test Controller 1618002");
        assertThat(s.get("kind").asString()).isEqualTo("controller");
        assertThat(s.get("facility").get("id").asInt()).isEqualTo(4);
        assertThat(s.get("facility").get("short").asString()).isEqualTo("TWR");
        assertThat(s.get("rating").get("short").asString()).isEqualTo("S3");
        assertThat(s.get("frequency_mhz").asDouble()).isEqualTo(119.9);
        assertThat(s.get("area_kind").asString()).isEqualTo("airport");
        assertThat(s.get("area_id").asString()).isEqualTo("LOWW");
        assertThat(s.get("logon").asString())
                .isEqualTo(Instant.ofEpochSecond(logon).toString());
        assertThat(s.get("last_seen").asString())
                .isEqualTo(Instant.ofEpochSecond(now - 20).toString());
        assertThat(s.get("logoff").isNull()).isTrue();

        // the next feed lists the ATIS only: the tower logged off
        bus.publish(SourceBatch.network(
                "vatsim",
                now * 1000,
                List.of(),
                List.of(position("LOWW_ATIS", AtcPosition.ATIS, 1_618_001, logon, now - 5, "C", 4, "TWR"))));
        JsonNode off = http.await(
                        "/api/atc-positions/LOWW_TWR/sessions",
                        r -> !r.json().get("sessions").get(0).get("logoff").isNull(),
                        Duration.ofSeconds(20))
                .json()
                .get("sessions")
                .get(0);
        assertThat(off.get("logoff").asString())
                .isEqualTo(Instant.ofEpochSecond(now - 20).toString());
        JsonNode atisSession = http.await(
                        "/api/atc-positions/LOWW_ATIS/sessions",
                        r -> r.json().get("sessions").size() == 1
                                && "C"
                                        .equals(r.json()
                                                .get("sessions")
                                                .get(0)
                                                .get("atis_code")
                                                .asString()),
                        Duration.ofSeconds(20))
                .json()
                .get("sessions")
                .get(0);
        assertThat(atisSession.get("kind").asString()).isEqualTo("atis");
        assertThat(atisSession.get("logoff").isNull()).isTrue();

        assertThat(http.get("/api/atc-positions/LOWW_TWR/sessions?limit=1&before=" + Instant.ofEpochSecond(logon))
                        .json()
                        .get("sessions")
                        .size())
                .as("before is exclusive: nothing started before the logon")
                .isZero();
        problem(http, "/api/atc-positions/LOWW_TWR/sessions?limit=0", "limit");
        problem(http, "/api/atc-positions/LOWW_TWR/sessions?limit=1001", "limit");
        problem(http, "/api/atc-positions/LOWW_TWR/sessions?before=yesterday", "before");
        problem(http, "/api/atc-positions/LOWW%20TWR!/sessions", "callsign");
        problem(http, "/api/atc-positions/LOWW_TWR/sessions?from=" + logon, "from");
    }

    private static void problem(HttpJson http, String path, String parameter) {
        HttpJson.Response r = http.get(path);
        assertThat(r.status()).as(path).isEqualTo(400);
        assertThat(r.contentType()).as(path).startsWith("application/problem+json");
        assertThat(r.json().get("parameter").asString()).as(path).isEqualTo(parameter);
    }
}
