package io.skysentinel.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.SkySentinelApplication;
import io.skysentinel.core.Aircraft;
import io.skysentinel.history.HistoryWriter;
import io.skysentinel.history.TestDatabase;
import io.skysentinel.hub.LiveHub;
import io.skysentinel.testing.WsTestClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 13, graceful shutdown: the application is stopped while the simulator streams 200 aircraft to history and to
 * WebSocket clients. Every position the writer took from the stream is in the database, every flight leg ends at its
 * last stored position (nothing half-written: the legs are written after the positions), and every WebSocket client
 * (live, ATC and playback) was closed with 1001 (going away) rather than having its connection cut.
 */
class GracefulShutdownIT {

    @Test
    void stoppingFlushesHistoryAndClosesWebSocketClientsWith1001() throws Exception {
        try (TestDatabase db = new TestDatabase()) {
            ConfigurableApplicationContext app = new SpringApplicationBuilder(SkySentinelApplication.class)
                    .run(
                            "--server.port=0",
                            "--skysentinel.sources=sim",
                            "--skysentinel.sim.count=200",
                            "--skysentinel.sim.tick=100ms",
                            "--skysentinel.history.db-url=" + db.server.jdbcUrl(),
                            "--skysentinel.history.db-user=" + db.server.user(),
                            "--skysentinel.history.flush-interval=2s");
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            List<WsTestClient> clients = new ArrayList<>();
            for (String path : new String[] {"/ws/flights", "/ws/flights?format=msgpack", "/ws/atc"})
                clients.add(new WsTestClient("ws://127.0.0.1:" + port + path));
            // A playback of the last hour at speed 1: still running when the application stops.
            long now = System.currentTimeMillis();
            clients.add(new WsTestClient(
                    "ws://127.0.0.1:" + port + "/ws/playback?from=" + (now - 3_600_000) + "&to=" + now + "&speed=1"));
            for (WsTestClient c : clients) c.next(Duration.ofSeconds(30)); // each is served
            HistoryWriter writer = app.getBean(HistoryWriter.class);
            @SuppressWarnings("unchecked")
            LiveHub<Aircraft> hub = app.getBean("liveHub", LiveHub.class);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (writer.received() < 2_000 && System.nanoTime() < deadline) Thread.sleep(50);
            assertThat(writer.received()).as("positions streaming to history").isGreaterThanOrEqualTo(2_000);

            app.close(); // mid-stream: with a 2 s flush interval a batch is being gathered now

            long received = writer.received();
            assertThat(db.count("SELECT count(*) FROM positions"))
                    .as("every position the writer took from the stream")
                    .isEqualTo(received);
            assertThat(db.count("SELECT count(*) FROM (SELECT id, max(last_seen) AS last FROM flights GROUP BY id) f"
                            + " WHERE f.last <> (SELECT max(p.time) FROM positions p WHERE p.id = f.id)"))
                    .as("flights whose last leg does not end at their last stored position")
                    .isZero();
            assertThat(db.count("SELECT count(DISTINCT id) FROM positions p"
                            + " WHERE NOT EXISTS (SELECT 1 FROM flights f WHERE f.id = p.id)"))
                    .as("positions of no flight leg")
                    .isZero();
            assertThat(hub.snapshot().entities()).isNotEmpty();
            for (WsTestClient c : clients) {
                long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (c.closeCode() < 0 && System.nanoTime() < until) Thread.sleep(20);
                assertThat(c.closeCode()).as("close code").isEqualTo(1001);
                c.close();
            }
        }
    }
}
