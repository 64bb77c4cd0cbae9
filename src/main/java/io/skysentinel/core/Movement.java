package io.skysentinel.core;

import java.util.Objects;

/**
 * One airport arrival or departure, as the live movement detector derived it.
 *
 * @param airportIcao the airport, ICAO
 * @param kind        arrival or departure
 * @param timeMs      when the aircraft touched down / lifted off (source time), epoch ms
 * @param id          the flight's id (docs/api.md#ids)
 * @param callsign    trimmed callsign or null
 * @param runway      runway designator such as "28" or "16L" when derivable, else null
 * @param source      the source of the aircraft's state ({@code opensky}, {@code vatsim}, …): movements of one network
 *                    can be counted apart (history's {@code ?source=}); null when unknown
 */
public record Movement(
        String airportIcao, Kind kind, long timeMs, String id, String callsign, String runway, String source) {
    public enum Kind {
        ARRIVAL,
        DEPARTURE
    }

    public Movement {
        Objects.requireNonNull(airportIcao, "airportIcao");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }
}
