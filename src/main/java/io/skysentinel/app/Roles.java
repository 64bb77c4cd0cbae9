package io.skysentinel.app;

import java.util.List;
import java.util.Locale;

/**
 * SKYSENTINEL_ROLES with the Kafka bus: {@code ingest} polls the sources (on the elected leader only) and publishes to
 * Kafka; {@code serve} follows Kafka into the hub behind REST and WebSocket; {@code history} consumes flights.updates
 * in the history group, runs the analytics for its partitions and writes history. Any combination. With the
 * in-memory bus one process does everything.
 */
public record Roles(boolean ingest, boolean serve, boolean history) {

    public static Roles parse(List<String> names) {
        boolean ingest = false, serve = false, history = false;
        for (String raw : names) {
            String n = raw.strip().toLowerCase(Locale.ROOT);
            switch (n) {
                case "" -> {}
                case "ingest" -> ingest = true;
                case "serve" -> serve = true;
                case "history" -> history = true;
                default ->
                    throw new IllegalArgumentException(
                            "SKYSENTINEL_ROLES: unknown role '" + raw + "'; known: ingest, serve, history");
            }
        }
        if (!ingest && !serve && !history)
            throw new IllegalArgumentException("SKYSENTINEL_ROLES must name ingest, serve, history or several");
        return new Roles(ingest, serve, history);
    }

    @Override
    public String toString() {
        return (ingest ? "ingest " : "") + (serve ? "serve " : "") + (history ? "history" : "");
    }
}
