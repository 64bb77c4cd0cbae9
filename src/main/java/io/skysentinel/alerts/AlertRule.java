package io.skysentinel.alerts;

import java.util.Objects;

/**
 * A stored rule: what {@code POST /api/alerts/rules} created (docs/alerts.md).
 *
 * @param id             assigned by the store
 * @param name           the user's name for it
 * @param whenJson       the {@code when} object as sent (what GET returns), normalised JSON text
 * @param when           that condition, parsed
 * @param deliver        where alerts go besides the API and the WebSocket
 * @param cooldownS      after firing for an aircraft (or position), seconds before it may fire for it again
 * @param notifyEnded    send an {@code ended} alert when the condition stops holding
 * @param ownerTokenHash SHA-256 hex of the owner token that may change or delete it
 * @param createdMs      epoch ms
 * @param updatedMs      epoch ms
 */
public record AlertRule(
        long id,
        String name,
        String whenJson,
        Condition when,
        Delivery deliver,
        long cooldownS,
        boolean notifyEnded,
        String ownerTokenHash,
        long createdMs,
        long updatedMs) {

    public AlertRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(deliver, "deliver");
    }

    public AlertRule withId(long newId) {
        return new AlertRule(
                newId, name, whenJson, when, deliver, cooldownS, notifyEnded, ownerTokenHash, createdMs, updatedMs);
    }
}
