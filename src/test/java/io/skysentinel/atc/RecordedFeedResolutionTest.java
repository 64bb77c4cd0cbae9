package io.skysentinel.atc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.skysentinel.core.AtcArea;
import io.skysentinel.core.AtcLocator.Location;
import io.skysentinel.testing.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The controllers and ATIS of recorded VATSIM feeds (../shared/data/vatsim, skipped without it) against the shipped
 * reference data: every {@code _CTR} that resolves is placed inside its area, and nearly every staffed position gets
 * an area. The figures are printed for docs/atc.md.
 */
class RecordedFeedResolutionTest {

    static AtcReference ref;

    @BeforeAll
    static void load() {
        ref = AtcReference.load(ReferenceAirports.load().catalog());
    }

    static Path feed(String name) {
        return SharedData.file("vatsim", name);
    }

    /** Staffed positions: observers (facility 0) and pilot-like entries on 199.998 MHz are not positions. */
    static List<JsonNode> positions(Path file) throws Exception {
        JsonNode root = JsonMapper.shared().readTree(file.toFile());
        List<JsonNode> out = new ArrayList<>();
        for (String array : List.of("controllers", "atis")) {
            for (JsonNode c : root.path(array)) {
                boolean observer = c.path("facility").asInt() == 0
                        || "199.998".equals(c.path("frequency").asString());
                if (!observer) out.add(c);
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "vatsim-data-20241121T125725Z.json",
                "vatsim-data-20241122T124840Z.json",
                "vatsim-data-20230731T192533Z.json"
            })
    void centresAreInsideTheirSectorAndNearlyAllPositionsAreLocated(String name) throws Exception {
        Path file = feed(name);
        assumeTrue(file != null, "recorded feed ../shared/data/vatsim/" + name + " is not present");
        Map<String, Integer> byKind = new TreeMap<>();
        List<String> unresolved = new ArrayList<>();
        int centres = 0;
        List<JsonNode> all = positions(file);
        for (JsonNode c : all) {
            String callsign = c.path("callsign").asString();
            Location at = ref.locate(
                    callsign, c.path("facility").asInt(), c.path("visual_range").asDouble());
            if (at == null) {
                unresolved.add(callsign);
                byKind.merge("none", 1, Integer::sum);
                continue;
            }
            byKind.merge(at.area().kind(), 1, Integer::sum);
            if (callsign.endsWith("_CTR")) {
                centres++;
                AreaShape area = ref.area(at.area().kind(), at.area().id()).orElseThrow();
                assertThat(area.contains(at.position()))
                        .as(
                                "%s at %s inside %s %s",
                                callsign,
                                at.position(),
                                at.area().kind(),
                                at.area().id())
                        .isTrue();
                assertThat(at.area().kind()).isIn(AtcArea.FIR, AtcArea.UIR);
            }
        }
        System.out.printf(
                "%s: %d staffed positions, %d _CTR placed inside their sector; by kind %s; unresolved %s%n",
                name, all.size(), centres, byKind, unresolved);
        assertThat(centres).as("the feed has centres that resolve").isPositive();
        int located = all.size() - unresolved.size();
        assertThat(located).as("positions with an area").isGreaterThanOrEqualTo((int) Math.ceil(0.9 * all.size()));
    }
}
