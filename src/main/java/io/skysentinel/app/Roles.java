package io.skysentinel.app;

import java.util.List;
import java.util.Locale;

/**
 * SKYSENTINEL_ROLES with the Kafka bus: {@code ingest} polls the sources (on the elected leader only) and publishes to
 * Kafka; {@code serve} follows Kafka into the hub behind REST and WebSocket. With the in-memory bus one process is
 * always both.
 */
public record Roles(boolean ingest, boolean serve) {

    public static Roles parse(List<String> names) {
        boolean ingest = false, serve = false;
        for (String raw : names) {
            String n = raw.strip().toLowerCase(Locale.ROOT);
            switch (n) {
                case "" -> { }
                case "ingest" -> ingest = true;
                case "serve" -> serve = true;
                default -> throw new IllegalArgumentException("SKYSENTINEL_ROLES: unknown role '" + raw + "'; known: ingest, serve");
            }
        }
        if (!ingest && !serve) throw new IllegalArgumentException("SKYSENTINEL_ROLES must name ingest, serve or both");
        return new Roles(ingest, serve);
    }
}
