package io.skysentinel.alerts;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AtcPosition;

/**
 * One fired or ended alert: what the webhook body, the {@code alert} frame and {@code GET /api/alerts} carry.
 *
 * @param id        unique per alert; the webhook's delivery id (the same on every retry)
 * @param kind      fired or ended
 * @param ruleId    the rule
 * @param ruleName  its name when it fired
 * @param subject   the aircraft id or the ATC position id it is about
 * @param flight    the flight's state (names of people removed), or null for an ATC alert
 * @param atc       the ATC position (name removed), or null
 * @param event     the event that caused it, or null
 * @param firedAtMs server clock, epoch ms
 */
public record Alert(
        String id,
        Kind kind,
        long ruleId,
        String ruleName,
        String subject,
        Aircraft flight,
        AtcPosition atc,
        AlertEvent event,
        long firedAtMs) {

    public enum Kind {
        FIRED("fired"),
        ENDED("ended");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }
}
