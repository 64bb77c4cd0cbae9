package io.skysentinel.alerts;

import java.util.Set;

/**
 * A rule's {@code when}: every non-null field must hold (AND). docs/alerts.md describes each field. Three kinds: an
 * aircraft condition (state fields, area), an event condition ({@code event}, optionally with state fields and
 * {@code airport}) and an ATC condition ({@code atc} with {@code atcCallsign}); {@link ConditionParser} refuses mixes
 * that cannot hold.
 */
public record Condition(
        Set<String> ids,
        Set<String> icao24s,
        Glob registration,
        Glob callsign,
        Set<String> types,
        Set<Integer> categories,
        Set<String> operators,
        Set<String> squawks,
        Set<String> sources,
        Range altitudeM,
        Range velocityMps,
        Boolean onGround,
        Area area,
        Transition transition,
        String event,
        String airport,
        AtcTrigger atc,
        Glob atcCallsign) {

    public enum Transition {
        /** Holds while the aircraft is inside. */
        INSIDE,
        /** Starts when an aircraft seen outside is seen inside; holds while it stays inside. */
        ENTER,
        /** Starts when an aircraft seen inside is seen outside; holds while it stays outside. */
        LEAVE
    }

    public enum AtcTrigger {
        /** Holds while the position is staffed. */
        ONLINE,
        /** Fires when the position goes offline. */
        OFFLINE
    }

    public boolean isAtc() {
        return atc != null;
    }

    public boolean isEvent() {
        return event != null;
    }
}
