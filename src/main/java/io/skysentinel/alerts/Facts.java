package io.skysentinel.alerts;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AircraftInfoLookup;
import java.util.Locale;

/**
 * One state with what the rules compare, worked out once per state rather than once per rule: the callsign in
 * upper case and what the aircraft lookup knows (registration, type, operator).
 */
public final class Facts {
    final Aircraft state;
    final String callsign;
    private final AircraftInfoLookup lookup;
    private AircraftInfoLookup.Info info; // looked up when a rule first asks: most rules never do

    public Facts(Aircraft state, AircraftInfoLookup lookup) {
        this.state = state;
        String c = state.callsign();
        this.callsign = c == null || c.isBlank() ? null : c.trim().toUpperCase(Locale.ROOT);
        this.lookup = lookup;
    }

    AircraftInfoLookup.Info info() {
        if (info == null) info = AircraftInfoLookup.Info.of(lookup.find(state), state);
        return info;
    }
}
