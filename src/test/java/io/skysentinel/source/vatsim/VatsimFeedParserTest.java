package io.skysentinel.source.vatsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AtcLocator;
import io.skysentinel.core.FlightPlan;
import io.skysentinel.core.GridAirportCatalog;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class VatsimFeedParserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final VatsimFeedParser parser = new VatsimFeedParser();

    @Test
    void oneRecordedPilotWithHandComputedUnits() {
        VatsimFeed feed = parser.parse(VatsimRecordings.bytes("vatsim-data-20230807T232929Z-trimmed-1pilot.json"));
        assertThat(feed.updateTimestamp()).isEqualTo("2023-08-07T23:29:29.8856438Z");
        assertThat(feed.pilots()).hasSize(1);
        FeedConverter converter = new FeedConverter(VatsimRecordings.airports(), AtcLocator.NONE);
        Aircraft a = converter.convert(feed).pilots().get(0);
        assertThat(a.id()).isEqualTo("vatsim-893947");
        assertThat(a.icao24()).isNull();
        assertThat(a.source()).isEqualTo("vatsim");
        assertThat(a.callsign()).isEqualTo("PNW57");
        assertThat(a.position().lat()).isEqualTo(35.87588);
        assertThat(a.position().lon()).isEqualTo(-78.79614);
        assertThat(a.altitudeM()).isCloseTo(118.5672, within(1e-9)); // 389 ft x 0.3048
        assertThat(a.geoAltitudeM()).isNull();
        assertThat(a.velocityMps()).isEqualTo(0.0);
        assertThat(a.squawk()).isEqualTo("3406");
        assertThat(a.lastContactUnix()).isEqualTo(1_691_450_965L); // 2023-08-07T23:29:25.62Z
        assertThat(a.timePositionUnix()).isEqualTo(1_691_450_965L);
        assertThat(a.headingDeg()).as("first sighting: no track yet").isNull();
        assertThat(a.verticalRateMps()).isNull();
        assertThat(a.onGround()).as("parked at KRDU (435 ft), groundspeed 0").isTrue();
        assertThat(a.vatsim().cid()).isEqualTo(893947);
        assertThat(a.vatsim().pilotRating()).isEqualTo(0);
        assertThat(a.vatsim().militaryRating()).isEqualTo(0);
        assertThat(a.vatsim().server()).isEqualTo("USA-EAST");
        assertThat(a.vatsim().headingMagneticDeg()).isEqualTo(139.0);
        assertThat(a.vatsim().qnhMb()).isEqualTo(1011.0);
        assertThat(a.vatsim().logonUnix()).isEqualTo(1_691_365_146L); // 2023-08-06T23:39:06.76Z
        FlightPlan fp = a.vatsim().flightPlan();
        assertThat(fp.aircraft()).isEqualTo("A320/M-VGDW/C");
        assertThat(fp.aircraftType()).isEqualTo("A320");
        assertThat(fp.flightRules()).isEqualTo("I");
        assertThat(fp.departure()).isEqualTo("KCMH");
        assertThat(fp.arrival()).isEqualTo("KRDU");
        assertThat(fp.alternate()).isEqualTo("KCLT");
        assertThat(fp.cruiseAltitude()).isEqualTo("31000");
        assertThat(fp.cruiseAltitudeFt()).isEqualTo(31000);
        assertThat(fp.cruiseTasKt()).as("filed as \"0\"").isNull();
        assertThat(fp.departureTime()).isEqualTo("0000");
        assertThat(fp.revision()).isEqualTo(10);
        assertThat(feed.codes().militaryRatings())
                .extracting(c -> c.shortName())
                .contains("M0", "M4");
    }

    @Test
    void aFastPilotOfTheFullFeed() {
        VatsimFeed feed = VatsimRecordings.feed("20230807T232929Z");
        FeedConverter converter = new FeedConverter(GridAirportCatalog.empty(), AtcLocator.NONE);
        Aircraft a = converter.convert(feed).pilots().stream()
                .filter(p -> p.id().equals("vatsim-845775"))
                .findFirst()
                .orElseThrow();
        assertThat(a.callsign()).isEqualTo("FDX375");
        assertThat(a.velocityMps()).isCloseTo(206.2922, within(1e-4)); // 401 kt x 1852 / 3600
        assertThat(a.altitudeM()).isCloseTo(6561.7344, within(1e-9)); // 21528 ft x 0.3048
        assertThat(a.onGround()).isFalse();
        assertThat(a.vatsim().flightPlan().aircraftType()).isEqualTo("B77L");
        assertThat(a.vatsim().flightPlan().cruiseAltitudeFt()).isEqualTo(33000);
    }

    @Test
    void theOldestSchemaWithoutAircraftShortOrMilitaryRatings() {
        VatsimFeed feed = VatsimRecordings.feed("20201203T142357Z");
        assertThat(feed.pilots()).hasSizeGreaterThan(500);
        assertThat(feed.rejected()).isEmpty();
        VatsimFeed.Pilot p = feed.pilots().stream()
                .filter(x -> x.cid() == 1481674)
                .findFirst()
                .orElseThrow();
        assertThat(p.flightPlan().aircraft()).isEqualTo("H/PC24/S");
        assertThat(p.flightPlan().aircraftType()).isEqualTo("PC24");
        assertThat(p.flightPlan().revision()).isNull();
        assertThat(p.militaryRating()).isNull();
        long typed = feed.pilots().stream()
                .filter(x -> x.flightPlan() != null && x.flightPlan().aircraftType() != null)
                .count();
        long planned =
                feed.pilots().stream().filter(x -> x.flightPlan() != null).count();
        assertThat(typed).as("a type derived for nearly every plan").isGreaterThan(planned * 95 / 100);
        assertThat(feed.codes().militaryRatings())
                .as("this feed publishes none")
                .isNull();
        assertThat(feed.codes().pilotRatings()).isNotEmpty().allMatch(c -> c.shortName() != null);
        assertThat(feed.codes().ratings()).extracting(c -> c.shortName()).contains("S1", "C1", "SUP");
        assertThat(feed.codes().facilities()).extracting(c -> c.shortName()).contains("OBS", "TWR", "CTR");
    }

    @Test
    void badEntriesAreCountedAndTheRestIsUsed() {
        byte[] original = VatsimRecordings.bytes("vatsim-data-20230807T232929Z.json");
        int before = parser.parse(original).pilots().size();
        ObjectNode root = (ObjectNode) JSON.readTree(original);
        ArrayNode pilots = (ArrayNode) root.get("pilots");
        ((ObjectNode) pilots.get(0)).put("latitude", 200);
        ((ObjectNode) pilots.get(1)).put("groundspeed", -5);
        ((ObjectNode) pilots.get(2)).remove("cid");
        ((ObjectNode) pilots.get(3)).remove("callsign");
        pilots.add("not a pilot");
        String broken = JSON.writeValueAsString(root);
        VatsimFeed feed = parser.parse(broken.getBytes(StandardCharsets.UTF_8));
        assertThat(feed.rejected())
                .containsEntry("bad_position", 1)
                .containsEntry("bad_groundspeed", 1)
                .containsEntry("missing_cid", 1)
                .containsEntry("missing_callsign", 1)
                .containsEntry("not_an_object", 1);
        assertThat(feed.pilots()).hasSize(before - 4);
    }

    @Test
    void malformedAndTruncatedFeedsThrow() {
        byte[] good = VatsimRecordings.bytes("vatsim-data-20230807T232929Z.json");
        byte[] truncated = Arrays.copyOf(good, good.length / 2);
        assertThatThrownBy(() -> parser.parse(truncated)).isInstanceOf(MalformedFeedException.class);
        assertThatThrownBy(() -> parser.parse("<html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedFeedException.class);
        assertThatThrownBy(() -> parser.parse("{\"pilots\":[]}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedFeedException.class)
                .hasMessageContaining("general");
        assertThatThrownBy(() -> parser.parse(
                        "{\"general\":{\"update_timestamp\":\"yesterday\"}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedFeedException.class);
    }

    @Test
    void statusOfThe2021FormAndWithoutV3() {
        StatusParser status = new StatusParser();
        assertThat(status.v3Urls(VatsimRecordings.bytes("status-20210403.json")))
                .extracting(Object::toString)
                .containsExactly("https://data.vatsim.net/v3/vatsim-data.json");
        assertThatThrownBy(() -> status.v3Urls("{\"data\":{\"v2\":[\"x\"]}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedFeedException.class)
                .hasMessageContaining("v3");
        assertThatThrownBy(() -> status.v3Urls("{\"data\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedFeedException.class);
    }
}
