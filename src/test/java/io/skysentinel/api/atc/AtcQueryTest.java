package io.skysentinel.api.atc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skysentinel.api.rest.InvalidParameterException;
import io.skysentinel.core.AtcPosition;
import io.skysentinel.testing.AtcFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AtcQueryTest {

    static final List<AtcPosition> FEED = List.of(
            AtcFixtures.heathrowTower(),
            AtcFixtures.heathrowAtis(),
            AtcFixtures.gatwickDirector(),
            AtcFixtures.gatwickGround(),
            AtcFixtures.unplaced());

    static List<String> select(Map<String, String[]> params) {
        AtcQuery q = AtcQuery.parse(params);
        return FEED.stream().filter(q.filter()).map(AtcPosition::callsign).toList();
    }

    @Test
    void noParametersSelectEverythingWithTheDefaultPage() {
        AtcQuery q = AtcQuery.parse(Map.of());
        assertThat(q.limit()).isEqualTo(1000);
        assertThat(q.offset()).isZero();
        assertThat(select(Map.of())).hasSize(FEED.size());
    }

    @Test
    void facilityIsTheShortNameCaseInsensitive() {
        assertThat(select(Map.of("facility", new String[] {"twr"}))).containsExactly("EGLL_S_TWR", "EGLL_ATIS");
        assertThat(select(Map.of("facility", new String[] {"APP"}))).containsExactly("EGKK_APP");
    }

    @Test
    void callsignIsAPrefixCaseInsensitive() {
        assertThat(select(Map.of("callsign", new String[] {"egkk_"}))).containsExactly("EGKK_APP", "EGKK_GND");
        // a prefix, not a substring: "TWR" is no callsign's start
        assertThat(select(Map.of("callsign", new String[] {"TWR"}))).isEmpty();
    }

    @Test
    void kindSelectsControllersOrAtis() {
        assertThat(select(Map.of("kind", new String[] {"atis"}))).containsExactly("EGLL_ATIS");
        assertThat(select(Map.of("kind", new String[] {"Controller"}, "callsign", new String[] {"EGLL"})))
                .containsExactly("EGLL_S_TWR");
    }

    @Test
    void badInputNamesTheParameter() {
        assertParameter(Map.of("kind", new String[] {"observer"}), "kind", "must be one of atis, controller");
        assertParameter(Map.of("limit", new String[] {"0"}), "limit", "between 1 and 100000");
        assertParameter(Map.of("offset", new String[] {"-1"}), "offset", "between 0 and");
        assertParameter(Map.of("offset", new String[] {"ten"}), "offset", "not a whole number");
        assertParameter(Map.of("facility", new String[] {" "}), "facility", "is empty");
        assertParameter(Map.of("facilty", new String[] {"TWR"}), "facilty", "not a known parameter");
        assertParameter(Map.of("callsign", new String[] {"EG", "LF"}), "callsign", "more than once");
    }

    @Test
    void cacheBustersAreIgnored() {
        assertThat(select(Map.of("_", new String[] {"1733100000"}))).hasSize(FEED.size());
    }

    private static void assertParameter(Map<String, String[]> params, String name, String reason) {
        assertThatThrownBy(() -> AtcQuery.parse(params))
                .isInstanceOfSatisfying(
                        InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo(name))
                .hasMessageContaining(reason);
    }
}
