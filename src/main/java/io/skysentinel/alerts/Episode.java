package io.skysentinel.alerts;

/**
 * One rule's episode for one aircraft (or ATC position): the state machine behind "fire once per episode, then not
 * again for that key until the cooldown has passed, and optionally say when it ended". Pure: times are passed in.
 *
 * <p>An episode starts when the condition starts holding (for {@code enter}/{@code leave}: only on the crossing) and
 * ends when it stops. It fires when it starts unless the key fired less than {@code cooldown} ago; an episode that
 * started within the cooldown runs silently and ends silently.
 */
final class Episode {

    enum Outcome {
        NONE,
        FIRE,
        END
    }

    final CompiledRule rule;
    boolean active;
    private boolean firedThisEpisode;
    private boolean everFired;
    private long lastFiredMs;
    /** Last known inside-ness of the rule's area (area rules), null when unknown. */
    Boolean inside;

    Episode(CompiledRule rule) {
        this.rule = rule;
    }

    /** One observation: whether the condition holds now and, if it does, whether an episode may start now. */
    Outcome observe(boolean holds, boolean mayStart, long nowMs) {
        if (holds) {
            if (active || !mayStart) return Outcome.NONE;
            active = true;
            firedThisEpisode = coolingDown(nowMs) ? false : fire(nowMs);
            return firedThisEpisode ? Outcome.FIRE : Outcome.NONE;
        }
        return end();
    }

    /** An instant condition (an event, a position going offline): fires unless cooling down; no episode. */
    Outcome instant(long nowMs) {
        if (coolingDown(nowMs)) return Outcome.NONE;
        fire(nowMs);
        return Outcome.FIRE;
    }

    /** The subject left the picture: the episode ends (END only when it had fired). */
    Outcome end() {
        if (!active) return Outcome.NONE;
        active = false;
        boolean fired = firedThisEpisode;
        firedThisEpisode = false;
        return fired ? Outcome.END : Outcome.NONE;
    }

    /** Whether this state must be kept: an episode runs, the area side matters for a crossing, or it cools down. */
    boolean needed(long nowMs) {
        return active || Boolean.TRUE.equals(inside) || coolingDown(nowMs);
    }

    private boolean coolingDown(long nowMs) {
        return everFired && nowMs - lastFiredMs < rule.cooldownMs;
    }

    private boolean fire(long nowMs) {
        everFired = true;
        lastFiredMs = nowMs;
        return true;
    }
}
