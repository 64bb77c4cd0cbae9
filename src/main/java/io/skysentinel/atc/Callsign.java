package io.skysentinel.atc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A controller callsign split at its underscores: {@code LON_S_CTR} → parts {@code [LON, S]}, facility {@code CTR}.
 * Upper-cased; empty parts are dropped, so the relief form {@code EGCC__GND} reads as {@code EGCC_GND}. A callsign
 * without an underscore ({@code TEST}, a pilot-like {@code UAE52C}) has no facility and is null.
 *
 * @param parts    everything before the facility suffix, at least one part
 * @param facility the last part: {@code TWR}, {@code APP}, {@code CTR}, {@code OBS}, …
 */
record Callsign(List<String> parts, String facility) {

    static Callsign parse(String callsign) {
        if (callsign == null) return null;
        List<String> parts = new ArrayList<>(4);
        for (String p : callsign.strip().toUpperCase(Locale.ROOT).split("_")) {
            if (!p.isEmpty()) parts.add(p);
        }
        if (parts.size() < 2) return null;
        String facility = parts.remove(parts.size() - 1);
        return new Callsign(List.copyOf(parts), facility);
    }

    /** The first {@code n} parts joined with underscores: {@code prefix(2)} of {@code LON_S_CTR} is {@code LON_S}. */
    String prefix(int n) {
        return n == 1 ? parts.get(0) : String.join("_", parts.subList(0, n));
    }

    /** Parts {@code n..} and the facility joined: the suffix SimAware may key on, {@code H_APP} of EETT_H_APP. */
    String tail(int n) {
        return String.join("_", parts.subList(n, parts.size())) + "_" + facility;
    }
}
