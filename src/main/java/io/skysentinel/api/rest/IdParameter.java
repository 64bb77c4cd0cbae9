package io.skysentinel.api.rest;

import io.skysentinel.core.EntityIds;
import java.util.Locale;

/** A flight id in a path or query ({@code /api/flights/{id}}): what docs/api.md#ids allows, else a 400 naming it. */
public final class IdParameter {

    private IdParameter() {}

    /** The id, lower-cased (a hex address may be given in either case). */
    public static String parse(String parameter, String text) {
        String v = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (!EntityIds.isValid(v))
            throw new InvalidParameterException(
                    parameter,
                    "'" + text + "' is not a flight id: 6 hex digits (an ICAO"
                            + " address) or <network>-<id> such as vatsim-1234567, at most " + EntityIds.MAX_LENGTH
                            + " characters");
        return v;
    }
}
