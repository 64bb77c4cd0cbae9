package io.skysentinel.statevector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.EntityIds;
import io.skysentinel.testing.Fuzz;
import io.skysentinel.testing.HostileJson;
import io.skysentinel.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Property-based fuzzing of the OpenSky /states/all parser (issue 13): whatever the body, the parser returns a body or
 * throws {@link MalformedBodyException}, nothing else; what it returns is bounded by the input; every row it leaves out
 * is counted; and a body cut short is never taken for a whole one.
 */
class StateVectorParserFuzzTest {

    static final List<String> KEYS = List.of("time", "states");
    /** A small body of our own, so the properties run where ../shared/data is absent. */
    static final String SYNTHETIC = "{\"time\":1615108010,\"states\":[[\"a715c0\",\"N556AL  \",\"United States\","
            + "1615108009,1615108010,-118.1687,33.8318,6705.6,false,147.34,329.59,0,null,6880.86,\"1040\",false,0],"
            + "[\"34520b\",\"IBE6177 \",\"Spain\",1615107914,1615107914,-118.4161,33.9487,null,true,42.18,84.38,null,"
            + "[1,2],null,\"0704\",false,0,3]]}";

    final StateVectorParser parser = new StateVectorParser();
    final List<JsonNode> seeds = seeds();

    @Test
    void randomBodiesGiveABodyOrTheDeclaredErrorAndEveryRowIsCounted() {
        Fuzz.forAll(500, r -> {
            ObjectNode body = HostileJson.object(r, 2, KEYS);
            if (r.nextBoolean()) body.set("states", randomRows(r));
            if (r.nextBoolean()) body.put("time", 1_700_000_000L + r.nextInt(1000));
            checkTree(body);
        });
    }

    @Test
    void mutatedRecordedBodiesGiveABodyOrTheDeclaredErrorAndEveryRowIsCounted() {
        Fuzz.forAll(500, r -> checkTree(HostileJson.mutate(seeds.get(r.nextInt(seeds.size())), r, KEYS)));
    }

    @Test
    void damagedBytesGiveABodyOrTheDeclaredError() {
        Fuzz.forAll(1_000, r -> {
            byte[] body = switch (r.nextInt(6)) {
                case 0 -> HostileJson.randomBytes(r);
                case 1 -> HostileJson.deepNesting(r);
                default -> HostileJson.corrupt(HostileJson.bytes(seeds.get(r.nextInt(seeds.size()))), r);
            };
            parseBounded(body);
        });
    }

    @Test
    void aBodyCutShortIsNeverTakenForAWholeOne() {
        Fuzz.forAll(300, r -> {
            byte[] whole = HostileJson.bytes(seeds.get(r.nextInt(seeds.size())));
            byte[] cut = Arrays.copyOf(whole, r.nextInt(whole.length));
            assertThatThrownBy(() -> parser.parse(cut, "opensky")).isInstanceOf(MalformedBodyException.class);
        });
    }

    /** The tree's rows are counted independently: every row is either an aircraft or a counted rejection. */
    private void checkTree(JsonNode doc) {
        StatesBody body = parseBounded(HostileJson.bytes(doc));
        if (body == null) return;
        JsonNode states = doc.get("states");
        int rows = states != null && states.isArray() ? states.size() : 0;
        assertThat(body.aircraft().size() + body.rejectedRows()).isEqualTo(rows);
    }

    /** Null when the parser refused the body (with its declared error); else the checks of what it returned. */
    private StatesBody parseBounded(byte[] bytes) {
        StatesBody body;
        try {
            body = parser.parse(bytes, "opensky");
        } catch (MalformedBodyException e) {
            assertThat(e.getMessage()).hasSizeLessThan(1_000);
            return null;
        }
        assertThat(body.aircraft().size()).isLessThanOrEqualTo(bytes.length / 17);
        assertThat(body.rowErrors()).hasSizeLessThanOrEqualTo(5);
        for (String error : body.rowErrors()) assertThat(error).hasSizeLessThan(300);
        for (Aircraft a : body.aircraft()) {
            assertThat(EntityIds.isIcao24(a.icao24())).isTrue();
            if (a.position() != null) {
                assertThat(Math.abs(a.position().lat())).isLessThanOrEqualTo(90);
                assertThat(Math.abs(a.position().lon())).isLessThanOrEqualTo(180);
            }
        }
        return body;
    }

    private static ArrayNode randomRows(Random r) {
        ArrayNode rows = HostileJson.JSON.createArrayNode();
        ArrayNode good =
                (ArrayNode) HostileJson.JSON.readTree(SYNTHETIC).get("states").get(0);
        for (int i = 0; i < r.nextInt(30); i++) {
            ArrayNode row = good.deepCopy();
            for (int k = 0; k < r.nextInt(4); k++) row.set(r.nextInt(row.size()), HostileJson.value(r, 1, KEYS));
            if (r.nextInt(8) == 0) row.add(HostileJson.value(r, 1, KEYS));
            if (r.nextInt(8) == 0) row.remove(r.nextInt(row.size()));
            rows.add(r.nextInt(15) == 0 ? HostileJson.value(r, 2, KEYS) : row);
        }
        return rows;
    }

    /** Recorded bodies (small ones whole, a global one cut to its first 150 rows), and the synthetic one. */
    static List<JsonNode> seeds() {
        List<JsonNode> out = new ArrayList<>();
        out.add(HostileJson.JSON.readTree(SYNTHETIC.getBytes(StandardCharsets.UTF_8)));
        for (String name : List.of(
                "states-lax-20210307-01.json",
                "states-daytona-20220217-extended.json",
                "states-denver-boulder-20210307-01.json",
                "states-global-20251228-01.json")) {
            Path file = SharedData.file("opensky", name);
            if (file == null) continue;
            try {
                ObjectNode doc = (ObjectNode) HostileJson.JSON.readTree(Files.readAllBytes(file));
                ArrayNode states = (ArrayNode) doc.get("states");
                while (states.size() > 150) states.remove(states.size() - 1);
                out.add(doc);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return out;
    }
}
