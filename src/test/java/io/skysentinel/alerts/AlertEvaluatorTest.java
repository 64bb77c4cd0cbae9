package io.skysentinel.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AircraftInfoLookup;
import io.skysentinel.core.AnomalyEvent;
import io.skysentinel.core.Movement;
import io.skysentinel.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The episode and cooldown logic on hand-made tracks: one aircraft, a few states, what fires and what ends. */
class AlertEvaluatorTest {

    final TestClock clock = new TestClock(Instant.parse("2026-12-02T12:00:00Z"));
    final List<Alert> alerts = new ArrayList<>();
    final RuleBook book = new RuleBook();
    final AlertEvaluator eval = new AlertEvaluator(book, AircraftInfoLookup.NONE, clock, alerts::add, 1000);

    static final String ZURICH = "{\"circle\": [47.46, 8.55, 10]}";

    static Aircraft at(String icao, String callsign, double lat, double lon) {
        return Aircraft.adsb(icao, "opensky")
                .callsign(callsign)
                .position(lat, lon)
                .lastContactUnix(1)
                .build();
    }

    static Aircraft outside(String icao) {
        return at(icao, "SWR1", 47.0, 8.55); // ~50 km south
    }

    static Aircraft inside(String icao) {
        return at(icao, "SWR1", 47.46, 8.56);
    }

    AlertRule add(AlertRule r) {
        book.put(r);
        return r;
    }

    List<String> kinds() {
        return alerts.stream().map(a -> a.kind().wire() + ":" + a.subject()).toList();
    }

    void later(int seconds) {
        clock.advance(Duration.ofSeconds(seconds));
    }

    @Test
    void firesOncePerEpisodeAndSaysWhenItEnded() {
        AlertRule r = add(Rules.when("{\"callsign\": \"UAL*\"}", "\"notify_ended\": true"));
        eval.upsert(at("a00001", "UAL1", 40, -74));
        eval.upsert(at("a00001", "UAL1", 40.1, -74));
        eval.upsert(at("a00001", "UAL1", 40.2, -74));
        assertThat(kinds()).containsExactly("fired:a00001");
        eval.upsert(at("a00001", "DAL9", 40.3, -74)); // callsign changed: the condition stops holding
        assertThat(kinds()).containsExactly("fired:a00001", "ended:a00001");
        Alert fired = alerts.getFirst();
        assertThat(fired.ruleId()).isEqualTo(r.id());
        assertThat(fired.flight().callsign()).isEqualTo("UAL1");
        assertThat(alerts.get(1).flight().callsign())
                .as("the state that ended it")
                .isEqualTo("DAL9");
    }

    @Test
    void theCooldownHoldsBackANewEpisodeOfTheSameAircraftOnly() {
        add(Rules.when("{\"callsign\": \"UAL*\"}", "\"cooldown_s\": 600"));
        eval.upsert(at("a00001", "UAL1", 40, -74));
        eval.remove(at("a00001", "UAL1", 40, -74));
        later(300);
        eval.upsert(at("a00001", "UAL1", 40, -74)); // back within the cooldown: silent
        eval.upsert(at("a00002", "UAL2", 40, -74)); // another aircraft: its own episode
        assertThat(kinds()).containsExactly("fired:a00001", "fired:a00002");
        eval.remove(at("a00001", "UAL1", 40, -74));
        later(301);
        eval.upsert(at("a00001", "UAL1", 40, -74));
        assertThat(kinds()).containsExactly("fired:a00001", "fired:a00002", "fired:a00001");
    }

    @Test
    void anEpisodeStartedInTheCooldownEndsSilently() {
        add(Rules.when("{\"callsign\": \"UAL*\"}", "\"cooldown_s\": 600", "\"notify_ended\": true"));
        eval.upsert(at("a00001", "UAL1", 40, -74));
        eval.upsert(at("a00001", "XXX1", 40, -74));
        eval.upsert(at("a00001", "UAL1", 40, -74));
        eval.upsert(at("a00001", "XXX1", 40, -74));
        assertThat(kinds()).containsExactly("fired:a00001", "ended:a00001");
    }

    @Test
    void aRemovalEndsTheEpisode() {
        add(Rules.when("{\"squawk\": \"7700\"}", "\"notify_ended\": true"));
        Aircraft a = at("a00001", "UAL1", 40, -74).toBuilder().squawk("7700").build();
        eval.upsert(a);
        eval.remove(a);
        assertThat(kinds()).containsExactly("fired:a00001", "ended:a00001");
    }

    @Test
    void enterFiresOnTheCrossingOnly() {
        add(Rules.when("{\"area\": " + ZURICH + ", \"transition\": \"enter\"}", "\"cooldown_s\": 0"));
        eval.upsert(inside("a00001")); // first seen inside: no crossing seen
        eval.upsert(outside("a00002"));
        eval.upsert(inside("a00002")); // crossed in
        eval.upsert(inside("a00002"));
        assertThat(kinds()).containsExactly("fired:a00002");
        eval.upsert(outside("a00002"));
        eval.upsert(inside("a00002")); // in again: a new episode (cooldown 0)
        eval.upsert(outside("a00001"));
        eval.upsert(inside("a00001"));
        assertThat(kinds()).containsExactly("fired:a00002", "fired:a00002", "fired:a00001");
    }

