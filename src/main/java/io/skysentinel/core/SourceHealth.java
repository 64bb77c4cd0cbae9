package io.skysentinel.core;

import java.time.Instant;

/**
 * A source's state as shown by /api/status and /health.
 *
 * @param state          UP (fresh data), DEGRADED (serving the last picture while upstream fails or is rate
 *                       limited), DOWN (never produced data and is failing)
 * @param detail         one human-readable line on why the state is what it is
 * @param lastSuccess    last time the source delivered a batch, or null
 * @param lastError      last time it failed, or null
 * @param lastErrorMessage the failure, or null
 * @param nextPoll       when it will next fetch, or null when it is push-driven or stopped
 * @param lastBatchSize  aircraft in the last batch
 */
public record SourceHealth(
        String name,
        String mode,
        State state,
        String detail,
        Instant lastSuccess,
        Instant lastError,
        String lastErrorMessage,
        Instant nextPoll,
        int lastBatchSize) {
    public enum State {
        UP,
        DEGRADED,
        DOWN
    }
}
