package io.skysentinel.api.rest;

import static io.skysentinel.testing.Fixtures.plane;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skysentinel.core.Aircraft;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlightQueryTest {

    static Map<String, String[]> params(String... kv) {
        Map<String, String[]> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], new String[] {kv[i + 1]});
        return m;
    }

    static List<String> select(FlightQuery q, Aircraft... fleet) {
        return List.of(fleet).stream().filter(q.filter()).map(Aircraft::id).toList();
    }

    final Aircraft jfkGround =
            plane("a00001").callsign("DAL123").at(40.64, -73.78).onGround().build();
    final Aircraft nycHigh = plane("a00002")
            .callsign("UAL9")
            .at(40.9, -74.0)
            .alt(10_000)
            .country("Germany")
            .build();
    final Aircraft london = plane("a00003")
            .callsign("BAW1")
            .at(51.5, -0.1)
            .alt(3_000)
            .from("opensky")
            .build();
    final Aircraft noPos = plane("a00004").callsign(null).noPosition().alt(500).build();

    @Test
    void defaultsAreLimit1000Offset0AndNoFilter() {
        FlightQuery q = FlightQuery.parse(Map.of());
        assertThat(q.limit()).isEqualTo(1000);
        assertThat(q.offset()).isZero();
        assertThat(select(q, jfkGround, nycHigh, london, noPos)).hasSize(4);
    }

    @Test
    void filtersCombine() {
        assertThat(select(
                        FlightQuery.parse(params("bbox", "40.4,-74.5,41.2,-73.5")), jfkGround, nycHigh, london, noPos))
                .containsExactly("a00001", "a00002");
        assertThat(select(
                        FlightQuery.parse(params("min_altitude_m", "1000", "max_altitude_m", "5000")),
                        jfkGround,
                        nycHigh,
                        london,
                        noPos))
                .containsExactly("a00003");
        assertThat(select(FlightQuery.parse(params("on_ground", "TRUE")), jfkGround, nycHigh, london))
                .containsExactly("a00001");
        assertThat(select(FlightQuery.parse(params("callsign", "al")), jfkGround, nycHigh, london, noPos))
                .containsExactly("a00001", "a00002");
        assertThat(select(FlightQuery.parse(params("country", "germany")), jfkGround, nycHigh, london))
                .containsExactly("a00002");
        assertThat(select(FlightQuery.parse(params("source", "opensky")), jfkGround, nycHigh, london))
                .containsExactly("a00003");
    }

    @Test
    void aBoxAcrossTheAntimeridianWraps() {
        Aircraft fiji = plane("b00001").at(-17.7, 178.4).build();
        Aircraft samoa = plane("b00002").at(-13.8, -171.8).build();
        Aircraft sydney = plane("b00003").at(-33.9, 151.2).build();
        assertThat(select(FlightQuery.parse(params("bbox", "-30,170,-10,-170")), fiji, samoa, sydney))
                .containsExactly("b00001", "b00002");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "bbox|1,2,3|bbox",
                "bbox|a,2,3,4|bbox",
                "bbox|95,0,96,1|bbox",
                "bbox|10,0,5,1|bbox",
                "min_altitude_m|high|min_altitude_m",
                "max_altitude_m|NaN|max_altitude_m",
                "on_ground|yes|on_ground",
                "limit|0|limit",
                "limit|100001|limit",
                "limit|ten|limit",
                "offset|-1|offset",
                "callsign|''|callsign",
                "min_alt|100|min_alt",
            })
    void badInputNamesTheParameter(String name, String value, String named) {
        assertThatThrownBy(() -> FlightQuery.parse(params(name, value)))
                .isInstanceOfSatisfying(
                        InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo(named));
    }

    @Test
    void minAboveMaxIsRejected() {
        assertThatThrownBy(() -> FlightQuery.parse(params("min_altitude_m", "5000", "max_altitude_m", "100")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("max_altitude_m");
    }

    @Test
    void aRepeatedParameterIsRejectedAndCacheBustersAreIgnored() {
        Map<String, String[]> repeated = Map.of("limit", new String[] {"1", "2"});
        assertThatThrownBy(() -> FlightQuery.parse(repeated)).isInstanceOf(InvalidParameterException.class);
        assertThat(FlightQuery.parse(params("_", "1712345")).limit()).isEqualTo(1000);
    }

    @Test
    void bboxAreaCountsTheWrappedWidth() {
        assertThat(BoundingBoxParameter.parse("bbox", "40.4,-74.5,41.2,-73.5").areaSqDeg())
                .isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(BoundingBoxParameter.parse("bbox", "0,170,10,-170").areaSqDeg())
                .isCloseTo(200, org.assertj.core.data.Offset.offset(1e-9));
    }
}
