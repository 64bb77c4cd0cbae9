package io.skysentinel.wire;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.OpenSkyExtras;
import io.skysentinel.core.Position;
import java.util.Collection;
import java.util.List;

/**
 * The aircraft object on the wire, for both formats: the field set, order and names of docs/api.md and of the
 * {@link Aircraft} record's {@code @JsonPropertyOrder}, every key always present, unknown values null. This is the
 * only place the wire lists aircraft fields; a test holds it equal to the REST mapper's output.
 */
final class AircraftLayout {

    static final WireName ID = WireName.of("id");
    static final WireName ICAO24 = WireName.of("icao24");
    static final WireName CALLSIGN = WireName.of("callsign");
    static final WireName ORIGIN_COUNTRY = WireName.of("origin_country");
    static final WireName POSITION = WireName.of("position");
    static final WireName LAT = WireName.of("lat");
    static final WireName LON = WireName.of("lon");
    static final WireName ALTITUDE_M = WireName.of("altitude_m");
    static final WireName GEO_ALTITUDE_M = WireName.of("geo_altitude_m");
    static final WireName VELOCITY_MPS = WireName.of("velocity_mps");
    static final WireName HEADING_DEG = WireName.of("heading_deg");
    static final WireName VERTICAL_RATE_MPS = WireName.of("vertical_rate_mps");
    static final WireName ON_GROUND = WireName.of("on_ground");
    static final WireName SQUAWK = WireName.of("squawk");
    static final WireName SPI = WireName.of("spi");
    static final WireName CATEGORY = WireName.of("category");
    static final WireName TIME_POSITION_UNIX = WireName.of("time_position_unix");
    static final WireName LAST_CONTACT_UNIX = WireName.of("last_contact_unix");
    static final WireName SOURCE = WireName.of("source");
    static final WireName OPENSKY = WireName.of("opensky");
    static final WireName VATSIM = WireName.of("vatsim");
    static final WireName AIRCRAFT = WireName.of("aircraft");
    static final WireName POSITION_SOURCE = WireName.of("position_source");
    static final WireName SENSORS = WireName.of("sensors");

    /** Keys written per aircraft; must match the writes in {@link #write}. */
    static final int FIELDS = 20;

    private AircraftLayout() {}

    /** An array of aircraft objects, in the collection's iteration order. */
    static void writeArray(StructWriter w, Collection<Aircraft> aircraft) {
        w.beginArray(aircraft.size());
        for (Aircraft a : aircraft) write(w, a);
        w.endArray();
    }

    static void write(StructWriter w, Aircraft a) {
        w.beginObject(FIELDS);
        w.key(ID);
        w.string(a.id());
        w.key(ICAO24);
        w.string(a.icao24());
        w.key(CALLSIGN);
        w.string(a.callsign());
        w.key(ORIGIN_COUNTRY);
        w.string(a.originCountry());
        w.key(POSITION);
        writePosition(w, a.position(), true);
        w.key(ALTITUDE_M);
        w.numberOrNull(a.altitudeM());
        w.key(GEO_ALTITUDE_M);
        w.numberOrNull(a.geoAltitudeM());
        w.key(VELOCITY_MPS);
        w.numberOrNull(a.velocityMps());
        w.key(HEADING_DEG);
        w.numberOrNull(a.headingDeg());
        w.key(VERTICAL_RATE_MPS);
        w.numberOrNull(a.verticalRateMps());
        w.key(ON_GROUND);
        w.bool(a.onGround());
        w.key(SQUAWK);
        w.string(a.squawk());
        w.key(SPI);
        w.bool(a.spi());
        w.key(CATEGORY);
        w.numberOrNull(a.category());
        w.key(TIME_POSITION_UNIX);
        w.numberOrNull(a.timePositionUnix());
        w.key(LAST_CONTACT_UNIX);
        w.number(a.lastContactUnix());
        w.key(SOURCE);
        w.string(a.source());
        w.key(OPENSKY);
        writeOpenSky(w, a.opensky());
        w.key(VATSIM);
        VatsimLayout.write(w, a.vatsim());
        w.key(AIRCRAFT);
        AircraftInfoLayout.write(w, a.aircraft());
        w.endObject();
    }

    /**
     * @param narrow lat/lon as {@link StructWriter#coordinate} (MessagePack float32: a moving aircraft's position);
     *               else full doubles (a fixed point, such as an ATC position's label point)
     */
    static void writePosition(StructWriter w, Position p, boolean narrow) {
        if (p == null) {
            w.nil();
            return;
        }
        w.beginObject(2);
        w.key(LAT);
        if (narrow) w.coordinate(p.lat());
        else w.number(p.lat());
        w.key(LON);
        if (narrow) w.coordinate(p.lon());
        else w.number(p.lon());
        w.endObject();
    }

    private static void writeOpenSky(StructWriter w, OpenSkyExtras x) {
        if (x == null) {
            w.nil();
            return;
        }
        w.beginObject(2);
        w.key(POSITION_SOURCE);
        w.numberOrNull(x.positionSource());
        w.key(SENSORS);
        List<Integer> sensors = x.sensors();
        if (sensors == null) {
            w.nil();
        } else {
            w.beginArray(sensors.size());
            for (int i = 0, n = sensors.size(); i < n; i++)
                w.number(sensors.get(i).longValue());
            w.endArray();
        }
        w.endObject();
    }
}
