package io.skysentinel.alerts;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Alert settings ({@code skysentinel.alerts.*}, docs/alerts.md#settings).
 *
 * @param enabled          evaluate rules at all (ALERTS_ENABLED)
 * @param queueCapacity    updates queued for the evaluator (its hub follower); beyond it the oldest are dropped and
 *                         counted, and the evaluator catches up from the picture
 * @param dispatchCapacity alerts waiting to be logged and delivered; beyond it new ones are dropped and counted
 * @param eventQueue       analytics events waiting for the event rules
 * @param maxTracked       aircraft whose episodes are kept; the least recently seen is forgotten beyond it
 * @param maxRules         rules that may exist; a POST beyond it is refused (409)
 * @param defaultCooldown  a rule's cooldown when its body names none
 * @param memoryCapacity   fired alerts and dead letters kept when history is off (rules are kept in memory then)
 * @param webhookQueue     webhook deliveries pending (waiting or between retries); beyond it new ones are dropped
 * @param webhookTimeout   connect and answer timeout of one POST
 * @param retryBase        the first retry's delay (doubling, with jitter)
 * @param retryMax         the longest delay between two attempts
 * @param retryFor         how long after the first attempt a delivery is retried before it becomes a dead letter
 * @param wsQueue          alerts waiting for the WebSocket push; beyond it they are dropped (counted)
 * @param webhookAllow     host names, {@code *.suffix}es and address blocks webhooks may go to ({@link WebhookTargets})
 * @param webhookAllowPrivate whether webhooks may go to private, loopback and link-local addresses
 * @param retentionDays    fired alerts and dead letters older than this are forgotten (rules never are)
 */
@ConfigurationProperties(prefix = "skysentinel.alerts")
public record AlertsSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("200000") int queueCapacity,
        @DefaultValue("10000") int dispatchCapacity,
        @DefaultValue("10000") int eventQueue,
        @DefaultValue("200000") int maxTracked,
        @DefaultValue("10000") int maxRules,
        @DefaultValue("600s") Duration defaultCooldown,
        @DefaultValue("10000") int memoryCapacity,
        @DefaultValue("10000") int webhookQueue,
        @DefaultValue("10s") Duration webhookTimeout,
        @DefaultValue("1s") Duration retryBase,
        @DefaultValue("5m") Duration retryMax,
        @DefaultValue("1h") Duration retryFor,
        @DefaultValue("1000") int wsQueue,
        @DefaultValue("") List<String> webhookAllow,
        @DefaultValue("false") boolean webhookAllowPrivate,
        @DefaultValue("30") int retentionDays) {

    public AlertsSettings {
        if (queueCapacity < 1
                || dispatchCapacity < 1
                || eventQueue < 1
                || maxTracked < 1
                || maxRules < 1
                || memoryCapacity < 1
                || webhookQueue < 1
                || wsQueue < 1) throw new IllegalArgumentException("skysentinel.alerts.* capacities must be >= 1");
        if (retentionDays < 1) throw new IllegalArgumentException("skysentinel.alerts.retention-days must be >= 1");
        if (retryBase.toMillis() < 1 || retryMax.compareTo(retryBase) < 0)
            throw new IllegalArgumentException("skysentinel.alerts.retry-base must be >= 1ms and <= retry-max");
    }

    public WebhookDelivery.WebhookSettings webhook() {
        return new WebhookDelivery.WebhookSettings(webhookQueue, webhookTimeout, retryBase, retryMax, retryFor);
    }

    /** Where webhooks may go (resolving names with the system's DNS). */
    public WebhookTargets webhookTargets() {
        return new WebhookTargets(webhookAllow, webhookAllowPrivate, InetAddress::getAllByName);
    }
}
