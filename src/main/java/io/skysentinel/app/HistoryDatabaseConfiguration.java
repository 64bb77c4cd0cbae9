package io.skysentinel.app;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.skysentinel.history.EmbeddedPostgresServer;
import io.skysentinel.history.HistorySettings;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The history database: the embedded PostgreSQL (default) or SKYSENTINEL_DB_URL, a pool, and Flyway's migrations
 * (db/migration) applied before anything uses it. Boot's own DataSource auto-configuration is excluded in
 * application.yml because history can be switched off (HISTORY_ENABLED=false), and then there is no database at all.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "skysentinel.history", name = "enabled", havingValue = "true", matchIfMissing = true)
public class HistoryDatabaseConfiguration {

    /** The pool; with the embedded server it also owns that server, so closing the pool stops it, in that order. */
    @Bean(destroyMethod = "close")
    HikariDataSource historyDataSource(HistorySettings settings) {
        HikariConfig c = new HikariConfig();
        EmbeddedPostgresServer pg = settings.embedded()
                ? EmbeddedPostgresServer.acquire(Path.of(settings.pgDir()), settings.pgPort())
                : null;
        c.setJdbcUrl(pg != null ? pg.jdbcUrl() : settings.dbUrl());
        c.setUsername(pg != null ? pg.user() : settings.dbUser());
        if (pg == null && !settings.dbPassword().isEmpty()) c.setPassword(settings.dbPassword());
        c.setPoolName("history");
        c.setMaximumPoolSize(8);
        // Idle connections are closed down to two: the writer and the API use a few at a time, and several
        // application instances (tests cache contexts; a Kafka setup runs several roles) may share one server.
        c.setMinimumIdle(2);
        // Batches of INSERTs become multi-row statements (flights, airports, movements, events).
        c.addDataSourceProperty("reWriteBatchedInserts", "true");
        // A database outage must not stall the writer thread forever.
        c.setConnectionTimeout(5_000);
        c.setInitializationFailTimeout(30_000);
        try {
            return new HikariDataSource(c) {
                @Override
                public void close() {
                    super.close();
                    if (pg != null) pg.close();
                }
            };
        } catch (RuntimeException e) {
            // No pool, so no close() later: let go of the server now, or it outlives this context (and the JVM).
            if (pg != null) pg.close();
            throw e;
        }
    }

    @Bean
    JdbcTemplate historyJdbc(DataSource historyDataSource) {
        Flyway.configure()
                .dataSource(historyDataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return new JdbcTemplate(historyDataSource);
    }
}
