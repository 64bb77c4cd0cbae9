package io.skysentinel.app;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.api.history.DatabaseController;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AirportCatalog;
import io.skysentinel.core.AtcPosition;
import io.skysentinel.core.GridAirportCatalog;
import io.skysentinel.history.AirportStore;
import io.skysentinel.history.AnalyticsRecorder;
import io.skysentinel.history.AreaHistory;
import io.skysentinel.history.AtcSessionQueries;
import io.skysentinel.history.AtcSessionWriter;
import io.skysentinel.history.DatabaseInfo;
import io.skysentinel.history.HistorySettings;
import io.skysentinel.history.HistoryWriter;
import io.skysentinel.history.Maintenance;
import io.skysentinel.history.Partitions;
import io.skysentinel.history.PositionQueries;
import io.skysentinel.history.QuerySettings;
import io.skysentinel.history.ReadOnlyQuery;
import io.skysentinel.history.TrafficQueries;
import io.skysentinel.hub.FollowerRunner;
import io.skysentinel.hub.LiveHub;
import java.time.Clock;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/** History on (HISTORY_ENABLED, default true): the writer of the update stream, analytics storage, and the queries. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "skysentinel.history", name = "enabled", havingValue = "true", matchIfMissing = true)
@Import(HistoryDatabaseConfiguration.class)
public class HistoryConfiguration {

    /** Within this distance of an airport, an aircraft on the ground or low is "at" it (departure/arrival of a leg). */
    static final double AIRPORT_RADIUS_M = 8_000;

    /** The ATC session writer's follower of the ATC hub (its meters are tagged with this name). */
    static final String ATC_HISTORY_FOLLOWER = "atc-history";

    @Bean
    Partitions partitions(JdbcTemplate historyJdbc, Clock clock) {
        Partitions p = new Partitions(historyJdbc);
        p.ensureAhead(Partitions.dayOf(clock.millis()), 2);
        return p;
    }

    @Bean
    AirportStore airportStore(JdbcTemplate historyJdbc, ObjectProvider<AirportCatalog> catalog) {
        AirportStore store = new AirportStore(historyJdbc);
        AirportCatalog c = catalog.getIfAvailable();
        if (c != null)
            LoggerFactory.getLogger(HistoryConfiguration.class)
                    .info("Airports table: {} catalog airports upserted", store.upsert(c.all()));
        return store;
    }

    @Bean(destroyMethod = "close")
    AnalyticsRecorder analyticsRecorder(JdbcTemplate historyJdbc, HistorySettings settings) {
        return new AnalyticsRecorder(historyJdbc, settings.eventBufferCapacity(), settings.batchSize());
    }

    @Bean
    HistoryWriter historyWriter(
            HistorySettings settings,
            Clock clock,
            JdbcTemplate historyJdbc,
            Partitions partitions,
            AnalyticsRecorder analytics,
            ObjectProvider<AirportCatalog> catalog,
            MeterRegistry meters) {
        AirportCatalog airports = catalog.getIfAvailable(GridAirportCatalog::empty);
        return new HistoryWriter(
                settings, clock, historyJdbc, partitions, analytics, airports, AIRPORT_RADIUS_M, meters);
    }

    /** One process: the writer follows the hub. With the Kafka bus the history role's consumer drives it instead. */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "skysentinel.bus.type", havingValue = "memory", matchIfMissing = true)
    FollowerRunner<Aircraft> historyFollower(LiveHub<Aircraft> hub, HistoryWriter writer, HistorySettings settings) {
        return new FollowerRunner<>(
                        hub.follow(DatabaseController.HISTORY_FOLLOWER, settings.bufferCapacity()),
                        writer,
                        () -> hub.snapshot().entities(),
                        settings.batchSize(),
                        settings.flushInterval().toMillis())
                .start();
    }

    @Bean
    AtcSessionWriter atcSessionWriter(JdbcTemplate historyJdbc, HistorySettings settings, MeterRegistry meters) {
        AtcSessionWriter w = new AtcSessionWriter(historyJdbc, settings.batchSize(), settings.storeNames(), meters);
        int closed = w.closeOpen();
        if (closed > 0)
            LoggerFactory.getLogger(HistoryConfiguration.class)
                    .info("ATC sessions: {} left open by the previous run closed at their last update", closed);
        return w;
    }

    /**
     * ATC sessions follow the ATC hub the same way (bounded queue with its drop metric, batches). With the Kafka bus
     * the ATC hub lives in the ingest instances while history is written by the history role, which sees no ATC
     * position: sessions are recorded with the in-memory bus only (docs/history.md#atc-sessions).
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "skysentinel.bus.type", havingValue = "memory", matchIfMissing = true)
    FollowerRunner<AtcPosition> atcHistoryFollower(
            LiveHub<AtcPosition> atcHub, AtcSessionWriter writer, HistorySettings settings) {
        return new FollowerRunner<>(
                        atcHub.follow(ATC_HISTORY_FOLLOWER, settings.eventBufferCapacity()),
                        writer,
                        () -> atcHub.snapshot().entities(),
                        settings.batchSize(),
                        settings.flushInterval().toMillis())
                .start();
    }

    @Bean
    AtcSessionQueries atcSessionQueries(JdbcTemplate historyJdbc) {
        return new AtcSessionQueries(historyJdbc);
    }

    @Bean
    PositionQueries positionQueries(JdbcTemplate historyJdbc) {
        return new PositionQueries(historyJdbc);
    }

    @Bean
    AreaHistory areaHistory(JdbcTemplate historyJdbc) {
        return new AreaHistory(historyJdbc);
    }

    @Bean
    TrafficQueries trafficQueries(JdbcTemplate historyJdbc) {
        return new TrafficQueries(historyJdbc);
    }

    @Bean
    DatabaseInfo databaseInfo(JdbcTemplate historyJdbc) {
        return new DatabaseInfo(historyJdbc);
    }

    @Bean
    Maintenance historyMaintenance(
            JdbcTemplate historyJdbc, DatabaseInfo info, Partitions partitions, HistorySettings settings, Clock clock) {
        return new Maintenance(historyJdbc, info, partitions, settings.retentionDays(), clock);
    }

    /**
     * POST /api/database/query's own small pool, logged in as the reader role (migration V6), read-only by default
     * at the session level too. It opens connections only when a query comes, so an external database where the role
     * was not set up starts all the same (the endpoint answers 503 until it is: docs/deploy.md).
     */
    @Bean(destroyMethod = "close")
    ReadOnlyQuery readOnlyQuery(HikariDataSource historyDataSource, QuerySettings query) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(historyDataSource.getJdbcUrl());
        c.setUsername(query.dbUser());
        if (!query.dbPassword().isEmpty()) c.setPassword(query.dbPassword());
        c.setPoolName("history-reader");
        c.setMaximumPoolSize(2);
        c.setMinimumIdle(0);
        c.setIdleTimeout(60_000);
        c.setInitializationFailTimeout(-1);
        c.setConnectionTimeout(5_000);
        c.setAutoCommit(false);
        c.setReadOnly(true);
        c.addDataSourceProperty("options", "-c default_transaction_read_only=on");
        HikariDataSource pool = new HikariDataSource(c);
        return new ReadOnlyQuery(pool, query);
    }
}
