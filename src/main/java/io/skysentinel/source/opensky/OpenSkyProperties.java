package io.skysentinel.source.opensky;

import io.skysentinel.core.AirportCatalog;
import io.skysentinel.core.CreditReporting.Region;
import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the OpenSky poller ({@code skysentinel.opensky.*}). Every component may be null; the compact
 * constructor fills in the documented default, so tests can start from {@link #defaults()} and change one thing.
 * The full list with defaults is in docs/opensky.md.
 *
 * @param regions         boxes polled every cycle; null means the default NYC box, an empty list the whole world
 * @param regionsSpec     the same in the compact form {@code name:lamin,lomin,lamax,lomax;...} ("world" for no box);
 *                        when not blank it replaces {@code regions} (so {@code ${OPENSKY_REGIONS:}} needs no code)
 * @param dailyCredits    0 means "by tier"
 * @param refillTime      UTC time of day at which a DAILY allowance comes back, "HH:mm"; empty means "learn it
 *                        from the responses" (assume the worst until then)
 * @param recordFile      JSON Lines file receiving every raw body; empty means off
 */
@ConfigurationProperties(prefix = "skysentinel.opensky")
public record OpenSkyProperties(
        String baseUrl,
        String tokenUrl,
        String clientId,
        String clientSecret,
        Tier tier,
        Long dailyCredits,
        List<Region> regions,
        String regionsSpec,
        Boolean extended,
        Duration timeout,
        Duration minIntervalAuthenticated,
        Duration minIntervalAnonymous,
        String recordFile,
        Long recordMaxBytes,
        RefillMode refillMode,
        String refillTime,
        Duration backoffInitial,
        Duration backoffMax,
        Duration breakerOpenDuration) {

    /** Every setting but the client secret, which is shown as set or not: a settings dump must not leak it. */
    @Override
    public String toString() {
        return "OpenSkyProperties[baseUrl=" + baseUrl + ", tokenUrl=" + tokenUrl + ", clientId=" + clientId
                + ", clientSecret=" + (clientSecret == null || clientSecret.isEmpty() ? "(none)" : "(set)") + ", tier="
                + tier + ", dailyCredits=" + dailyCredits + ", regions=" + regions + ", regionsSpec=" + regionsSpec
                + ", extended=" + extended + ", timeout=" + timeout + ", minIntervalAuthenticated="
                + minIntervalAuthenticated + ", minIntervalAnonymous=" + minIntervalAnonymous + ", recordFile="
                + recordFile + ", recordMaxBytes=" + recordMaxBytes + ", refillMode=" + refillMode + ", refillTime="
                + refillTime + ", backoffInitial=" + backoffInitial + ", backoffMax=" + backoffMax
                + ", breakerOpenDuration=" + breakerOpenDuration + "]";
    }

    public static final String DEFAULT_BASE_URL = "https://opensky-network.org/api";
    public static final String DEFAULT_TOKEN_URL =
            "https://auth.opensky-network.org/auth/realms/opensky-network/protocol/openid-connect/token";
    public static final Region NYC = new Region("nyc", 40.40, -74.50, 41.20, -73.50);

    public OpenSkyProperties {
        baseUrl = stripSlash(orDefault(baseUrl, DEFAULT_BASE_URL));
        tokenUrl = orDefault(tokenUrl, DEFAULT_TOKEN_URL);
        clientId = clientId == null ? "" : clientId.strip();
        clientSecret = clientSecret == null ? "" : clientSecret.strip();
        tier = tier == null ? Tier.AUTO : tier;
        dailyCredits = dailyCredits == null ? 0L : dailyCredits;
        regionsSpec = regionsSpec == null ? "" : regionsSpec.strip();
        // An airport-centred entry (ICAO+Nkm) needs the catalog, which a bound record does not have: the composition
        // root resolves it with withAirports(catalog); until then the source refuses to start (no silent NYC box).
        if (!regionsSpec.isEmpty() && !RegionParser.needsAirports(regionsSpec))
            regions = RegionParser.parse(regionsSpec);
        regions = regions == null ? List.of(NYC) : List.copyOf(regions);
        extended = extended == null ? Boolean.TRUE : extended;
        timeout = positive(timeout, Duration.ofSeconds(10), "timeout");
        minIntervalAuthenticated =
                positive(minIntervalAuthenticated, Duration.ofSeconds(5), "min-interval-authenticated");
        minIntervalAnonymous = positive(minIntervalAnonymous, Duration.ofSeconds(10), "min-interval-anonymous");
        recordFile = recordFile == null ? "" : recordFile.strip();
        recordMaxBytes = recordMaxBytes == null ? 1L << 30 : recordMaxBytes;
        refillMode = refillMode == null ? RefillMode.DAILY : refillMode;
        refillTime = refillTime == null ? "" : refillTime.strip();
        backoffInitial = positive(backoffInitial, Duration.ofSeconds(2), "backoff-initial");
        backoffMax = positive(backoffMax, Duration.ofMinutes(5), "backoff-max");
        breakerOpenDuration = positive(breakerOpenDuration, Duration.ofSeconds(60), "breaker-open-duration");

        checkUrl(baseUrl, "base-url");
        checkUrl(tokenUrl, "token-url");
        if (clientId.isEmpty() != clientSecret.isEmpty()) {
            throw new IllegalArgumentException(
                    "skysentinel.opensky: set both client-id and client-secret, or neither" + " (anonymous)");
        }
        if (dailyCredits < 0) throw new IllegalArgumentException("skysentinel.opensky.daily-credits must be >= 0");
        if (recordMaxBytes <= 0) throw new IllegalArgumentException("skysentinel.opensky.record-max-bytes must be > 0");
        if (backoffMax.compareTo(backoffInitial) < 0) {
            throw new IllegalArgumentException("skysentinel.opensky.backoff-max must be >= backoff-initial");
        }
        if (!regionsPending()) RegionParser.validate(regions);
        refillTimeUtc(refillTime); // fail at startup, not at the first refill
    }

    /** Every default: anonymous, the NYC box. */
    public static OpenSkyProperties defaults() {
        return new OpenSkyProperties(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    /** The compact region form ({@code name:lamin,lomin,lamax,lomax;...}, env var OPENSKY_REGIONS). */
    public static List<Region> parseRegions(String spec) {
        return RegionParser.parse(spec);
    }

    /** True while {@code regions-spec} names airports that {@link #withAirports} has not resolved yet. */
    public boolean regionsPending() {
        return RegionParser.needsAirports(regionsSpec);
    }

    /** The same settings with the airport-centred regions of {@code regions-spec} turned into boxes. */
    public OpenSkyProperties withAirports(AirportCatalog airports) {
        if (!regionsPending()) return this;
        List<Region> boxes = RegionParser.parse(regionsSpec, airports).stream()
                .map(WeightedRegion::region)
                .toList();
        return toBuilder().regions(boxes).build();
    }

    /** The regions with their {@code @w} weights (1 where none is given, and for the YAML list form). */
    public List<WeightedRegion> weightedRegions(AirportCatalog airports) {
        if (!regionsSpec.isEmpty()) return RegionParser.parse(regionsSpec, airports);
        return regions.stream().map(r -> new WeightedRegion(r, 1)).toList();
    }

    public boolean authenticated() {
        return !clientId.isEmpty();
    }

    public String authMode() {
        return authenticated() ? "oauth2" : "anonymous";
    }

    public Tier effectiveTier() {
        return tier.resolve(authenticated());
    }

    public long effectiveDailyCredits() {
        return dailyCredits > 0 ? dailyCredits : effectiveTier().dailyCredits();
    }

    /** OpenSky's data resolution for our auth mode: polling faster only returns the same states again. */
    public Duration minInterval() {
        return authenticated() ? minIntervalAuthenticated : minIntervalAnonymous;
    }

    /** @return the configured refill time, or null when it is to be learned */
    public LocalTime refillTimeUtc() {
        return refillTimeUtc(refillTime);
    }

    public OpenSkyPropertiesBuilder toBuilder() {
        return new OpenSkyPropertiesBuilder(this);
    }

    private static LocalTime refillTimeUtc(String text) {
        if (text.isEmpty()) return null;
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("skysentinel.opensky.refill-time '" + text
                    + "' must be a UTC time of day like 00:00, or empty to learn it");
        }
    }

    private static String orDefault(String v, String dflt) {
        return v == null || v.isBlank() ? dflt : v.strip();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static Duration positive(Duration v, Duration dflt, String name) {
        if (v == null) return dflt;
        if (v.isNegative() || v.isZero())
            throw new IllegalArgumentException("skysentinel.opensky." + name + " must be > 0");
        return v;
    }

    private static void checkUrl(String url, String name) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("skysentinel.opensky." + name + " '" + url + "' is not a URL");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("skysentinel.opensky." + name + " '" + url + "' must be an http(s) URL");
        }
    }
}
