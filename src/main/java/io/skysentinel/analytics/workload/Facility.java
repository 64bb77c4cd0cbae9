package io.skysentinel.analytics.workload;

import io.skysentinel.core.AtcPosition;
import java.util.Locale;

/** What a position works, from its callsign's suffix (as the ATC reference reads it: the suffix says more). */
public enum Facility {
    /** {@code _CTR}, {@code _FSS}: a FIR or UIR. */
    CENTRE,
    /** {@code _APP}, {@code _DEP}: a TRACON or a range ring. */
    APPROACH,
    /** {@code _TWR}. */
    TOWER,
    /** {@code _GND}, {@code _DEL}, {@code _RMP}. */
    GROUND,
    /** {@code _ATIS} and ATIS connections: a recording, no workload. */
    ATIS,
    /** Anything else ({@code _OBS}, {@code _SUP}, no suffix): no workload. */
    OTHER;

    public static Facility of(AtcPosition p) {
        if (p.atis()) return ATIS;
        String cs = p.callsign().strip().toUpperCase(Locale.ROOT);
        int at = cs.lastIndexOf('_');
        String suffix = at < 0 ? "" : cs.substring(at + 1);
        return switch (suffix) {
            case "CTR", "FSS" -> CENTRE;
            case "APP", "DEP" -> APPROACH;
            case "TWR" -> TOWER;
            case "GND", "DEL", "RMP" -> GROUND;
            case "ATIS" -> ATIS;
            default -> OTHER;
        };
    }
}
