package io.skysentinel.history;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * History on PostgreSQL (docs/history.md).
 *
 * @param enabled          HISTORY_ENABLED; off: no database, no history endpoints
 * @param dbUrl            SKYSENTINEL_DB_URL; empty: start the embedded PostgreSQL
 * @param dbUser           SKYSENTINEL_DB_USER (external database only)
 * @param dbPassword       SKYSENTINEL_DB_PASSWORD (external database only)
 * @param pgDir            SKYSENTINEL_PG_DIR: the embedded server's data directory, kept across runs
 * @param pgPort           SKYSENTINEL_PG_PORT: the embedded server's port; 0 picks a free one at start
 * @param retentionDays    HISTORY_RETENTION_DAYS: whole day partitions older than this are dropped
 * @param bufferCapacity   HISTORY_BUFFER_CAPACITY: accepted states queued for the writer (one process); beyond it
 *                         the oldest are dropped and counted
 * @param eventBufferCapacity HISTORY_EVENT_BUFFER_CAPACITY: movements (and, separately, events) held for the writer
 * @param batchSize        HISTORY_BATCH_SIZE: most rows in one COPY
 * @param flushInterval    HISTORY_FLUSH_INTERVAL: the writer gathers states this long for one COPY (or batch-size)
 * @param legGap           HISTORY_LEG_GAP: no contact for this long ends a flight leg
 * @param snapshotWindow   HISTORY_SNAPSHOT_WINDOW: the history snapshot shows aircraft seen within this before "at"
 * @param storeNames       VATSIM_STORE_NAMES ({@code skysentinel.vatsim.store-names}): store VATSIM members' names in
 *                         flight_plans and atc_sessions; off (the default): those columns stay NULL
 * @param planRefresh      HISTORY_PLAN_REFRESH: an unchanged flight plan's last_seen is rewritten at most this often
 */
@ConfigurationProperties(prefix = "skysentinel.history")
public record HistorySettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("") String dbUrl,
        @DefaultValue("") String dbUser,
        @DefaultValue("") String dbPassword,
        @DefaultValue("") String pgDir,
        @DefaultValue("0") int pgPort,
        @DefaultValue("30") int retentionDays,
        @DefaultValue("1000000") int bufferCapacity,
        @DefaultValue("100000") int eventBufferCapacity,
        @DefaultValue("50000") int batchSize,
        @DefaultValue("500ms") Duration flushInterval,
        @DefaultValue("30m") Duration legGap,
        @DefaultValue("60s") Duration snapshotWindow,
        @DefaultValue("false") boolean storeNames,
        @DefaultValue("5m") Duration planRefresh) {
    public HistorySettings {
        if (pgDir == null || pgDir.isBlank()) pgDir = System.getProperty("user.home") + "/.skysentinel/pg";
        if (retentionDays < 1) throw new IllegalArgumentException("skysentinel.history.retention-days must be >= 1");
        if (bufferCapacity < 1) throw new IllegalArgumentException("skysentinel.history.buffer-capacity must be >= 1");
        if (eventBufferCapacity < 1)
            throw new IllegalArgumentException("skysentinel.history.event-buffer-capacity must be >= 1");
        if (batchSize < 1) throw new IllegalArgumentException("skysentinel.history.batch-size must be >= 1");
        if (pgPort < 0 || pgPort > 65535)
            throw new IllegalArgumentException("skysentinel.history.pg-port must be 0..65535");
        if (flushInterval == null || flushInterval.isNegative())
            throw new IllegalArgumentException("skysentinel.history.flush-interval must be >= 0");
        if (planRefresh == null || planRefresh.isNegative())
            throw new IllegalArgumentException("skysentinel.history.plan-refresh must be >= 0");
    }

    public boolean embedded() {
        return dbUrl == null || dbUrl.isBlank();
    }

    /** The record's own toString but never the password: settings end up in logs and failure reports. */
    @Override
    public String toString() {
        return "HistorySettings[enabled=" + enabled + ", dbUrl=" + dbUrl + ", dbUser=" + dbUser + ", dbPassword="
                + (dbPassword == null || dbPassword.isEmpty() ? "(unset)" : "(set)") + ", pgDir=" + pgDir
                + ", pgPort=" + pgPort + ", retentionDays=" + retentionDays + ", bufferCapacity=" + bufferCapacity
                + ", batchSize=" + batchSize + ", flushInterval=" + flushInterval + "]";
    }
}
