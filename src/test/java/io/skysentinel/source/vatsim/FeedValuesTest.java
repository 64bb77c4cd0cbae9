package io.skysentinel.source.vatsim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeedValuesTest {

    @Test
    void aircraftTypeFromTheEquipmentStringInEveryForm() {
        assertThat(FeedValues.aircraftType(null, "B738/M-SDE2E3FGHIJ1RWXY/LB1")).isEqualTo("B738");
        assertThat(FeedValues.aircraftType(null, "H/B744/L")).isEqualTo("B744");
        assertThat(FeedValues.aircraftType(null, "T/B738/F")).isEqualTo("B738");
        assertThat(FeedValues.aircraftType(null, "C172/G")).isEqualTo("C172");
        assertThat(FeedValues.aircraftType(null, "a20n")).isEqualTo("A20N");
        assertThat(FeedValues.aircraftType("A320", "B738/M"))
                .as("aircraft_short wins")
                .isEqualTo("A320");
        assertThat(FeedValues.aircraftType(null, "")).isNull();
        assertThat(FeedValues.aircraftType(null, "??/X")).isNull();
        assertThat(FeedValues.aircraftType(null, null)).isNull();
    }

    @Test
    void cruiseAltitudeInFeet() {
        assertThat(FeedValues.cruiseAltitudeFt("35000")).isEqualTo(35000);
        assertThat(FeedValues.cruiseAltitudeFt("FL350")).isEqualTo(35000);
        assertThat(FeedValues.cruiseAltitudeFt("F350")).isEqualTo(35000);
        assertThat(FeedValues.cruiseAltitudeFt("350"))
                .as("a bare level is a flight level")
                .isEqualTo(35000);
        assertThat(FeedValues.cruiseAltitudeFt("A045")).isEqualTo(4500);
        assertThat(FeedValues.cruiseAltitudeFt("4500")).isEqualTo(4500);
        assertThat(FeedValues.cruiseAltitudeFt("0")).isNull();
        assertThat(FeedValues.cruiseAltitudeFt("VFR")).isNull();
        assertThat(FeedValues.cruiseAltitudeFt("S1130")).isNull();
        assertThat(FeedValues.cruiseAltitudeFt(null)).isNull();
    }

    @Test
    void squawkTasAndFrequency() {
        assertThat(FeedValues.squawk("3406")).isEqualTo("3406");
        assertThat(FeedValues.squawk("7780")).as("8 is not octal").isNull();
        assertThat(FeedValues.squawk("123")).isNull();
        assertThat(FeedValues.squawk(null)).isNull();
        assertThat(FeedValues.cruiseTasKt("450")).isEqualTo(450);
        assertThat(FeedValues.cruiseTasKt("N0450")).isEqualTo(450);
        assertThat(FeedValues.cruiseTasKt("0")).isNull();
        assertThat(FeedValues.cruiseTasKt("M080")).isNull();
        assertThat(FeedValues.frequencyMhz("118.500")).isEqualTo(118.5);
        assertThat(FeedValues.frequencyMhz("199.998")).isEqualTo(199.998);
        assertThat(FeedValues.frequencyMhz("abc")).isNull();
    }
}
