package io.skysentinel.alerts.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.alerts.AlertRule;
import io.skysentinel.alerts.AlertStore;
import io.skysentinel.alerts.Delivery;
import io.skysentinel.alerts.RuleParser;
import io.skysentinel.history.TestDatabase;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The PostgreSQL store on a real embedded server: a rule survives a reload whole, alerts page by rule and time. */
class JdbcAlertStoreIT {

    static TestDatabase db;
    static JdbcAlertStore store;

    @BeforeAll
    static void start() {
        db = new TestDatabase();
        store = new JdbcAlertStore(db.jdbc);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    static AlertRule parsed(String body) {
        return new RuleParser(600).parse(JsonMapper.builder().build().readTree(body), 1_000);
    }

    @Test
    void aRuleComesBackAsItWasStoredAndCanBeReplacedAndDeleted() {
        AlertRule draft = parsed("{\"name\": \"lake\", \"when\": {\"category\": 8, \"transition\": \"enter\","
                + " \"area\": {\"polygon\": [[47.36, 8.54], [47.22, 8.68], [47.2, 8.64], [47.36, 8.54]]}},"
                + " \"deliver\": {\"webhook\": \"https://ntfy.example/t\", \"secret\": \"k\", \"format\": \"ntfy\"},"
                + " \"cooldown_s\": 60, \"notify_ended\": true}");
        AlertRule owned = new AlertRule(
                0,
                draft.name(),
                draft.whenJson(),
                draft.when(),
                draft.deliver(),
                draft.cooldownS(),
                draft.notifyEnded(),
                "ab12",
                draft.createdMs(),
                draft.updatedMs());
        AlertRule created = store.create(owned);
        assertThat(created.id()).isPositive();

        AlertRule back = store.find(created.id()).orElseThrow();
        assertThat(back).isEqualTo(created); // parsed again from when_json: the same condition
        assertThat(back.deliver().format()).isEqualTo(Delivery.Format.NTFY);
        assertThat(store.all()).extracting(AlertRule::id).contains(created.id());

        AlertRule renamed = new AlertRule(
                created.id(), "lake 2", back.whenJson(), back.when(), Delivery.NONE, 0, false, "ab12", 1_000, 2_000);
        assertThat(store.update(renamed)).isTrue();
        assertThat(store.find(created.id()).orElseThrow().name()).isEqualTo("lake 2");
        assertThat(store.find(created.id()).orElseThrow().deliver().hasWebhook())
                .isFalse();
        assertThat(store.delete(created.id())).isTrue();
        assertThat(store.find(created.id())).isEmpty();
        assertThat(store.delete(created.id())).isFalse();
    }

    @Test
    void firedAlertsPageNewestFirstByRuleAndTime() {
        for (int i = 0; i < 5; i++)
            store.recordFired(List.of(new AlertStore.FiredAlert(
                    UUID.randomUUID().toString(), i % 2 == 0 ? 901 : 902, "fired", "x" + i, 10_000 + i, "{}")));
        assertThat(store.countFired(901L, 0, 20_000)).isEqualTo(3);
        assertThat(store.fired(901L, 0, 20_000, 0, 2))
                .extracting(AlertStore.FiredAlert::subject)
                .containsExactly("x4", "x2");
        assertThat(store.fired(901L, 0, 20_000, 2, 2))
                .extracting(AlertStore.FiredAlert::subject)
                .containsExactly("x0");
        assertThat(store.fired(null, 10_001, 10_003, 0, 10))
                .extracting(AlertStore.FiredAlert::subject)
                .containsExactly("x3", "x2", "x1");
    }

    @Test
    void retentionForgetsFiredAlertsAndDeadLettersBeforeTheCutoffOnly() {
        long old = 400_000_000_000L, recent = old + 86_400_000L; // 1982, a day apart
        for (long t : new long[] {old, recent}) {
            store.recordFired(
                    List.of(new AlertStore.FiredAlert(UUID.randomUUID().toString(), 903, "fired", "at" + t, t, "{}")));
            store.recordDeadLetter(
                    new AlertStore.DeadLetter(UUID.randomUUID().toString(), 903, "http://h/", 3, "HTTP 500", t, "{}"));
        }
        long forgotten = store.forgetBefore(old + 1);
        assertThat(forgotten)
                .as("the old alert and the old dead letter (and any older rows)")
                .isGreaterThanOrEqualTo(2);
        assertThat(store.fired(903L, 0, recent + 1, 0, 10))
                .extracting(AlertStore.FiredAlert::firedAtMs)
                .containsExactly(recent);
        assertThat(store.deadLetters(903, 10))
                .extracting(AlertStore.DeadLetter::failedAtMs)
                .containsExactly(recent);
        store.forgetBefore(recent + 1); // leave nothing of this test for the next run (the database is kept)
    }
}
