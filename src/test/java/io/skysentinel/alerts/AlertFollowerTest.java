package io.skysentinel.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AircraftInfoLookup;
import io.skysentinel.core.Movement;
import io.skysentinel.core.RemovalReason;
import io.skysentinel.core.Update;
import io.skysentinel.testing.TestClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The follower adapter: updates in order, analytics events through the inbox with the flight's latest state. */
class AlertFollowerTest {

    final List<Alert> alerts = new ArrayList<>();
    final RuleBook book = new RuleBook();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final EventInbox inbox = new EventInbox(2, meters);
    final Map<String, Aircraft> picture = new java.util.HashMap<>();
    final AlertFollower follower = new AlertFollower(
            new AlertEvaluator(
                    book,
                    AircraftInfoLookup.NONE,
                    new TestClock(Instant.parse("2026-12-02T12:00:00Z")),
                    alerts::add,
                    100),
            inbox,
            picture::get,
            meters);

    static Aircraft swiss(long t) {
        return Aircraft.adsb("4b1805", "opensky")
                .callsign("SWR12")
                .position(47.46, 8.55)
                .lastContactUnix(t)
                .build();
    }

    @Test
    void updatesAndEventsReachTheirRules() {
        book.put(Rules.when("{\"callsign\": \"SWR*\"}", "\"notify_ended\": true"));
        book.put(Rules.when("{\"event\": \"arrival\", \"airport\": \"LSZH\", \"callsign\": \"SWR*\"}"));
        follower.handle(
                List.of(new Update.Upsert<>(1, swiss(1)), new Update.Removal<>(2, swiss(1), RemovalReason.STALE)));
        assertThat(alerts).extracting(a -> a.kind().wire()).containsExactly("fired", "ended");

        picture.put("4b1805", swiss(5));
        inbox.onMovement(new Movement("LSZH", Movement.Kind.ARRIVAL, 5_000, "4b1805", "SWR12", "14", "opensky"));
        follower.idle();
        assertThat(alerts).hasSize(3);
        assertThat(alerts.getLast().event().kind()).isEqualTo("arrival");
        assertThat(alerts.getLast().flight().callsign()).isEqualTo("SWR12");
    }

    @Test
    void aFullInboxDropsAndCounts() {
        for (int i = 0; i < 3; i++)
            inbox.onMovement(new Movement("LSZH", Movement.Kind.ARRIVAL, i, "4b1805", "SWR12", "14", "opensky"));
        assertThat(meters.get("skysentinel.alerts.events.dropped").counter().count())
                .isEqualTo(1);
    }
}
