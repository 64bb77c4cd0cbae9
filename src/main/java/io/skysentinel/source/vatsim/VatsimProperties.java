package io.skysentinel.source.vatsim;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the VATSIM poller ({@code skysentinel.vatsim.*}, docs/vatsim.md#settings). Every component may be null;
 * the compact constructor fills in the documented default, so tests can start from {@link #defaults()}.
 *
 * @param statusUrl           the status document listing the data feed URLs (VATSIM_STATUS_URL)
 * @param pollInterval        time between feed reads (VATSIM_POLL_INTERVAL); VATSIM regenerates the feed every 15 s
 * @param timeout             for one request, headers and body (VATSIM_TIMEOUT)
 * @param storeNames          whether history may store members' names (VATSIM_STORE_NAMES); the source never logs them
 * @param backoffInitial      first wait after a failed poll; doubles (with jitter) up to {@code backoffMax}
 * @param backoffMax          longest wait between failing polls
 * @param breakerOpenDuration how long the circuit breaker stays open before one trial call
 */
@ConfigurationProperties(prefix = "skysentinel.vatsim")
public record VatsimProperties(
        String statusUrl,
        Duration pollInterval,
        Duration timeout,
        Boolean storeNames,
        Duration backoffInitial,
        Duration backoffMax,
        Duration breakerOpenDuration) {

    public static final String DEFAULT_STATUS_URL = "https://status.vatsim.net/status.json";

    public VatsimProperties {
        statusUrl = statusUrl == null || statusUrl.isBlank() ? DEFAULT_STATUS_URL : statusUrl.strip();
        pollInterval = positive(pollInterval, Duration.ofSeconds(15), "poll-interval");
        timeout = positive(timeout, Duration.ofSeconds(10), "timeout");
        storeNames = storeNames != null && storeNames;
        backoffInitial = positive(backoffInitial, Duration.ofSeconds(2), "backoff-initial");
        backoffMax = positive(backoffMax, Duration.ofMinutes(2), "backoff-max");
        breakerOpenDuration = positive(breakerOpenDuration, Duration.ofSeconds(60), "breaker-open-duration");
        URI uri;
        try {
            uri = URI.create(statusUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("skysentinel.vatsim.status-url is not a URL: " + statusUrl, e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()))
            throw new IllegalArgumentException("skysentinel.vatsim.status-url must be http(s): " + statusUrl);
        if (backoffMax.compareTo(backoffInitial) < 0)
            throw new IllegalArgumentException("skysentinel.vatsim.backoff-max must be >= backoff-initial");
    }

    public static VatsimProperties defaults() {
        return new VatsimProperties(null, null, null, null, null, null, null);
    }

    /** A copy reading another status URL every {@code interval} (tests). */
    public VatsimProperties with(String url, Duration interval) {
        return new VatsimProperties(
                url, interval, timeout, storeNames, backoffInitial, backoffMax, breakerOpenDuration);
    }

    private static Duration positive(Duration d, Duration dflt, String name) {
        if (d == null) return dflt;
        if (d.isNegative() || d.isZero())
            throw new IllegalArgumentException("skysentinel.vatsim." + name + " must be positive");
        return d;
    }
}
