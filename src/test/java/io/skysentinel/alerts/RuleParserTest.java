package io.skysentinel.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skysentinel.alerts.Condition.Transition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleParserTest {

    @Test
    void readsTheIssuesExample() {
        AlertRule r = Rules.of("{\"name\": \"united\", \"when\": {\"callsign\": \"UAL*\"},"
                + " \"deliver\": {\"webhook\": \"http://host/hook\", \"secret\": \"s3\"}, \"cooldown_s\": 600}");
        assertThat(r.name()).isEqualTo("united");
        assertThat(r.when().callsign().literalPrefix()).isEqualTo("UAL");
        assertThat(r.deliver().webhook()).hasToString("http://host/hook");
        assertThat(r.deliver().secret()).isEqualTo("s3");
        assertThat(r.deliver().format()).isEqualTo(Delivery.Format.JSON);
        assertThat(r.cooldownS()).isEqualTo(600);
        assertThat(r.whenJson()).isEqualTo("{\"callsign\":\"UAL*\"}");
    }

    @Test
    void readsEveryConditionField() {
        Condition c = Rules.when("{\"id\": [\"vatsim-1\", \"4B1805\"], \"registration\": \"HB-J*\", \"type\": \"a388\","
                        + " \"category\": [8], \"operator\": \"swr\", \"squawk\": [\"7700\", 7600],"
                        + " \"source\": \"OpenSky\","
                        + " \"altitude_m\": [null, 3000], \"velocity_mps\": [50, 300], \"on_ground\": false,"
                        + " \"area\": {\"circle\": [47.46, 8.55, 10]}, \"transition\": \"enter\"}")
                .when();
        assertThat(c.ids()).containsExactlyInAnyOrder("vatsim-1", "4b1805");
        assertThat(c.types()).containsExactly("A388");
        assertThat(c.categories()).containsExactly(8);
        assertThat(c.operators()).containsExactly("SWR");
        assertThat(c.squawks()).containsExactlyInAnyOrder("7700", "7600");
        assertThat(c.sources()).containsExactly("opensky");
        assertThat(c.altitudeM()).isEqualTo(new Range(null, 3000.0));
        assertThat(c.onGround()).isFalse();
        assertThat(c.transition()).isEqualTo(Transition.ENTER);
        assertThat(Rules.when("{\"event\": \"GO_AROUND\", \"airport\": \"kjfk\"}")
                        .when()
                        .airport())
                .isEqualTo("KJFK");
        assertThat(Rules.when("{\"atc\": \"online\", \"atc_callsign\": \"EGLL_*\"}")
                        .when()
                        .isAtc())
                .isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"colour\": \"red\"}|when.colour",
                "{}|when",
                "{\"callsign\": 5}|when.callsign",
                "{\"squawk\": [\"7700\", \"9999\"]}|when.squawk[1]",
                "{\"squawk\": []}|when.squawk",
                "{\"icao24\": \"xyz\"}|when.icao24",
                "{\"altitude_m\": [3000, 1000]}|when.altitude_m",
                "{\"altitude_m\": 3000}|when.altitude_m",
                "{\"category\": 99}|when.category",
                "{\"area\": {\"circle\": [47, 8]}}|when.area.circle",
                "{\"area\": {\"circle\": [95, 8, 10]}}|when.area.circle[0]",
                "{\"area\": {\"circle\": [47, 8, -1]}}|when.area.circle[2]",
                "{\"area\": {\"square\": [47, 8]}}|when.area",
                "{\"area\": {\"polygon\": [[47, 8], [48, 8], [48, 9], [47, 9]]}}|when.area.polygon",
                "{\"area\": {\"polygon\": [[47, 8], [48, 9], [48, 8], [47, 9], [47, 8]]}}|when.area.polygon",
                "{\"area\": {\"polygon\": [[47, 8], [48, 8], [47, 8]]}}|when.area.polygon",
                "{\"area\": {\"polygon\": [[47, 8], [48], [48, 9], [47, 8]]}}|when.area.polygon[1]",
                "{\"transition\": \"enter\"}|when.transition",
                "{\"area\": {\"circle\": [47, 8, 5]}, \"transition\": \"through\"}|when.transition",
                "{\"event\": \"explosion\"}|when.event",
                "{\"airport\": \"LSZH\"}|when.airport",
                "{\"event\": \"go_around\", \"area\": {\"circle\": [47, 8, 5]},"
                        + " \"transition\": \"enter\"}|when.transition",
                "{\"atc\": \"sometimes\"}|when.atc",
                "{\"atc\": \"online\", \"callsign\": \"EGLL*\"}|when.callsign",
                "{\"atc_callsign\": \"EGLL*\"}|when.atc_callsign",
                "{\"on_ground\": \"yes\"}|when.on_ground",
            })
    void aBadConditionNamesItsField(String when, String field) {
        assertThatThrownBy(() -> Rules.when(when))
                .isInstanceOfSatisfying(
                        RuleException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"when\": {\"callsign\": \"A*\"}}|name",
                "{\"name\": \"x\"}|when",
                "{\"name\": \"x\", \"when\": {\"callsign\": \"A*\"}, \"colour\": 1}|colour",
                "{\"name\": \"x\", \"when\": {\"callsign\": \"A*\"}, \"cooldown_s\": -5}|cooldown_s",
                "{\"name\": \"x\", \"when\": {\"callsign\": \"A*\"}, \"cooldown_s\": 1.5}|cooldown_s",
                "{\"name\": \"x\", \"when\": {\"callsign\": \"A*\"}, \"deliver\": {\"webhook\": \"ftp://h/x\"}}"
                        + "|deliver.webhook",
                "{\"name\": \"x\", \"when\": {\"callsign\": \"A*\"}, \"deliver\": {\"secret\": \"s\"}}|deliver.secret",
                "{\"name\": \"x\", \"when\": {\"callsign\": \"A*\"}, \"deliver\": {\"webhook\": \"http://h/\","
                        + " \"format\": \"fax\"}}|deliver.format",
                "{\"name\": \"x\", \"when\": {\"callsign\": \"A*\"}, \"deliver\": {\"url\": \"http://h/\"}}"
                        + "|deliver.url",
                "{\"name\": \"x\", \"when\": {\"callsign\": \"A*\"}, \"notify_ended\": \"yes\"}|notify_ended",
            })
    void aBadRuleNamesItsField(String body, String field) {
        assertThatThrownBy(() -> Rules.of(body))
                .isInstanceOfSatisfying(
                        RuleException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
