package io.skysentinel.alerts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.core.LogThrottle;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs alerts to their rules' webhooks, at least once: a failed attempt (no answer, a 5xx, 408 or 429) is retried
 * with {@link Backoff} until {@code retryFor} after the first attempt, then written to the dead letters; other 4xx
 * answers are final at once. Every attempt carries the same {@code X-SkySentinel-Delivery} id, so a receiver can drop
 * repeats. At most {@code capacity} deliveries are pending (waiting, in flight or between retries); beyond that new
 * ones are dropped, counted and noted in the rule's status. A delivery whose rule is deleted stops.
 */
public final class WebhookDelivery implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

    private final HttpClient http;
    private final ScheduledExecutorService timer;
    private final WebhookTargets targets;
    private final Backoff backoff;
    private final Duration retryFor;
    private final Duration timeout;
    private final int capacity;
    private final Clock clock;
    private final AlertStore store;
    private final DeliveryStatus status;
    private final LongPredicate ruleExists;
    private final LogThrottle throttle;
    private final AtomicInteger pending = new AtomicInteger();
    private final Counter dropped, attempts, deadLetters;

    public WebhookDelivery(
            WebhookSettings s,
            WebhookTargets targets,
            Clock clock,
            AlertStore store,
            DeliveryStatus status,
            LongPredicate ruleExists,
            ScheduledExecutorService timer,
            MeterRegistry meters) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(s.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timer = timer;
        this.targets = targets;
        this.backoff = new Backoff(s.retryBase().toMillis(), s.retryMax().toMillis());
        this.retryFor = s.retryFor();
        this.timeout = s.timeout();
        this.capacity = s.capacity();
        this.clock = clock;
        this.throttle = new LogThrottle(clock, Duration.ofMinutes(1));
        this.store = store;
        this.status = status;
        this.ruleExists = ruleExists;
        this.dropped = Counter.builder("skysentinel.alerts.webhook.dropped")
                .description("Webhook deliveries not attempted because the delivery queue was full")
                .register(meters);
        this.attempts = Counter.builder("skysentinel.alerts.webhook.attempts")
                .description("Webhook POSTs attempted")
                .register(meters);
        this.deadLetters = Counter.builder("skysentinel.alerts.webhook.dead.letters")
                .description("Webhook deliveries given up and written to the dead letters")
                .register(meters);
        Gauge.builder("skysentinel.alerts.webhook.pending", pending, AtomicInteger::get)
                .register(meters);
    }

    /** Settings of the webhook delivery (ALERTS_WEBHOOK_*; docs/alerts.md). */
    public record WebhookSettings(
            int capacity, Duration timeout, Duration retryBase, Duration retryMax, Duration retryFor) {}

    private record Job(AlertRule rule, Alert alert, String storedBody, AlertBodies.Body body, long firstMs) {}

    /** Queues one alert's delivery; never blocks. */
    public void submit(AlertRule rule, Alert alert, String jsonBody) {
        if (!rule.deliver().hasWebhook()) return;
        if (pending.incrementAndGet() > capacity) {
            pending.decrementAndGet();
            dropped.increment();
            status.dropped(rule.id(), clock.millis());
            return;
        }
        AlertBodies.Body body = AlertBodies.forFormat(rule.deliver().format(), alert, jsonBody);
        Job job = new Job(rule, alert, jsonBody, body, clock.millis());
        timer.execute(() -> attempt(job, 1));
    }

    private void attempt(Job job, int n) {
        if (!ruleExists.test(job.rule.id())) {
            pending.decrementAndGet();
            return;
        }
        // Judged again before each attempt: the name may resolve elsewhere than when the rule was written.
        String refused = targets.refusal(job.rule.deliver().webhook());
        if (refused != null) {
            retryOrGiveUp(job, n, "webhook refused: " + refused, false);
            return;
        }
        attempts.increment();
        byte[] bytes = job.body.text().getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder req = HttpRequest.newBuilder(job.rule.deliver().webhook())
                .timeout(timeout)
                .header("Content-Type", job.body.contentType())
                .header("User-Agent", "SkySentinel-Alerts")
                .header(Signature.DELIVERY_HEADER, job.alert.id())
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (job.rule.deliver().secret() != null)
            req.header(Signature.HEADER, Signature.of(bytes, job.rule.deliver().secret()));
        http.sendAsync(req.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((resp, err) -> {
            if (err == null && resp.statusCode() / 100 == 2) {
                status.delivered(job.rule.id());
                pending.decrementAndGet();
                return;
            }
            String error = err != null
                    ? err.getClass().getSimpleName() + ": " + err.getMessage()
                    : "HTTP " + resp.statusCode();
            boolean retriable =
                    err != null || resp.statusCode() >= 500 || resp.statusCode() == 408 || resp.statusCode() == 429;
            retryOrGiveUp(job, n, error, retriable);
        });
    }

    private void retryOrGiveUp(Job job, int n, String error, boolean retriable) {
        long now = clock.millis();
        status.failed(job.rule.id(), error, now);
        long delay = backoff.delayMs(n, ThreadLocalRandom.current().nextDouble());
        if (retriable && now + delay - job.firstMs <= retryFor.toMillis() && !timer.isShutdown()) {
            timer.schedule(() -> attempt(job, n + 1), delay, TimeUnit.MILLISECONDS);
            return;
        }
        pending.decrementAndGet();
        deadLetters.increment();
        status.deadLetter(job.rule.id());
        if (throttle.admit("dead-letter") >= 0)
            log.warn("Alert webhook of rule {} given up after {} attempts: {}", job.rule.id(), n, error);
        try {
            store.recordDeadLetter(new AlertStore.DeadLetter(
                    job.alert.id(),
                    job.rule.id(),
                    job.rule.deliver().webhook().toString(),
                    n,
                    error,
                    now,
                    job.storedBody));
        } catch (RuntimeException e) {
            if (throttle.admit("dead-letter-store") >= 0) log.warn("Dead letter not stored: {}", e.toString());
        }
    }

    public int pending() {
        return pending.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        http.close();
    }
}
