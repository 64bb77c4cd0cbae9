package io.skysentinel.source.opensky;

import io.skysentinel.core.CreditReporting.Region;
import java.time.Duration;
import java.util.List;

/** Changes a few settings of an {@link OpenSkyProperties} (tests, programmatic wiring); validation runs on build. */
public final class OpenSkyPropertiesBuilder {
    private String baseUrl, tokenUrl, clientId, clientSecret, recordFile, refillTime, regionsSpec;
    private Tier tier;
    private Long dailyCredits, recordMaxBytes;
    private List<Region> regions;
    private Boolean extended;
    private Duration timeout,
            minIntervalAuthenticated,
            minIntervalAnonymous,
            backoffInitial,
            backoffMax,
            breakerOpenDuration;
    private RefillMode refillMode;

    OpenSkyPropertiesBuilder(OpenSkyProperties p) {
        baseUrl = p.baseUrl();
        tokenUrl = p.tokenUrl();
        clientId = p.clientId();
        clientSecret = p.clientSecret();
        tier = p.tier();
        dailyCredits = p.dailyCredits();
        regions = p.regions();
        regionsSpec = p.regionsPending() ? p.regionsSpec() : ""; // an unresolved airport spec must survive a copy
        extended = p.extended();
        timeout = p.timeout();
        minIntervalAuthenticated = p.minIntervalAuthenticated();
        minIntervalAnonymous = p.minIntervalAnonymous();
        recordFile = p.recordFile();
        recordMaxBytes = p.recordMaxBytes();
        refillMode = p.refillMode();
        refillTime = p.refillTime();
        backoffInitial = p.backoffInitial();
        backoffMax = p.backoffMax();
        breakerOpenDuration = p.breakerOpenDuration();
    }

    public OpenSkyPropertiesBuilder baseUrl(String v) {
        baseUrl = v;
        return this;
    }

    public OpenSkyPropertiesBuilder tokenUrl(String v) {
        tokenUrl = v;
        return this;
    }

    public OpenSkyPropertiesBuilder credentials(String id, String secret) {
        clientId = id;
        clientSecret = secret;
        return this;
    }

    public OpenSkyPropertiesBuilder tier(Tier v) {
        tier = v;
        return this;
    }

    public OpenSkyPropertiesBuilder dailyCredits(long v) {
        dailyCredits = v;
        return this;
    }

    public OpenSkyPropertiesBuilder regions(List<Region> v) {
        regions = v;
        regionsSpec = "";
        return this;
    }

    /** The compact form; it replaces {@link #regions} when not blank. */
    public OpenSkyPropertiesBuilder regionsSpec(String v) {
        regionsSpec = v;
        return this;
    }

    public OpenSkyPropertiesBuilder extended(boolean v) {
        extended = v;
        return this;
    }

    public OpenSkyPropertiesBuilder timeout(Duration v) {
        timeout = v;
        return this;
    }

    public OpenSkyPropertiesBuilder minIntervals(Duration authenticated, Duration anonymous) {
        minIntervalAuthenticated = authenticated;
        minIntervalAnonymous = anonymous;
        return this;
    }

    public OpenSkyPropertiesBuilder record(String file, long maxBytes) {
        recordFile = file;
        recordMaxBytes = maxBytes;
        return this;
    }

    public OpenSkyPropertiesBuilder refill(RefillMode mode, String timeUtc) {
        refillMode = mode;
        refillTime = timeUtc;
        return this;
    }

    public OpenSkyPropertiesBuilder backoff(Duration initial, Duration max) {
        backoffInitial = initial;
        backoffMax = max;
        return this;
    }

    public OpenSkyPropertiesBuilder breakerOpenDuration(Duration v) {
        breakerOpenDuration = v;
        return this;
    }

    public OpenSkyProperties build() {
        return new OpenSkyProperties(
                baseUrl,
                tokenUrl,
                clientId,
                clientSecret,
                tier,
                dailyCredits,
                regions,
                regionsSpec,
                extended,
                timeout,
                minIntervalAuthenticated,
                minIntervalAnonymous,
                recordFile,
                recordMaxBytes,
                refillMode,
                refillTime,
                backoffInitial,
                backoffMax,
                breakerOpenDuration);
    }
}
