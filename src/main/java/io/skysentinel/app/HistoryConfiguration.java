package io.skysentinel.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.core.AirportCatalog;
import io.skysentinel.history.AirportStore;
import io.skysentinel.history.AnalyticsRecorder;
import io.skysentinel.history.DatabaseInfo;
import io.skysentinel.history.HistorySettings;
import io.skysentinel.history.HistoryWriter;
import io.skysentinel.history.NearestAirport;
import io.skysentinel.history.Partitions;
import io.skysentinel.history.PositionQueries;
import io.skysentinel.history.TrafficQueries;
import io.skysentinel.hub.LiveHub;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

/** History on (HISTORY_ENABLED, default true): the writer following the hub, analytics storage, and the queries. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "skysentinel.history", name = "enabled", havingValue = "true", matchIfMissing = true)
@Import(HistoryDatabaseConfiguration.class)
public class HistoryConfiguration {

    /** Within this distance of an airport, an aircraft on the ground or low is "at" it (departure/arrival of a leg). */
    static final double AIRPORT_RADIUS_KM = 8;

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
            LoggerFactory.getLogger(HistoryConfiguration.class).info("Airports table: {} catalog airports upserted", store.upsert(c.all()));
        return store;
    }

    @Bean
    AnalyticsRecorder analyticsRecorder(HistorySettings settings) {
        return new AnalyticsRecorder(settings.eventBufferCapacity());
    }

    @Bean(destroyMethod = "close")
    HistoryWriter historyWriter(LiveHub hub, HistorySettings settings, Clock clock, JdbcTemplate historyJdbc,
                                Partitions partitions, AnalyticsRecorder analytics, ObjectProvider<AirportCatalog> catalog,
                                MeterRegistry meters) {
        AirportCatalog c = catalog.getIfAvailable();
        NearestAirport airports = c == null ? NearestAirport.none() : new NearestAirport(c.all(), AIRPORT_RADIUS_KM);
        return new HistoryWriter(hub, settings, clock, historyJdbc, partitions, analytics, airports, meters).start();
    }

    @Bean
    PositionQueries positionQueries(JdbcTemplate historyJdbc) {
        return new PositionQueries(historyJdbc);
    }

    @Bean
    TrafficQueries trafficQueries(JdbcTemplate historyJdbc) {
        return new TrafficQueries(historyJdbc);
    }

    @Bean
    DatabaseInfo databaseInfo(JdbcTemplate historyJdbc) {
        return new DatabaseInfo(historyJdbc);
    }
}
