package io.skysentinel.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.alerts.AlertDispatcher;
import io.skysentinel.alerts.AlertEvaluator;
import io.skysentinel.alerts.AlertFollower;
import io.skysentinel.alerts.AlertRetention;
import io.skysentinel.alerts.AlertStore;
import io.skysentinel.alerts.AlertsSettings;
import io.skysentinel.alerts.AtcAlertFollower;
import io.skysentinel.alerts.AtcEvaluator;
import io.skysentinel.alerts.DeliveryStatus;
import io.skysentinel.alerts.EventInbox;
import io.skysentinel.alerts.MemoryAlertStore;
import io.skysentinel.alerts.RuleBook;
import io.skysentinel.alerts.WebhookDelivery;
import io.skysentinel.alerts.store.JdbcAlertStore;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AircraftInfoLookup;
import io.skysentinel.core.AtcPosition;
import io.skysentinel.hub.FollowerRunner;
import io.skysentinel.hub.LiveHub;
import java.time.Clock;
import java.util.concurrent.Executors;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Alerts (docs/alerts.md): the rules in PostgreSQL when history is on (in memory otherwise), the evaluators following
 * the aircraft and ATC hubs (with the in-memory bus: with Kafka the hubs of the serve role are rebuilt from compacted
 * state, not the full stream, so alerts are not evaluated there yet), the event inbox fed by analytics, the dispatcher
 * and the webhook delivery. The REST endpoints need only the store, the book and the status, which always exist.
 */
@Configuration(proxyBeanMethods = false)
public class AlertsConfiguration {

    /** Updates handed to the evaluator at a time. */
    static final int BATCH = 10_000;

    @Bean
    AlertStore alertStore(@Qualifier("historyJdbc") ObjectProvider<JdbcTemplate> historyJdbc, AlertsSettings s) {
        JdbcTemplate jdbc = historyJdbc.getIfAvailable();
        return jdbc != null ? new JdbcAlertStore(jdbc) : new MemoryAlertStore(s.memoryCapacity());
    }

    @Bean(destroyMethod = "close")
    AlertRetention alertRetention(AlertStore store, AlertsSettings s, Clock clock, MeterRegistry meters) {
        return new AlertRetention(store, s.retentionDays(), clock, meters).start();
    }

    @Bean
    RuleBook ruleBook(AlertStore store) {
        RuleBook book = new RuleBook();
        book.replaceAll(store.all());
        LoggerFactory.getLogger(AlertsConfiguration.class)
                .info("Alerts: {} rules loaded", book.index().size());
        return book;
    }

    @Bean
    DeliveryStatus deliveryStatus() {
        return new DeliveryStatus();
    }

    /** What alert rules read of who an aircraft is: the state's own aircraft object, told on the bus. */
    @Bean
    AircraftInfoLookup aircraftInfoLookup() {
        // every state is told who it is on the bus (enrichment.EnrichingFlightBus): read it from the state
        return a -> new AircraftInfoLookup.Info(
                a.aircraft().registration(), a.aircraft().type(), a.aircraft().operatorIcao());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnBooleanProperty(name = "skysentinel.alerts.enabled", matchIfMissing = true)
    WebhookDelivery webhookDelivery(
            AlertsSettings s, Clock clock, AlertStore store, DeliveryStatus status, RuleBook book, MeterRegistry m) {
        var timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("alerts-webhook").daemon().factory());
        return new WebhookDelivery(
                s.webhook(),
                s.webhookTargets(),
                clock,
                store,
                status,
                id -> book.index().rule(id) != null,
                timer,
                m);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnBooleanProperty(name = "skysentinel.alerts.enabled", matchIfMissing = true)
    AlertDispatcher alertDispatcher(
            AlertsSettings s,
            RuleBook book,
            AlertStore store,
            DeliveryStatus status,
            WebhookDelivery webhooks,
            Clock clock,
            MeterRegistry meters) {
        return new AlertDispatcher(s.dispatchCapacity(), book, store, status, webhooks, clock, meters).start();
    }

    /** Analytics' events for the event rules (an AnalyticsListener bean: the analytics runner finds it). */
    @Bean
    @ConditionalOnBooleanProperty(name = "skysentinel.alerts.enabled", matchIfMissing = true)
    EventInbox alertEventInbox(AlertsSettings s, MeterRegistry meters) {
        return new EventInbox(s.eventQueue(), meters);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnBooleanProperty(name = "skysentinel.alerts.enabled", matchIfMissing = true)
    @ConditionalOnProperty(name = "skysentinel.bus.type", havingValue = "memory", matchIfMissing = true)
    FollowerRunner<Aircraft> alertsFollower(
            AlertsSettings s,
            LiveHub<Aircraft> hub,
            RuleBook book,
            AircraftInfoLookup lookup,
            AlertDispatcher dispatcher,
            EventInbox events,
            Clock clock,
            MeterRegistry meters) {
        AlertEvaluator evaluator = new AlertEvaluator(book, lookup, clock, dispatcher, s.maxTracked());
        return new FollowerRunner<>(
                        hub.follow("alerts", s.queueCapacity()),
                        new AlertFollower(evaluator, events, hub::get, meters),
                        () -> hub.snapshot().entities(),
                        BATCH,
                        0)
                .start();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnBooleanProperty(name = "skysentinel.alerts.enabled", matchIfMissing = true)
    @ConditionalOnProperty(name = "skysentinel.bus.type", havingValue = "memory", matchIfMissing = true)
    FollowerRunner<AtcPosition> alertsAtcFollower(
            AlertsSettings s, LiveHub<AtcPosition> atcHub, RuleBook book, AlertDispatcher dispatcher, Clock clock) {
        return new FollowerRunner<>(
                        atcHub.follow("alerts-atc", s.eventQueue()),
                        new AtcAlertFollower(new AtcEvaluator(book, clock, dispatcher)),
                        () -> atcHub.snapshot().entities(),
                        BATCH,
                        0)
                .start();
    }
}
