package io.skysentinel.stream.kafka;

import io.skysentinel.core.EntityIds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the payload of a schema_version 1 record into today's aircraft shape. v1 had no {@code id} (the key was the
 * icao24) and kept OpenSky's {@code position_source} and {@code sensors} at the top level. The compacted flights.state
 * keeps a v1 record of an aircraft until that aircraft changes, which can take months, so this stays.
 */
final class EnvelopeV1 {

    private EnvelopeV1() {}

    /** A copy of the v1 payload with {@code id} = its icao24 and the two OpenSky fields moved into {@code opensky}. */
    static JsonNode upgradePayload(JsonNode v1) throws InvalidEnvelopeException {
        ObjectNode p = ((ObjectNode) v1).deepCopy();
        String icao24 = EnvelopeFields.text(p.get("icao24"));
        if (!EntityIds.isIcao24(icao24))
            throw new InvalidEnvelopeException(
                    "payload", "a v1 payload needs a 6-hex-digit icao24, got " + p.get("icao24"));
        String id = EntityIds.adsb(icao24);
        p.put("id", id);
        p.put("icao24", id);
        JsonNode positionSource = p.remove("position_source");
        JsonNode sensors = p.remove("sensors");
        // v1 carried the group's fields for every source; only data that was there makes a group (null rules: api.md)
        if (present(positionSource) || present(sensors)) {
            ObjectNode opensky = p.putObject("opensky");
            opensky.set("position_source", positionSource == null ? opensky.nullNode() : positionSource);
            opensky.set("sensors", sensors == null ? opensky.nullNode() : sensors);
        }
        return p;
    }

    private static boolean present(JsonNode n) {
        return n != null && !n.isNull();
    }
}
