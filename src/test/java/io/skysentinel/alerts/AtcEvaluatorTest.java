package io.skysentinel.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.testing.AtcFixtures;
import io.skysentinel.testing.TestClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AtcEvaluatorTest {

    final List<Alert> alerts = new ArrayList<>();
    final RuleBook book = new RuleBook();
    final AtcEvaluator eval = new AtcEvaluator(book, new TestClock(Instant.parse("2026-12-02T12:00:00Z")), alerts::add);

    @Test
    void onlineFiresOncePerSessionAndEndsWhenItGoesOffline() {
        book.put(Rules.when("{\"atc\": \"online\", \"atc_callsign\": \"EGLL_*\"}", "\"notify_ended\": true"));
        eval.upsert(AtcFixtures.heathrowTower());
        eval.upsert(AtcFixtures.seenAt(AtcFixtures.heathrowTower(), AtcFixtures.FEED_UNIX + 15));
        eval.upsert(AtcFixtures.gatwickGround());
        eval.remove(AtcFixtures.heathrowTower());
        assertThat(alerts)
                .extracting(a -> a.kind().wire() + ":" + a.atc().callsign())
                .containsExactly("fired:EGLL_S_TWR", "ended:EGLL_S_TWR");
        assertThat(alerts.getFirst().atc().name()).as("no personal name").isNull();
    }

    @Test
    void offlineFiresWhenAMatchingPositionLeaves() {
        book.put(Rules.when("{\"atc\": \"offline\", \"atc_callsign\": \"EG*\"}"));
        eval.upsert(AtcFixtures.gatwickGround());
        assertThat(alerts).isEmpty();
        eval.remove(AtcFixtures.gatwickGround());
        assertThat(alerts)
                .extracting(a -> a.atc().callsign())
                .containsExactly(AtcFixtures.gatwickGround().callsign());
    }
}
