package io.skysentinel.api.history;

import io.skysentinel.api.rest.AdminOnly;
import io.skysentinel.core.Aircraft;
import io.skysentinel.history.DatabaseInfo;
import io.skysentinel.history.HistorySettings;
import io.skysentinel.history.HistoryWriter;
import io.skysentinel.hub.Follower;
import io.skysentinel.hub.LiveHub;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The history database's state: migrations, size, partitions, writer health, and tables (docs/history.md). Admin only:
 * table sizes tell an outsider more than they need to know.
 */
@RestController
@ConditionalOnProperty(prefix = "skysentinel.history", name = "enabled", havingValue = "true", matchIfMissing = true)
public class DatabaseController {

    /** The name app.HistoryConfiguration gives the writer's hub follower. */
    public static final String HISTORY_FOLLOWER = "history";

    private final DatabaseInfo info;
    private final HistoryWriter writer;
    private final HistorySettings settings;
    private final LiveHub<Aircraft> hub;

    DatabaseController(DatabaseInfo info, HistoryWriter writer, HistorySettings settings, LiveHub<Aircraft> hub) {
        this.info = info;
        this.writer = writer;
        this.settings = settings;
        this.hub = hub;
    }

    /**
     * @param buffered states queued for the writer (the hub follower's queue; 0 when the writer is fed from Kafka,
     *                 whose consumer lag is in /metrics)
     * @param dropped  states that queue dropped because it was full
     */
    public record Writer(boolean databaseUp, int buffered, int bufferCapacity, long dropped, long lagMs) {}

    public record Status(
            boolean embedded,
            String serverVersion,
            long sizeBytes,
            List<DatabaseInfo.Migration> migrations,
            List<DatabaseInfo.Table> partitions,
            int retentionDays,
            Writer writer) {}

    public record Tables(List<DatabaseInfo.Table> tables) {}

    @AdminOnly
    @GetMapping("/api/database/status")
    Status status() {
        Optional<Follower<Aircraft>> queue = hub.follower(HISTORY_FOLLOWER);
        Writer w = new Writer(
                writer.up(),
                queue.map(Follower::depth).orElse(0),
                settings.bufferCapacity(),
                queue.map(Follower::dropped).orElse(0L),
                writer.lagMs());
        return new Status(
                settings.embedded(),
                info.serverVersion(),
                info.databaseBytes(),
                info.migrations(),
                info.partitions(),
                settings.retentionDays(),
                w);
    }

    @AdminOnly
    @GetMapping("/api/database/tables")
    Tables tables() {
        return new Tables(info.tables());
    }
}
