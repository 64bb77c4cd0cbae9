package io.skysentinel.source.opensky;

import static io.skysentinel.source.opensky.StatesBodies.body;
import static io.skysentinel.source.opensky.StatesBodies.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.skysentinel.core.SourceBatch;
import io.skysentinel.source.opensky.TwoPaths.Outcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Same rule for the same data": a replayed recording and the OpenSky poller apply the same stale-on-arrival rule to
 * identical bodies, on the first pass and after the replay loops. Each set of bodies goes through both paths into a
 * hub of its own ({@link TwoPaths}): the replay plays the recording twice (looping shifts every time forward), the
 * poller is served the same bodies and then the same bodies shifted as the loop shifted them. Every batch must end
 * the same way in both (accepted, stale on arrival, unchanged, out of order, removed: by id), and the looped pass
 * must find stale on arrival, accept and ignore exactly what the first pass did (it may remove more: the first pass's
 * last aircraft age out as it starts). The test lives in the poller's package for PollCycle; the package rules hold
 * main code only, so it may use the replay source too.
 */
class SameRuleForTheSameDataTest {

    @TempDir
    Path tmp;

    @Test
    void syntheticBodiesCoverEveryOutcome() throws Exception {
        List<String> bodies = List.of(
                body(
                        1000,
                        List.of(
                                row("a00001", 1000L, 1000, 46, 7),
                                row("b00002", 930L, 930, 46, 8),
                                row("c00003", 995L, 995, 47, 7))),
                // c unchanged; b still 70 s old; d new
                body(
                        1010,
                        List.of(
                                row("a00001", 1010L, 1010, 46.1, 7),
                                row("b00002", 930L, 930, 46, 8),
                                row("c00003", 995L, 995, 47, 7),
                                row("d00004", 1009L, 1009, 47, 8))),
                // a late body: a goes back in time; e is 57 s older than its body but 62 s older than the source clock
                body(1005, List.of(row("a00001", 1005L, 1005, 46.05, 7), row("e00005", 948L, 948, 45, 9))),
                // 70 s on: a, c and d age out
                body(1080, List.of(row("f00006", null, 1080, 45, 6))));

        List<Outcome> replay = holdsTheSameRule(bodies);

        assertThat(replay.subList(0, 4))
                .containsExactly(
                        new Outcome(List.of("a00001", "c00003"), Set.of("b00002"), 0, 0, List.of()),
                        new Outcome(List.of("a00001", "d00004"), Set.of("b00002"), 1, 0, List.of()),
                        new Outcome(List.of(), Set.of("e00005"), 0, 1, List.of()),
                        new Outcome(
                                List.of("f00006"),
                                Set.of(),
                                0,
                                0,
                                List.of("a00001:stale", "c00003:stale", "d00004:stale")));
        assertThat(replay.subList(4, 8)).as("the looped pass, state for state").isEqualTo(replay.subList(0, 4));
    }

    @Test
    void threeRealPollsOfLosAngeles() throws Exception {
        String[] files = {"states-lax-20210307-01.json", "states-lax-20210307-02.json", "states-lax-20210307-03.json"};
        Path dir = StatesBodies.sharedData(files);
        assumeTrue(dir != null, "shared OpenSky data (../shared/data/opensky) is absent");
        List<Outcome> replay = holdsTheSameRule(StatesBodies.read(dir, files));
        assertThat(staleOnArrival(replay.subList(0, 3))).isEqualTo(2); // 96 s and 112 s old when polled
    }

    @Test
    void threeRealGlobalBodies() throws Exception {
        String[] files = {
            "states-global-20211017-01.json", "states-global-20220408-extended.json", "states-global-20251228-01.json"
        };
        Path dir = StatesBodies.sharedData(files);
        assumeTrue(dir != null, "shared OpenSky data (../shared/data/opensky) is absent");
        List<Outcome> replay = holdsTheSameRule(StatesBodies.read(dir, files));
        // OpenSky lists a state for ~300 s after its last contact: about a tenth of each body is stale on arrival.
        assertThat(staleOnArrival(replay.subList(0, 3))).isEqualTo(562 + 445 + 678);
    }

    @Test
    void bodiesRebuiltFromRecordedSwissPolls() throws Exception {
        String file = "polls-switzerland-20250909-reduced.json";
        Path dir = StatesBodies.sharedData(file);
        assumeTrue(dir != null, "shared OpenSky data (../shared/data/opensky) is absent");
        List<String> bodies = StatesBodies.switzerland(dir.resolve(file), 10);
        List<Outcome> replay = holdsTheSameRule(bodies);
        assertThat(staleOnArrival(replay.subList(0, bodies.size()))).isPositive();
    }

    /**
     * Replays the bodies as a looping recording for two passes, serves the poller the same bodies and then the same
     * shifted as the loop shifted them, and holds the two to the same outcome batch for batch.
     *
     * @return the replay's outcomes, both passes
     */
    private List<Outcome> holdsTheSameRule(List<String> bodies) throws Exception {
        int n = bodies.size();
        List<SourceBatch> replayed = Collections.synchronizedList(new ArrayList<>());
        List<Outcome> replay = TwoPaths.viaReplay(StatesBodies.recording(tmp, bodies), 2 * n, replayed);
        long shiftS = (replayed.get(n).observedAtMs() - replayed.get(0).observedAtMs()) / 1000;
        assertThat(shiftS).as("the loop moves time forward").isPositive();

        List<String> served = new ArrayList<>(bodies);
        for (String b : bodies) served.add(StatesBodies.shifted(b, shiftS));
        List<Outcome> poller = TwoPaths.viaPoller(served);

        for (int i = 0; i < 2 * n; i++) {
            assertThat(poller.get(i))
                    .as("batch %d of %d (pass %d)", i, 2 * n, i / n)
                    .isEqualTo(replay.get(i));
        }
        for (int i = 0; i < n; i++) {
            Outcome first = replay.get(i);
            Outcome looped = replay.get(n + i);
            assertThat(looped.staleOnArrival())
                    .as("stale on arrival in the looped pass, body %d", i)
                    .isEqualTo(first.staleOnArrival());
            assertThat(looped.accepted())
                    .as("accepted in the looped pass, body %d", i)
                    .isEqualTo(first.accepted());
            assertThat(looped.unchanged()).as("unchanged, body %d", i).isEqualTo(first.unchanged());
            assertThat(looped.outOfOrder()).as("out of order, body %d", i).isEqualTo(first.outOfOrder());
            // The first pass's last aircraft age out as the looped pass starts: removals may only add to the first's.
            assertThat(looped.removed())
                    .as("removed in the looped pass, body %d", i)
                    .containsAll(first.removed());
        }
        return replay;
    }

    private static int staleOnArrival(List<Outcome> outcomes) {
        return outcomes.stream().mapToInt(o -> o.staleOnArrival().size()).sum();
    }
}
