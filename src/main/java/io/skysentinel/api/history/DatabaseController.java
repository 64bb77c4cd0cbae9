package io.skysentinel.api.history;

import io.skysentinel.history.DatabaseInfo;
import io.skysentinel.history.HistorySettings;
import io.skysentinel.history.HistoryWriter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The history database's state: migrations, size, partitions, writer health, and tables (docs/history.md). */
@RestController
@ConditionalOnProperty(prefix = "skysentinel.history", name = "enabled", havingValue = "true", matchIfMissing = true)
public class DatabaseController {

    private final DatabaseInfo info;
    private final HistoryWriter writer;
    private final HistorySettings settings;

    DatabaseController(DatabaseInfo info, HistoryWriter writer, HistorySettings settings) {
        this.info = info;
        this.writer = writer;
        this.settings = settings;
    }

    public record Writer(boolean databaseUp, int buffered, int bufferCapacity, long dropped, long lagMs) { }

    public record Status(boolean embedded, String serverVersion, long sizeBytes, List<DatabaseInfo.Migration> migrations,
                         List<DatabaseInfo.Table> partitions, int retentionDays, Writer writer) { }

    public record Tables(List<DatabaseInfo.Table> tables) { }

    @GetMapping("/api/database/status")
    Status status() {
        Writer w = new Writer(writer.up(), writer.buffered(), settings.bufferCapacity(), writer.dropped(), writer.lagMs());
        return new Status(settings.embedded(), info.serverVersion(), info.databaseBytes(), info.migrations(),
                info.partitions(), settings.retentionDays(), w);
    }

    @GetMapping("/api/database/tables")
    Tables tables() {
        return new Tables(info.tables());
    }
}
