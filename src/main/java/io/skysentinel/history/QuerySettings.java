package io.skysentinel.history;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * POST /api/database/query ({@code skysentinel.history.query.*}).
 *
 * @param timeout    ADMIN_QUERY_TIMEOUT: statement_timeout of one query
 * @param maxRows    ADMIN_QUERY_MAX_ROWS: most rows one answer holds (and the default of max_rows)
 * @param dbUser     SKYSENTINEL_QUERY_DB_USER: the read-only role the queries log in as (migration V6 creates it)
 * @param dbPassword SKYSENTINEL_QUERY_DB_PASSWORD: its password (an external database; the embedded one trusts local
 *                   connections)
 */
@ConfigurationProperties(prefix = "skysentinel.history.query")
public record QuerySettings(
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("10000") int maxRows,
        @DefaultValue("skysentinel_reader") String dbUser,
        @DefaultValue("") String dbPassword) {

    public QuerySettings {
        if (timeout == null || timeout.toMillis() < 1)
            throw new IllegalArgumentException("skysentinel.history.query.timeout must be >= 1ms");
        if (maxRows < 1) throw new IllegalArgumentException("skysentinel.history.query.max-rows must be >= 1");
        if (dbUser == null || dbUser.isBlank())
            throw new IllegalArgumentException("skysentinel.history.query.db-user must be set");
        if (dbPassword == null) dbPassword = "";
    }

    /** Never the password: settings end up in logs and failure reports. */
    @Override
    public String toString() {
        return "QuerySettings[timeout=" + timeout + ", maxRows=" + maxRows + ", dbUser=" + dbUser + ", dbPassword="
                + (dbPassword.isEmpty() ? "(unset)" : "(set)") + "]";
    }
}
