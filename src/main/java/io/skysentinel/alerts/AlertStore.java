package io.skysentinel.alerts;

import java.util.List;
import java.util.Optional;

/**
 * Where rules, fired alerts and dead letters are kept: the port the REST layer and the dispatcher use. The
 * PostgreSQL store ({@code alerts.store}) implements it when history is on, {@link MemoryAlertStore} otherwise.
 * Implementations are thread-safe.
 */
public interface AlertStore {

    /** Stores a new rule and returns it with its id. */
    AlertRule create(AlertRule rule);

    Optional<AlertRule> find(long id);

    /** All rules, by id. */
    List<AlertRule> all();

    /** Replaces the rule of that id; false when there is none. */
    boolean update(AlertRule rule);

    /** Deletes the rule (its fired alerts and dead letters stay); false when there was none. */
    boolean delete(long id);

    void recordFired(List<FiredAlert> alerts);

    /** Fired alerts, newest first; {@code ruleId} null for every rule; the time range inclusive, epoch ms. */
    List<FiredAlert> fired(Long ruleId, long fromMs, long toMs, int offset, int limit);

    long countFired(Long ruleId, long fromMs, long toMs);

    void recordDeadLetter(DeadLetter letter);

    /** A rule's dead letters, newest first. */
    List<DeadLetter> deadLetters(long ruleId, int limit);

    /** Forgets fired alerts and dead letters from before {@code cutoffMs} (retention); returns how many. */
    long forgetBefore(long cutoffMs);

    /** @param body the webhook JSON body (our format, whatever format was sent) */
    record FiredAlert(String id, long ruleId, String kind, String subject, long firedAtMs, String body) {}

    record DeadLetter(
            String deliveryId,
            long ruleId,
            String webhook,
            int attempts,
            String lastError,
            long failedAtMs,
            String body) {}
}
