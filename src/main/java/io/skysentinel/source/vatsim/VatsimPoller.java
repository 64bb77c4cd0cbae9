package io.skysentinel.source.vatsim;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.skysentinel.core.FlightBus;
import io.skysentinel.core.LogThrottle;
import io.skysentinel.core.NetworkReporting.NetworkCodes;
import io.skysentinel.core.NetworkReporting.NetworkStatus;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.source.vatsim.VatsimHttpClient.Fetch;
import io.skysentinel.source.vatsim.VatsimMetrics.Outcome;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll: discover the feed URLs when needed, read one of them (chosen at random, VATSIM's rule), and when the
 * feed is new, convert and publish it. Runs on the poll thread only; what the source shows comes from the returned
 * {@link Result}. Nothing a bad body holds is published: the hub keeps the last good picture.
 */
final class VatsimPoller {

    private static final Logger log = LoggerFactory.getLogger(VatsimPoller.class);

    /** What a poll did; {@code status} and {@code codes} are set when a new feed was published. */
    record Result(Outcome outcome, String error, URI feedUrl, NetworkStatus status, NetworkCodes codes, int pilots) {}

    private final URI statusUrl;
    private final VatsimHttpClient client;
    private final CircuitBreaker breaker;
    private final RandomGenerator random;
    private final FlightBus bus;
    private final VatsimMetrics metrics;
    private final LogThrottle logs;
    private final FeedConverter converter;
    private final VatsimFeedParser parser = new VatsimFeedParser();
    private final StatusParser statusParser = new StatusParser();
    private List<URI> feedUrls = List.of();
    private boolean rediscover = true;
    private VatsimFeed last;
    private NetworkStatus status;
    private long unchanged;

    VatsimPoller(
            URI statusUrl,
            VatsimHttpClient client,
            CircuitBreaker breaker,
            RandomGenerator random,
            FlightBus bus,
            VatsimMetrics metrics,
            LogThrottle logs,
            FeedConverter converter) {
        this.statusUrl = statusUrl;
        this.client = client;
        this.breaker = breaker;
        this.random = random;
        this.bus = bus;
        this.metrics = metrics;
        this.logs = logs;
        this.converter = converter;
    }

    Result poll() throws InterruptedException {
        if (rediscover) discover();
        if (feedUrls.isEmpty()) return failed(Outcome.ERROR, "no data feed URL known (status.json unusable)", null);
        URI url = feedUrls.get(random.nextInt(feedUrls.size()));
        long t0 = System.nanoTime();
        Fetch f = fetch(url);
        if (f instanceof Fetch.Failed x) {
            rediscover = true; // a feed that fails may have moved: read status.json again before the next poll
            metrics.feedError(x.kind(), 1);
            Outcome o = "circuit_open".equals(x.kind()) ? Outcome.CIRCUIT_OPEN : Outcome.ERROR;
            return failed(o, x.message(), url);
        }
        byte[] body = ((Fetch.Body) f).bytes();
        VatsimFeed feed;
        try {
            feed = parser.parse(body);
        } catch (MalformedFeedException e) {
            rediscover = true;
            metrics.feedError(e.kind, 1);
            return failed(Outcome.MALFORMED, "malformed feed (" + body.length + " bytes): " + e.getMessage(), url);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        if (!feed.rejected().isEmpty()) {
            metrics.rejected(feed.rejected());
            long held = logs.admit("rejected");
            // reasons and counts only: entries carry members' names, which never go to a log
            if (held >= 0) log.warn("vatsim: left out feed entries {} [{} similar suppressed]", feed.rejected(), held);
        }
        if (last != null && feed.updateTimestamp().equals(last.updateTimestamp())) {
            unchanged++;
            metrics.poll(Outcome.UNCHANGED, took);
            return new Result(Outcome.UNCHANGED, null, url, touch(url), last.codes(), 0);
        }
        if (last != null && feed.updatedAt().isBefore(last.updatedAt())) {
            metrics.poll(Outcome.OLDER, took);
            return new Result(Outcome.OLDER, null, url, touch(url), last.codes(), 0);
        }
        FeedConverter.Converted c = converter.convert(feed);
        last = feed;
        SourceBatch batch =
                SourceBatch.network(FeedConverter.SOURCE, feed.updatedAt().toEpochMilli(), c.pilots(), c.atc());
        try {
            if (!bus.publish(batch) && logs.admit("bus") >= 0)
                log.warn(
                        "vatsim: the flight bus dropped a feed of {} pilots",
                        c.pilots().size());
        } catch (RuntimeException e) {
            metrics.feedError("publish", 1);
            return failed(Outcome.ERROR, "publishing failed: " + e, url);
        }
        metrics.poll(Outcome.SUCCESS, took);
        status = new NetworkStatus(
                FeedConverter.SOURCE,
                feed.connectedClients(),
                feed.uniqueUsers(),
                c.pilots().size(),
                c.controllers(),
                c.observers(),
                c.atis(),
                feed.prefiles(),
                feed.updatedAt(),
                url.toString(),
                unchanged);
        return new Result(
                Outcome.SUCCESS, null, url, status, feed.codes(), c.pilots().size());
    }

    long unchangedSkipped() {
        return unchanged;
    }

    List<URI> feedUrls() {
        return feedUrls;
    }

    /** Reads status.json; on any failure the URLs known so far stay in use and the next poll tries again. */
    private void discover() throws InterruptedException {
        // Not through the breaker: a failing status.json must not keep the known feed URLs from being read.
        Fetch f = client.get(statusUrl);
        String problem;
        if (f instanceof Fetch.Body b) {
            try {
                feedUrls = statusParser.v3Urls(b.bytes());
                rediscover = false;
                return;
            } catch (MalformedFeedException e) {
                problem = e.getMessage();
            }
        } else {
            problem = ((Fetch.Failed) f).message();
        }
        metrics.feedError("status", 1);
        long held = logs.admit("status");
        if (held >= 0)
            log.warn(
                    "vatsim: status {} unusable ({}); {} [{} suppressed]",
                    statusUrl,
                    problem,
                    feedUrls.isEmpty() ? "no feed URL yet" : "keeping the " + feedUrls.size() + " known feed URL(s)",
                    held);
    }

    private Fetch fetch(URI uri) throws InterruptedException {
        try {
            return breaker.executeCallable(() -> client.get(uri));
        } catch (CallNotPermittedException e) {
            return new Fetch.Failed("circuit_open", "circuit breaker open: not calling VATSIM");
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return new Fetch.Failed("io", "unexpected: " + e);
        }
    }

    private Result failed(Outcome outcome, String error, URI url) {
        metrics.poll(outcome, null);
        long held = logs.admit(outcome.tag);
        if (held >= 0) log.warn("vatsim: poll failed: {} [{} similar suppressed]", error, held);
        return new Result(outcome, error, url, status, last == null ? null : last.codes(), 0);
    }

    /** The last published status, with this poll's URL and the skip count (null before the first feed). */
    private NetworkStatus touch(URI url) {
        NetworkStatus s = status;
        status = s.readFrom(url.toString(), unchanged);
        return status;
    }
}
