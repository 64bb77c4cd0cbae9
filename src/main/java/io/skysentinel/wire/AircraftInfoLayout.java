package io.skysentinel.wire;

import io.skysentinel.core.AircraftInfo;

/** The {@code aircraft} object of a flight on the wire (docs/api.md): always an object, unknown fields null. */
final class AircraftInfoLayout {

    static final WireName REGISTRATION = WireName.of("registration");
    static final WireName TYPE = WireName.of("type");
    static final WireName MANUFACTURER = WireName.of("manufacturer");
    static final WireName MODEL = WireName.of("model");
    static final WireName OPERATOR = WireName.of("operator");
    static final WireName OPERATOR_ICAO = WireName.of("operator_icao");
    static final WireName YEAR_BUILT = WireName.of("year_built");
    static final WireName WAKE = WireName.of("wake");
    static final WireName ENGINES = WireName.of("engines");
    static final WireName ENGINE_TYPE = WireName.of("engine_type");
    static final WireName SPECIES = WireName.of("species");
    static final WireName AIRLINE = WireName.of("airline");

    private AircraftInfoLayout() {}

    static void write(StructWriter w, AircraftInfo i) {
        AircraftInfo a = i == null ? AircraftInfo.UNKNOWN : i;
        w.beginObject(12);
        w.key(REGISTRATION);
        w.string(a.registration());
        w.key(TYPE);
        w.string(a.type());
        w.key(MANUFACTURER);
        w.string(a.manufacturer());
        w.key(MODEL);
        w.string(a.model());
        w.key(OPERATOR);
        w.string(a.operator());
        w.key(OPERATOR_ICAO);
        w.string(a.operatorIcao());
        w.key(YEAR_BUILT);
        w.numberOrNull(a.yearBuilt());
        w.key(WAKE);
        w.string(a.wake());
        w.key(ENGINES);
        w.numberOrNull(a.engines());
        w.key(ENGINE_TYPE);
        w.string(a.engineType());
        w.key(SPECIES);
        w.string(a.species());
        w.key(AIRLINE);
        w.string(a.airline());
        w.endObject();
    }
}
