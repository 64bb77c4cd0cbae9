package io.skysentinel.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AircraftInfoLookup;
import io.skysentinel.core.FlightPlan;
import io.skysentinel.core.VatsimExtras;
import org.junit.jupiter.api.Test;

/** Every condition field, each once matching and once not, on one hand-made state. */
class ConditionMatcherTest {

    static final Aircraft SWISS = Aircraft.adsb("4b1805", "opensky")
            .callsign("SWR12A  ")
            .position(47.46, 8.55)
            .altitudeM(1200.0)
            .velocityMps(80.0)
            .squawk("7700")
            .category(3)
            .lastContactUnix(1000)
            .build();

    static final AircraftInfoLookup KNOWS_SWISS =
            a -> a.id().equals("4b1805") ? new AircraftInfoLookup.Info("HB-JNA", "B77W", "SWR") : null;

    static boolean matches(String when, Aircraft a, AircraftInfoLookup lookup) {
        Condition c = Rules.when(when).when();
        Facts f = new Facts(a, lookup);
        return ConditionMatcher.stateMatches(c, f)
                && (c.area() == null || Boolean.TRUE.equals(ConditionMatcher.inside(c, a)));
    }

    static boolean matches(String when) {
        return matches(when, SWISS, AircraftInfoLookup.NONE);
    }

    @Test
    void identity() {
        assertThat(matches("{\"id\": \"4b1805\"}")).isTrue();
        assertThat(matches("{\"id\": \"4b1806\"}")).isFalse();
        assertThat(matches("{\"icao24\": [\"4B1805\", \"aaaaaa\"]}")).isTrue();
        assertThat(matches("{\"icao24\": \"aaaaaa\"}")).isFalse();
    }

    @Test
    void callsignGlobs() {
        assertThat(matches("{\"callsign\": \"SWR*\"}")).isTrue();
        assertThat(matches("{\"callsign\": \"swr12a\"}"))
                .as("exact, any case, trimmed")
                .isTrue();
        assertThat(matches("{\"callsign\": \"SWR1?A\"}")).isTrue();
        assertThat(matches("{\"callsign\": \"*2A\"}")).isTrue();
        assertThat(matches("{\"callsign\": \"SWR1\"}"))
                .as("exact is not a prefix")
                .isFalse();
        assertThat(matches("{\"callsign\": \"EZY*\"}")).isFalse();
        assertThat(matches(
                        "{\"callsign\": \"SWR*\"}",
                        SWISS.toBuilder().callsign(null).build(),
                        AircraftInfoLookup.NONE))
                .isFalse();
    }

    @Test
    void stateFields() {
        assertThat(matches("{\"squawk\": [\"7600\", \"7700\"]}")).isTrue();
        assertThat(matches("{\"squawk\": \"7500\"}")).isFalse();
        assertThat(matches("{\"source\": \"opensky\"}")).isTrue();
        assertThat(matches("{\"source\": \"vatsim\"}")).isFalse();
        assertThat(matches("{\"category\": [2, 3]}")).isTrue();
        assertThat(matches("{\"category\": 8}")).isFalse();
        assertThat(matches("{\"altitude_m\": [1000, 1500]}")).isTrue();
        assertThat(matches("{\"altitude_m\": [null, 1000]}")).isFalse();
        assertThat(matches("{\"velocity_mps\": [50, null]}")).isTrue();
        assertThat(matches("{\"velocity_mps\": [100, 200]}")).isFalse();
        assertThat(matches("{\"on_ground\": false}")).isTrue();
        assertThat(matches("{\"on_ground\": true}")).isFalse();
        assertThat(matches("{\"callsign\": \"SWR*\", \"on_ground\": true}"))
                .as("AND")
                .isFalse();
    }

    @Test
    void areas() {
        assertThat(matches("{\"area\": {\"circle\": [47.45, 8.56, 5]}}")).isTrue();
        assertThat(matches("{\"area\": {\"circle\": [47.0, 8.56, 5]}}")).isFalse();
        String square = "[[47.4, 8.5], [47.5, 8.5], [47.5, 8.6], [47.4, 8.6], [47.4, 8.5]]";
        assertThat(matches("{\"area\": {\"polygon\": " + square + "}}")).isTrue();
        String east = "[[47.4, 8.6], [47.5, 8.6], [47.5, 8.7], [47.4, 8.7], [47.4, 8.6]]";
        assertThat(matches("{\"area\": {\"polygon\": " + east + "}}")).isFalse();
    }

    @Test
    void enrichedFieldsMatchNothingWithoutALookup() {
        assertThat(matches("{\"registration\": \"HB-J*\"}")).isFalse();
        assertThat(matches("{\"operator\": \"SWR\"}")).isFalse();
        assertThat(matches("{\"type\": \"B77W\"}")).isFalse();
        AircraftInfoLookup lookup =
                a -> KNOWS_SWISS.find(a) == null ? AircraftInfoLookup.Info.EMPTY : KNOWS_SWISS.find(a);
        assertThat(matches("{\"registration\": \"HB-J*\"}", SWISS, lookup)).isTrue();
        assertThat(matches("{\"operator\": [\"SWR\", \"EDW\"]}", SWISS, lookup)).isTrue();
        assertThat(matches("{\"type\": \"B77W\"}", SWISS, lookup)).isTrue();
        assertThat(matches("{\"type\": \"A320\"}", SWISS, lookup)).isFalse();
    }

    @Test
    void aVatsimTypeComesFromTheFlightPlan() {
        FlightPlan plan = new FlightPlan(
                "I",
                "A388/H-SDE3FGHIJ",
                "A388",
                "EGLL",
                "OMDB",
                null,
                "FL350",
                35000,
                480,
                "DCT",
                null,
                null,
                null,
                null,
                1);
        Aircraft vatsim = Aircraft.builder("vatsim-123", "vatsim")
                .callsign("UAE2")
                .vatsim(new VatsimExtras(123, "A Pilot", 1, null, "GER", 90.0, 1013.0, 0L, plan))
                .lastContactUnix(1000)
                .build();
        assertThat(matches("{\"type\": \"a388\"}", vatsim, AircraftInfoLookup.NONE))
                .isTrue();
        assertThat(matches("{\"type\": \"B738\"}", vatsim, AircraftInfoLookup.NONE))
                .isFalse();
    }
}
