package io.skysentinel.atc;

import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.core.AtcArea;
import io.skysentinel.core.AtcLocator.Location;
import io.skysentinel.core.Position;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The callsign examples of SOURCES.md §7a against the shipped reference data (no ../shared needed). */
class AtcReferenceTest {

    static AtcReference ref;

    @BeforeAll
    static void load() {
        ref = AtcReference.load(ReferenceAirports.load().catalog());
    }

    @ParameterizedTest(name = "{0} → {2} {3}")
    @CsvSource({
        // callsign, facility, kind, id
        "EGLL_TWR,   4, airport, EGLL",
        "EGLL_ATIS,  4, airport, EGLL",
        "JFK_GND,    3, airport, KJFK",
        "JFK_TWR,    4, airport, KJFK",
        "KJFK_DEL,   2, airport, KJFK",
        "EGCC__GND,  3, airport, EGCC",
        "JFK_APP,    5, tracon,  N90",
        "LAX_DEP,    5, tracon,  SCT",
        "EGLL_APP,   5, tracon,  EGLL",
        "EDGG_CTR,   6, fir,     EDGG",
        "EDGG_N_CTR, 6, fir,     EDGG-N",
        "NY_CTR,     6, fir,     KZNY",
        "LON_S_CTR,  6, fir,     EGTT-S",
        "LON_CTR,    6, fir,     EGTT",
        "MNL_CTR,    6, fir,     RPHI",
        "ML-YWE_CTR, 6, fir,     YYWE",
        "BN-INL_CTR, 6, fir,     YINL",
        "NAT_FSS,    1, fir,     NAT",
        "RU-CEN_FSS, 1, uir,     RU-CEN",
    })
    void callsignsResolveAsTheRowsSay(String callsign, int facility, String kind, String id) {
        Location at = ref.locate(callsign, facility, 50);
        assertThat(at).as(callsign).isNotNull();
        assertThat(at.area().kind()).isEqualTo(kind);
        assertThat(at.area().id()).isEqualTo(id);
        assertThat(ref.area(kind, id)).as("its area is served").isPresent();
    }

    @Test
    void jfkGroundIsAtJfk() {
        Location at = ref.locate("JFK_GND", 3, 5);
        // the VAT-Spy row: KJFK|New York-John F. Kennedy Intl NY|40.63975|-73.778925|JFK|KZNY|0
        assertThat(at.position()).isEqualTo(new Position(40.63975, -73.778925));
        assertThat(at.area().name()).isEqualTo("New York-John F. Kennedy Intl NY");
    }

    @Test
    void lonSouthIsPlacedInsideItsSector() {
        Location at = ref.locate("LON_S_CTR", 6, 300);
        AreaShape s = ref.area(AtcArea.FIR, "EGTT-S").orElseThrow();
        assertThat(at.area().name()).isEqualTo("London ACC (South) - London");
        assertThat(s.contains(at.position())).isTrue();
    }

    @Test
    void departureSuffixPicksTheDepartureSector() {
        Location dep = ref.locate("LAX_DEP", 5, 50);
        Location app = ref.locate("LAX_APP", 5, 50);
        assertThat(dep.area().name()).isEqualTo("SoCal Departure");
        assertThat(app.area().name()).isEqualTo("SoCal Approach");
        assertThat(dep.area().id()).isEqualTo(app.area().id()); // one TRACON, two sectors
    }

    @Test
    void approachWithoutTraconGetsARangeAroundItsAirport() {
        // SimAware has no Boulder sector, VAT-Spy has the airport
        Location at = ref.locate("KBDU_APP", 5, 40);
        assertThat(at.area().kind()).isEqualTo(AtcArea.RANGE);
        assertThat(at.area().id()).isEqualTo("KBDU_APP");
        assertThat(at.position()).isEqualTo(ref.locate("KBDU_TWR", 4, 40).position());
    }

    @ParameterizedTest
    @CsvSource({"1656772_OBS, 0", "TEST, 0", "UAE52C, 0", "TJ_SUP, 1", "XXXX_CTR, 6", "ZZZZ_TWR, 4", "'', 4"})
    void oddCallsignsArePlacedNowhere(String callsign, int facility) {
        assertThat(ref.locate(callsign, facility, 50)).isNull();
    }

    @Test
    void uirIsItsMembersAndLabelledInsideThem() {
        AreaShape s = ref.area(AtcArea.UIR, "RU-CEN").orElseThrow();
        assertThat(s.name()).isEqualTo("Asia-Center");
        assertThat(s.geometry().getNumGeometries()).isGreaterThanOrEqualTo(2);
        assertThat(s.contains(s.label())).isTrue();
    }

    @Test
    void anyReferenceAirportIsAnArea() {
        AreaShape kbdu = ref.area(AtcArea.AIRPORT, "kbdu").orElseThrow();
        assertThat(kbdu.geometry().getGeometryType()).isEqualTo("Point");
        assertThat(ref.area(AtcArea.AIRPORT, "ZZZZ")).isEmpty();
        assertThat(ref.area("sector", "EGTT")).isEmpty();
    }
}
