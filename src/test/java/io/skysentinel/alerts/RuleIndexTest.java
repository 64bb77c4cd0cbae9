package io.skysentinel.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AircraftInfoLookup;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The index may only narrow the rules to those that could match: against a scan of every rule, nothing is missed. */
class RuleIndexTest {

    @Test
    void everyMatchingRuleIsACandidateAndFewOthersAre() {
        SplittableRandom rnd = new SplittableRandom(7);
        List<CompiledRule> rules = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String when = switch (i % 5) {
                case 0 -> "{\"id\": \"" + icao(rnd.nextInt(500)) + "\"}";
                case 1 -> "{\"callsign\": \"" + letters(rnd, 1 + rnd.nextInt(3)) + "*\"}";
                case 2 -> "{\"squawk\": \"" + (7500 + rnd.nextInt(3) * 100) + "\"}";
                case 3 ->
                    String.format(
                            Locale.ROOT,
                            "{\"area\": {\"circle\": [%.3f, %.3f, %d]}}",
                            rnd.nextDouble(40, 50),
                            rnd.nextDouble(0, 10),
                            5 + rnd.nextInt(200));
                default -> "{\"altitude_m\": [" + rnd.nextInt(10_000) + ", null]}";
            };
            rules.add(new CompiledRule(Rules.when(when), 1));
        }
        RuleIndex index = new RuleIndex(rules);
        int stamp = 0;
        long candidates = 0;
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            Aircraft a = Aircraft.adsb(icao(rnd.nextInt(600)), "opensky")
                    .callsign(letters(rnd, 3) + rnd.nextInt(100))
                    .position(rnd.nextDouble(39, 51), rnd.nextDouble(-1, 11))
                    .squawk(rnd.nextInt(10) == 0 ? "7700" : "1000")
                    .altitudeM(rnd.nextDouble(0, 12_000))
                    .lastContactUnix(1)
                    .build();
            Facts f = new Facts(a, AircraftInfoLookup.NONE);
            List<CompiledRule> out = new ArrayList<>();
            index.candidates(f, ++stamp, out);
            candidates += out.size();
            Set<CompiledRule> got = new HashSet<>(out);
            for (CompiledRule r : rules) {
                boolean match = ConditionMatcher.stateMatches(r.when, f)
                        && (r.when.area() == null || ConditionMatcher.inside(r.when, a));
                // a plain check: an AssertJ assertion per match would cost more than the whole scan
                if (match && !got.contains(r)) missed.add(r.rule.whenJson() + " for " + a.id());
            }
        }
        assertThat(missed).isEmpty();
        // Only the 600 altitude rules are residual; the index keeps the rest to a few per state.
        assertThat(candidates / 2000.0).isLessThan(600 + 150);
    }

    static String icao(int n) {
        return String.format(Locale.ROOT, "%06x", 0x300000 + n);
    }

    static String letters(SplittableRandom rnd, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append((char) ('A' + rnd.nextInt(4)));
        return b.toString();
    }
}
