package io.skysentinel.history;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.core.GridAirportCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/** A fresh embedded PostgreSQL in its own empty directory (under target/), migrated, with a pool — for history ITs. */
public final class TestDatabase implements AutoCloseable {

    public final Path dir;
    private final boolean keep;
    public final int port;
    public EmbeddedPostgresServer server;
    public final HikariDataSource dataSource;
    public final JdbcTemplate jdbc;

    public TestDatabase() {
        this(null);
    }

    /**
     * On {@code keepDir} (created if needed, kept at close: benchmarks reuse generated data), or a fresh temp dir when
     * null.
     */
    public TestDatabase(Path keepDir) {
        try {
            Files.createDirectories(Path.of("target"));
            keep = keepDir != null;
            dir = keep
                    ? Files.createDirectories(keepDir.toAbsolutePath())
                    : Files.createTempDirectory(Path.of("target").toAbsolutePath(), "pg-");
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = EmbeddedPostgresServer.acquire(dir, port);
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(server.jdbcUrl());
        c.setUsername(server.user());
        c.addDataSourceProperty("reWriteBatchedInserts", "true");
        c.setConnectionTimeout(2_000);
        c.setMaximumPoolSize(4);
        dataSource = new HikariDataSource(c);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    /** Stops the server (an outage); the pool stays, as the application's would. */
    public void stop() {
        server.close();
    }

    /** Starts it again on the same directory and port. */
    public void restart() {
        server = EmbeddedPostgresServer.acquire(dir, port);
    }

    /** History settings for a writer on a test database: its queue bound, COPY batch and flush interval. */
    public static HistorySettings settings(int bufferCapacity, int batchSize, Duration flushInterval) {
        return settings(bufferCapacity, batchSize, flushInterval, false, Duration.ofMinutes(5));
    }

    /** The same with VATSIM_STORE_NAMES and HISTORY_PLAN_REFRESH. */
    public static HistorySettings settings(
            int bufferCapacity, int batchSize, Duration flushInterval, boolean storeNames, Duration planRefresh) {
        return new HistorySettings(
                true,
                "x",
                "",
                "",
                "unused",
                0,
                30,
                bufferCapacity,
                100_000,
                batchSize,
                flushInterval,
                Duration.ofMinutes(30),
                Duration.ofSeconds(60),
                storeNames,
                planRefresh);
    }

    /** A history writer on this database, no airports known; movements and events through {@code recorder}. */
    public HistoryWriter writer(HistorySettings settings, AnalyticsRecorder recorder, MeterRegistry meters) {
        return new HistoryWriter(
                settings,
                Clock.systemUTC(),
                jdbc,
                new Partitions(jdbc),
                recorder,
                GridAirportCatalog.empty(),
                0,
                meters);
    }

    /** The same with a small recorder of its own. */
    public HistoryWriter writer(HistorySettings settings, MeterRegistry meters) {
        return writer(settings, new AnalyticsRecorder(jdbc, 100, 100), meters);
    }

    public long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    @Override
    public void close() {
        dataSource.close();
        server.close();
        if (keep) return;
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // target/ is cleaned by the build anyway
        }
    }
}
