package io.skysentinel.api.ws;

import io.skysentinel.core.Aircraft;
import io.skysentinel.wire.FrameEncoder;
import io.skysentinel.wire.WireFormat;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static io.skysentinel.testing.Fixtures.plane;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ViewTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final double TILE = 3;

    static ViewFilter filter(String json) {
        return ViewFilter.parse(JSON.readTree(json), TILE);
    }

    final Aircraft jfk = plane("a00001").at(40.64, -73.78).alt(900).callsign("DAL12").build();
    final Aircraft high = plane("a00002").at(40.9, -74.0).alt(11_000).callsign("UAL9").build();
    final Aircraft london = plane("a00003").at(51.5, -0.1).alt(3_000).callsign("BAW1").build();

    @Test
    void boxesAreRoundedOutToTheTileGridSoNearbyBoxesShareAView() {
        ViewFilter a = filter("{\"bbox\":[40.4,-74.5,41.2,-73.5]}");
        ViewFilter b = filter("{\"bbox\":[39.1,-74.9,41.9,-72.1]}");
        assertThat(a.box()).containsExactly(39, -75, 42, -72);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(filter("{\"bbox\":[40.4,-74.5,41.2,-73.5],\"on_ground\":false}"));
    }

    @Test
    void aBoxAcrossTheAntimeridianStaysOne() {
        ViewFilter f = filter("{\"bbox\":[-20,170,-10,-170]}");
        assertThat(f.matches(plane("b00001").at(-17.7, 178.4).build())).isTrue();
        assertThat(f.matches(plane("b00002").at(-13.8, -171.8).build())).isTrue();
        assertThat(f.matches(plane("b00003").at(-15, 150).build())).isFalse();
    }

    @Test
    void filtersCombineLikeTheRestOnes() {
        ViewFilter f = filter("{\"bbox\":[40,-75,42,-73],\"max_altitude_m\":5000,\"callsign\":\"dal\"}");
        assertThat(List.of(jfk, high, london).stream().filter(f::matches)).containsExactly(jfk);
        assertThat(ViewFilter.parse(null, TILE)).isEqualTo(ViewFilter.ALL);
        assertThat(filter("{}")).isEqualTo(ViewFilter.ALL);
    }

    @Test
    void badFiltersNameTheField() {
        assertThatThrownBy(() -> filter("{\"bbox\":[1,2,3]}")).hasMessageStartingWith("filter.bbox");
        assertThatThrownBy(() -> filter("{\"bbox\":[95,0,96,1]}")).hasMessageStartingWith("filter.bbox");
        assertThatThrownBy(() -> filter("{\"min_altitude_m\":\"low\"}")).hasMessageStartingWith("filter.min_altitude_m");
        assertThatThrownBy(() -> filter("{\"min_altitude_m\":9,\"max_altitude_m\":1}")).hasMessageStartingWith("filter.min_altitude_m");
        assertThatThrownBy(() -> filter("{\"on_ground\":\"yes\"}")).hasMessageStartingWith("filter.on_ground");
        assertThatThrownBy(() -> filter("{\"callsign\":7}")).hasMessageStartingWith("filter.callsign");
        assertThatThrownBy(() -> filter("{\"altitude\":7}")).hasMessageStartingWith("filter.altitude");
        assertThatThrownBy(() -> filter("[1]")).isInstanceOf(ViewFilter.InvalidFilterException.class);
    }

    @Test
    void anAircraftThatLeavesTheFilterIsARemovalAndOneThatEntersAnUpsert() {
        View v = new View(filter("{\"max_altitude_m\":5000}"), List.of(jfk, high, london), 10);
        assertThat(v.size()).isEqualTo(2);
        View.Change c = v.apply(List.of(jfk.toBuilder().altitudeM(6000.0).build(), high.toBuilder().altitudeM(4000.0).build()), List.of());
        assertThat(c.removals()).containsExactly("a00001");
        assertThat(c.upserts()).extracting(Aircraft::icao24).containsExactly("a00002");
        assertThat(v.apply(List.of(), List.of("a00001", "a00003")).removals()).as("only members are removed").containsExactly("a00003");
        assertThat(v.apply(List.of(jfk.toBuilder().altitudeM(7000.0).build()), List.of()).isEmpty()).as("outside and staying outside").isTrue();
    }

    @Test
    void aResetYieldsTheDifference() {
        View v = new View(ViewFilter.ALL, List.of(jfk, high), 1);
        View.Change c = v.reset(List.of(high, london));
        assertThat(c.removals()).containsExactly("a00001");
        assertThat(c.upserts()).extracting(Aircraft::icao24).containsExactlyInAnyOrder("a00002", "a00003");
    }

    @Test
    void theSnapshotFrameIsBuiltOncePerSeqAndFormat() {
        View v = new View(ViewFilter.ALL, List.of(jfk, high), 7);
        FrameEncoder json = FrameEncoder.of(WireFormat.JSON);
        OutFrame first = v.snapshot(json, 1000);
        assertThat(v.snapshot(json, 2000)).as("same seq: the same shared frame").isSameAs(first);
        assertThat(v.snapshot(FrameEncoder.of(WireFormat.MSGPACK), 2000)).isNotSameAs(first);
        v.apply(List.of(london), List.of());
        v.seq++;
        OutFrame second = v.snapshot(json, 3000);
        assertThat(second).isNotSameAs(first);
        JsonNode next = JSON.readTree(((org.springframework.web.socket.TextMessage) second.message()).getPayload());
        assertThat(next.get("seq").asLong()).isEqualTo(1);
        assertThat(next.get("hub_seq").asLong()).isEqualTo(7);
        assertThat(next.get("aircraft").size()).isEqualTo(3);
    }
}