    @Test
    void enterAfterAReappearanceIsNotACrossing() {
        add(Rules.when("{\"area\": " + ZURICH + ", \"transition\": \"enter\"}"));
        eval.upsert(outside("a00001"));
        eval.remove(outside("a00001"));
        eval.upsert(inside("a00001"));
        assertThat(alerts).isEmpty();
    }

    @Test
    void aRuleCreatedWhileTheAircraftIsInsideDoesNotSeeACrossing() {
        eval.upsert(outside("a00001"));
        eval.upsert(inside("a00001"));
        AlertRule first = add(Rules.when("{\"area\": " + ZURICH + ", \"transition\": \"enter\"}"));
        eval.upsert(inside("a00001"));
        assertThat(alerts).isEmpty();
        book.remove(first.id());
        eval.upsert(outside("a00002"));
        add(Rules.when("{\"area\": " + ZURICH + ", \"transition\": \"enter\"}"));
        eval.upsert(inside("a00002")); // seen outside, but before the rule existed: unknown
        assertThat(alerts).isEmpty();
    }

    @Test
    void leaveFiresWhenSeenInsideThenOutside() {
        add(Rules.when("{\"area\": " + ZURICH + ", \"transition\": \"leave\"}", "\"notify_ended\": true"));
        eval.upsert(outside("a00001"));
        eval.upsert(inside("a00001"));
        assertThat(alerts).isEmpty();
        eval.upsert(at("a00001", "SWR1", 30, 8)); // far away: outside the rule's grid cells too
        assertThat(kinds()).containsExactly("fired:a00001");
        eval.remove(at("a00001", "SWR1", 30, 8));
        assertThat(kinds()).containsExactly("fired:a00001", "ended:a00001");
    }

    @Test
    void insideHoldsWhileInsideAndCombinesWithOtherFields() {
        add(Rules.when("{\"area\": " + ZURICH + ", \"altitude_m\": [null, 1000]}", "\"notify_ended\": true"));
        eval.upsert(inside("a00001").toBuilder().altitudeM(2000.0).build());
        eval.upsert(inside("a00001").toBuilder().altitudeM(900.0).build());
        eval.upsert(outside("a00001").toBuilder().altitudeM(900.0).build());
        assertThat(kinds()).containsExactly("fired:a00001", "ended:a00001");
    }

    @Test
    void aStateWithoutPositionChangesNoAreaEpisode() {
        add(Rules.when("{\"area\": " + ZURICH + "}", "\"notify_ended\": true"));
        eval.upsert(inside("a00001"));
        eval.upsert(Aircraft.adsb("a00001", "opensky")
                .callsign("SWR1")
                .lastContactUnix(2)
                .build());
        assertThat(kinds()).containsExactly("fired:a00001");
    }

    @Test
    void eventRulesFireOnTheEventAtTheAirportWithACooldownPerAircraft() {
        add(Rules.when("{\"event\": \"go_around\", \"airport\": \"KJFK\"}"));
        add(Rules.when("{\"event\": \"arrival\", \"airport\": \"LSZH\", \"callsign\": \"SWR*\"}"));
        AnomalyEvent jfk =
                new AnomalyEvent("go_around", 5, "a00001", "DAL1", 40.6, -73.8, 300, Map.of("airport", "KJFK"));
        AnomalyEvent lga =
                new AnomalyEvent("go_around", 5, "a00002", "DAL2", 40.7, -73.9, 300, Map.of("airport", "KLGA"));
        eval.event(AlertEvent.of(jfk), null);
        eval.event(AlertEvent.of(jfk), null); // the same aircraft again: cooling down
        eval.event(AlertEvent.of(lga), null);
        assertThat(kinds()).containsExactly("fired:a00001");
        assertThat(alerts.getFirst().event().details()).containsEntry("airport", "KJFK");
        Movement landed = new Movement("LSZH", Movement.Kind.ARRIVAL, 9, "4b1805", "SWR12", "14", "opensky");
        eval.event(AlertEvent.of(landed), null); // the rule names the callsign: no state known, no match
        eval.event(AlertEvent.of(landed), at("4b1805", "SWR12", 47.46, 8.55));
        assertThat(kinds()).containsExactly("fired:a00001", "fired:4b1805");
        assertThat(alerts.getLast().event().airport()).isEqualTo("LSZH");
    }

    @Test
    void aDeletedRuleStopsAndAChangedRuleStartsOver() {
        AlertRule r = add(Rules.when("{\"callsign\": \"UAL*\"}", "\"cooldown_s\": 600"));
        eval.upsert(at("a00001", "UAL1", 40, -74));
        book.put(new AlertRule(r.id(), "renamed", r.whenJson(), r.when(), r.deliver(), 600, false, null, 0, 0));
        eval.upsert(at("a00001", "UAL1", 40, -74));
        assertThat(alerts).extracting(Alert::ruleName).containsExactly("t", "renamed");
        book.remove(r.id());
        eval.upsert(at("a00002", "UAL2", 40, -74));
        assertThat(alerts).hasSize(2);
    }

    @Test
    void theTrackedAircraftAreBounded() {
        AlertEvaluator small = new AlertEvaluator(book, AircraftInfoLookup.NONE, clock, alerts::add, 2);
        for (String icao : List.of("a00001", "a00002", "a00003")) small.upsert(outside(icao));
        assertThat(small.tracked()).isEqualTo(2);
        assertThat(small.evicted()).isEqualTo(1);
    }
}
