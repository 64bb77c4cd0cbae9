package io.skysentinel.api.ws;

import static io.skysentinel.testing.Fixtures.plane;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.BoundingBox;
import io.skysentinel.wire.FrameEncoder;
import io.skysentinel.wire.WireFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ViewTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final double TILE = 3;

    static ViewFilter filter(String json) {
        return ViewFilter.parse(JSON.readTree(json), TILE);
    }

    final Aircraft jfk =
            plane("a00001").at(40.64, -73.78).alt(900).callsign("DAL12").build();
    final Aircraft high =
            plane("a00002").at(40.9, -74.0).alt(11_000).callsign("UAL9").build();
    final Aircraft london =
            plane("a00003").at(51.5, -0.1).alt(3_000).callsign("BAW1").build();

    @Test
    void boxesAreRoundedOutToTheTileGridSoNearbyBoxesShareAView() {
        ViewFilter a = filter("{\"bbox\":[40.4,-74.5,41.2,-73.5]}");
        ViewFilter b = filter("{\"bbox\":[39.1,-74.9,41.9,-72.1]}");
        assertThat(a.box()).isEqualTo(new BoundingBox(39, -75, 42, -72));
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
    void aBoxAcrossTheAntimeridianWhoseEdgesShareATileCoversEveryLongitude() {
        ViewFilter f = filter("{\"bbox\":[0,179,10,178.5]}"); // all but 178.5..179: rounded out, the whole band
        assertThat(f.box()).isEqualTo(new BoundingBox(0, -180, 12, 180));
        assertThat(f.matches(plane("b00004").at(5, 0).build())).isTrue();
        assertThat(f.matches(plane("b00005").at(5, 178.7).build())).isTrue();
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
        assertThatThrownBy(() -> filter("{\"min_altitude_m\":\"low\"}"))
                .hasMessageStartingWith("filter.min_altitude_m");
        assertThatThrownBy(() -> filter("{\"min_altitude_m\":9,\"max_altitude_m\":1}"))
                .hasMessageStartingWith("filter.min_altitude_m");
        assertThatThrownBy(() -> filter("{\"on_ground\":\"yes\"}")).hasMessageStartingWith("filter.on_ground");
        assertThatThrownBy(() -> filter("{\"callsign\":7}")).hasMessageStartingWith("filter.callsign");
        assertThatThrownBy(() -> filter("{\"altitude\":7}")).hasMessageStartingWith("filter.altitude");
        assertThatThrownBy(() -> filter("[1]")).isInstanceOf(ViewFilter.InvalidFilterException.class);
    }

    static TiledPicture picture(Aircraft... aircraft) {
        TiledPicture p = new TiledPicture(new TileGrid(TILE));
        p.reset(List.of(aircraft));
        return p;
    }

    @Test
    void anAircraftThatLeavesTheFilterIsARemovalAndOneThatEntersAnUpsert() {
        TiledPicture p = picture(jfk, high, london);
        View v = new View(filter("{\"max_altitude_m\":5000}"), p, 10);
        assertThat(v.size()).isEqualTo(2);
        View.Change c = v.apply(p.apply(
                List.of(),
                List.of(
                        jfk.toBuilder().altitudeM(6000.0).build(),
                        high.toBuilder().altitudeM(4000.0).build())));
        assertThat(c.removals()).containsExactly("a00001");
        assertThat(c.upserts()).extracting(Aircraft::id).containsExactly("a00002");
        assertThat(v.apply(p.apply(List.of("a00001", "a00003"), List.of())).removals())
                .as("only members are removed")
                .containsExactly("a00003");
        assertThat(v.apply(p.apply(
                                List.of(),
                                List.of(jfk.toBuilder().altitudeM(7000.0).build())))
                        .isEmpty())
                .as("new, outside and staying outside")
                .isTrue();
        assertThat(v.size()).isEqualTo(1);
    }

    @Test
    void aBoxedViewSeesMovesAcrossItsEdgeAndWithinItOnce() {
        TiledPicture p = picture(jfk, london);
        View ny = new View(filter("{\"bbox\":[39,-75,42,-69]}"), p, 1); // two tiles wide
        assertThat(ny.size()).isEqualTo(1);
        View.Change within = ny.apply(
                p.apply(List.of(), List.of(jfk.toBuilder().position(40.7, -70.5).build())));
        assertThat(within.upserts())
                .extracting(Aircraft::id)
                .as("moved to the next tile, still inside")
                .containsExactly("a00001");
        assertThat(within.removals()).isEmpty();
        View.Change in = ny.apply(
                p.apply(List.of(), List.of(london.toBuilder().position(41, -72).build())));
        assertThat(in.upserts()).extracting(Aircraft::id).containsExactly("a00003");
        View.Change out = ny.apply(p.apply(
                List.of(),
                List.of(
                        jfk.toBuilder().position(45, -70.5).build(),
                        plane("a00009").noPosition().build()))); // one leaves; one has no position
        assertThat(out.removals()).containsExactly("a00001");
        assertThat(out.upserts()).isEmpty();
        assertThat(ny.size()).isEqualTo(1);
    }

    /**
     * Random ticks: a client applying each Change must always hold exactly what the filter selects from the picture.
     */
    @Test
    void deltasRebuildExactlyTheFilteredPictureWhateverMoves() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        List<ViewFilter> filters = List.of(
                ViewFilter.ALL,
                filter("{\"bbox\":[-20,170,-10,-170]}"),
                filter("{\"bbox\":[-10,-10,10,10],\"min_altitude_m\":3000}"),
                filter("{\"bbox\":[84,-180,90,180]}"),
                filter("{\"on_ground\":true}"));
        TiledPicture p = picture();
        List<View> views = filters.stream().map(f -> new View(f, p, 0)).toList();
        List<java.util.Map<String, Aircraft>> clients = filters.stream()
                .map(f -> (java.util.Map<String, Aircraft>) new java.util.HashMap<String, Aircraft>())
                .toList();
        java.util.Map<String, Aircraft> truth = new java.util.HashMap<>();
        int[] removalsSeen = new int[filters.size()];
        for (int tick = 0; tick < 300; tick++) {
            List<Aircraft> ups = new java.util.ArrayList<>();
            List<String> gone = new java.util.ArrayList<>();
            for (int k = 0; k < 20; k++) {
                String id = String.format("c%05x", r.nextInt(60));
                if (r.nextInt(10) == 0) {
                    ups.removeIf(x -> x.id().equals(id));
                    if (truth.remove(id) != null && !gone.contains(id)) gone.add(id);
                    continue;
                }
                // clustered near tile edges, poles and the antimeridian so crossings are frequent
                double lat = r.nextInt(4) == 0
                        ? 84 + r.nextDouble() * 6
                        : -15 + r.nextDouble() * 30 * (r.nextBoolean() ? 1 : -0.3);
                double lon = r.nextBoolean()
                        ? 175 + r.nextDouble() * 5
                        : -180 + r.nextDouble() * 12 * (r.nextBoolean() ? 1 : 16);
                var b = plane(id).alt(r.nextInt(6000)).at(lat, Math.max(-180, Math.min(180, lon)));
                if (r.nextInt(5) == 0) b.onGround();
                if (r.nextInt(15) == 0) b.noPosition();
                Aircraft a = b.build();
                gone.remove(id);
                ups.removeIf(x -> x.id().equals(id));
                ups.add(a);
                truth.put(id, a);
            }
            TiledPicture.Tick t = p.apply(gone, ups);
            for (int i = 0; i < views.size(); i++) {
                View.Change c = views.get(i).apply(t);
                removalsSeen[i] += c.removals().size();
                c.removals().forEach(clients.get(i)::remove);
                for (Aircraft a : c.upserts()) clients.get(i).put(a.icao24(), a);
                ViewFilter f = filters.get(i);
                java.util.Map<String, Aircraft> expected = new java.util.HashMap<>();
                truth.values().stream().filter(f::matches).forEach(a -> expected.put(a.icao24(), a));
                assertThat(clients.get(i)).as("view %s at tick %d", f, tick).isEqualTo(expected);
                assertThat(views.get(i).size()).isEqualTo(expected.size());
            }
        }
        assertThat(java.util.Arrays.stream(removalsSeen).min().orElse(0))
                .as("every view saw aircraft leave it, so the test exercised removals")
                .isGreaterThan(10);
    }

    @Test
    void theSnapshotFrameIsBuiltOncePerSeqAndFormat() {
        TiledPicture p = picture(jfk, high);
        View v = new View(ViewFilter.ALL, p, 7);
        FrameEncoder json = FrameEncoder.of(WireFormat.JSON);
        OutFrame first = v.snapshot(json, 1000);
        assertThat(v.snapshot(json, 2000)).as("same seq: the same shared frame").isSameAs(first);
        assertThat(v.snapshot(FrameEncoder.of(WireFormat.MSGPACK), 2000)).isNotSameAs(first);
        v.apply(p.apply(List.of(), List.of(london)));
        v.seq++;
        OutFrame second = v.snapshot(json, 3000);
        assertThat(second).isNotSameAs(first);
        JsonNode next = JSON.readTree(((org.springframework.web.socket.TextMessage) second.message()).getPayload());
        assertThat(next.get("seq").asLong()).isEqualTo(1);
        assertThat(next.get("hub_seq").asLong()).isEqualTo(7);
        assertThat(next.get("aircraft").size()).isEqualTo(3);
    }

    @Test
    void theAircraftFieldsFilterByWhoTheAircraftIs() {
        Aircraft swiss = jfk.withAircraft(new io.skysentinel.core.AircraftInfo(
                "HB-JNA", "B77W", "Boeing", "777-3DEER", "Swiss", "SWR", 2015, "H", 2, "jet", "landplane", null));
        Aircraft unknown = high;
        ViewFilter byType = filter("{\"type\":\"b77w,a388\"}");
        assertThat(List.of(swiss, unknown).stream().filter(byType::matches)).containsExactly(swiss);
        assertThat(filter("{\"registration\":\"hbj\"}").matches(swiss)).isTrue();
        assertThat(filter("{\"registration\":\"HB-K\"}").matches(swiss)).isFalse();
        assertThat(filter("{\"operator\":\"swr\"}").matches(swiss)).isTrue();
        assertThat(filter("{\"operator\":\"wis\"}").matches(swiss))
                .as("part of the name")
                .isTrue();
        assertThat(filter("{\"operator\":\"DLH\"}").matches(swiss)).isFalse();
        assertThat(filter("{\"operator\":\"SWR\"}").matches(unknown)).isFalse();
        assertThat(byType).isEqualTo(filter("{\"type\":\"A388, B77W\"}")).as("one view for the same set");
        assertThatThrownBy(() -> filter("{\"type\":\"BOEING-777\"}"))
                .isInstanceOf(ViewFilter.InvalidFilterException.class)
                .hasMessageContaining("filter.type");
        assertThatThrownBy(() -> filter("{\"registration\":5}")).hasMessageContaining("filter.registration");
    }
}
