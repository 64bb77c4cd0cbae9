package io.skysentinel.statevector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skysentinel.core.Aircraft;
import io.skysentinel.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StateVectorParserTest {

    final StateVectorParser parser = new StateVectorParser();

    static final String ROW17 =
            "[\"a0b1c2\",\"UAL601  \",\"United States\",1766888050,1766888055,-73.78,40.64,3048.0,false,"
                    + "120.5,271.3,-5.2,null,3100.0,\"1200\",false,0]";
    static final String ROW18 = "[\"4B1805\",\"SWR1   \",\"Switzerland\",1766888050,1766888056,8.55,47.45,null,true,"
            + "4.1,160.0,null,[1,2],null,\"7700\",true,2,6]";

    StatesBody parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8), "opensky");
    }

    static String body(String... rows) {
        return "{\"time\":1766888059,\"states\":[" + String.join(",", rows) + "]}";
    }

    @Test
    void seventeenColumnsMapEveryField() {
        Aircraft a = parse(body(ROW17)).aircraft().getFirst();
        assertThat(a.icao24()).isEqualTo("a0b1c2");
        assertThat(a.callsign()).isEqualTo("UAL601");
        assertThat(a.originCountry()).isEqualTo("United States");
        assertThat(a.timePositionUnix()).isEqualTo(1766888050L);
        assertThat(a.lastContactUnix()).isEqualTo(1766888055L);
        assertThat(a.position().lon()).isEqualTo(-73.78);
        assertThat(a.position().lat()).isEqualTo(40.64);
        assertThat(a.altitudeM()).isEqualTo(3048.0);
        assertThat(a.onGround()).isFalse();
        assertThat(a.velocityMps()).isEqualTo(120.5);
        assertThat(a.headingDeg()).isEqualTo(271.3);
        assertThat(a.verticalRateMps()).isEqualTo(-5.2);
        assertThat(a.opensky().sensors()).isNull();
        assertThat(a.geoAltitudeM()).isEqualTo(3100.0);
        assertThat(a.squawk()).isEqualTo("1200");
        assertThat(a.spi()).isFalse();
        assertThat(a.opensky().positionSource()).isZero();
        assertThat(a.category()).isNull();
        assertThat(a.source()).isEqualTo("opensky");
    }

    @Test
    void eighteenColumnsAddCategoryAndNullsStayNull() {
        Aircraft a = parse(body(ROW18)).aircraft().getFirst();
        assertThat(a.icao24()).as("lower-cased").isEqualTo("4b1805");
        assertThat(a.category()).isEqualTo(6);
        assertThat(a.altitudeM()).isNull();
        assertThat(a.verticalRateMps()).isNull();
        assertThat(a.onGround()).isTrue();
        assertThat(a.opensky().sensors()).containsExactly(1, 2);
        assertThat(a.emergency()).isTrue();
        assertThat(a.opensky().positionSource()).isEqualTo(2);
    }

    @Test
    void blankCallsignAndMissingPositionBecomeNull() {
        String row =
                "[\"abcdef\",\"        \",\"Canada\",null,1766888055,null,null,null,false,null,null,null,null,null,"
                        + "null,false,0]";
        Aircraft a = parse(body(row)).aircraft().getFirst();
        assertThat(a.callsign()).isNull();
        assertThat(a.position()).isNull();
        assertThat(a.squawk()).isNull();
        assertThat(a.timePositionUnix()).isNull();
    }

    @Test
    void nullStatesIsAnEmptyPicture() {
        StatesBody b = parse("{\"time\":1766888059,\"states\":null}");
        assertThat(b.aircraft()).isEmpty();
        assertThat(b.timeUnix()).isEqualTo(1766888059L);
    }

    @Test
    void badRowsAreSkippedAndCountedWhileGoodRowsSurvive() {
        String shortRow = "[\"abcdef\",\"X\",\"Y\",1,2,3,4]";
        String wrongType = ROW17.replace("-73.78", "\"-73.78\"");
        String badIcao = ROW17.replace("a0b1c2", "zzzzzz");
        String badSensor = ROW18.replace("[1,2]", "[1,\"x\",[3],4]");
        String hugeInt = ROW17.replace("1766888050", "123456789012345678901234567890");
        String outOfRange = ROW17.replace("40.64", "95.0");
        StatesBody b = parse(body(shortRow, ROW17, wrongType, badIcao, badSensor, hugeInt, outOfRange, ROW18));
        assertThat(b.aircraft()).extracting(Aircraft::id).containsExactly("a0b1c2", "4b1805");
        assertThat(b.rejectedRows()).isEqualTo(6);
        assertThat(b.rowErrors())
                .hasSize(5)
                .first()
                .asString()
                .contains("row 1")
                .contains("7 columns");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "[]",
                "{\"time\":1766888059,\"states\":[[\"abcdef\",\"X\"",
                "{\"time\":\"soon\",\"states\":[]}",
                "{\"states\":[]}",
                "{\"time\":1766888059,\"states\":{}}",
                "{\"time\":1766888059,\"states\":[]} trailing",
                "<html>502 Bad Gateway</html>",
            })
    void aBrokenBodyIsRejectedWhole(String json) {
        assertThatThrownBy(() -> parse(json)).isInstanceOf(MalformedBodyException.class);
    }

    /** Found by the source work: one bad value inside a row must cost that row only, never the body. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "[\"abc124\",\"X\",\"C\",1,2,10.0,50.0,100.0,false,1.0,2.0,3.0,[1,\"x\"],4.0,\"1234\",false,0]",
                "[\"abc125\",\"X\",\"C\",1,2,10.0,50.0,100.0,false,1.0,2.0,3.0,[{\"a\":1},2],4.0,\"1234\",false,0]",
                "[\"abc126\",\"X\",\"C\",1,99999999999999999999999,10.0,50.0,100.0,false,1.0,2.0,3.0,null,4.0,"
                        + "\"1234\",false,0]",
                "[\"abc128\",\"X\",\"C\",1,2,10.0,50.0,100.0,false,1.0,2.0,3.0,[99999999999],4.0,\"1234\",false,0]"
            })
    void aBadValueInsideARowSkipsThatRowOnly(String badRow) {
        String good = "[\"abc123\",\"X  \",\"C\",1,2,10.0,50.0,100.0,false,1.0,2.0,3.0,null,4.0,\"1234\",false,0]";
        StatesBody parsed = parse(body(good, badRow, good.replace("abc123", "abc127")));
        assertThat(parsed.aircraft()).extracting(Aircraft::id).containsExactly("abc123", "abc127");
        assertThat(parsed.rejectedRows()).isEqualTo(1);
    }

    /** Real recorded OpenSky bodies (../shared/data/opensky); skipped where the data is not present. */
    @Test
    void realRecordedBodiesParseCompletely() throws IOException {
        Path dir = SharedData.dir("opensky");
        Assumptions.assumeTrue(dir != null, "recorded OpenSky data not present; skipping");
        record Expect(String file, int states, boolean extended) {}
        for (Expect e : List.of(
                new Expect("states-global-20211017-01.json", 5485, false),
                new Expect("states-global-20220408-extended.json", 4181, true),
                new Expect("states-global-20251228-01.json", 6553, false),
                new Expect("states-conus-bbox-20250131-01.json", 6109, false))) {
            StatesBody b = parser.parse(Files.readAllBytes(dir.resolve(e.file())), "opensky");
            assertThat(b.aircraft().size() + b.rejectedRows()).as(e.file()).isEqualTo(e.states());
            assertThat(b.rejectedRows()).as(e.file() + " " + b.rowErrors()).isZero();
            assertThat(b.aircraft().stream().anyMatch(a -> a.category() != null))
                    .as(e.file())
                    .isEqualTo(e.extended());
            assertThat(b.aircraft())
                    .allSatisfy(a -> assertThat(a.callsign() == null
                                    || a.callsign().equals(a.callsign().strip()))
                            .isTrue());
        }
    }
}
