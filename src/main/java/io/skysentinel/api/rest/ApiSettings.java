package io.skysentinel.api.rest;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * REST settings ({@code skysentinel.api.*}).
 *
 * @param refreshWait       the longest POST /api/flights/refresh waits for the upstream (its timeout)
 * @param corsOrigins       API_CORS_ORIGINS: origins (patterns such as https://*.example.org) whose pages may call
 *                          /api/** from a browser; empty (the default): none, cross-origin reads are refused
 * @param rateLimitBurst    API_RATE_LIMIT_BURST: requests one client address may send at once to /api/**
 * @param rateLimitPerSecond API_RATE_LIMIT_PER_SECOND: the rate its bucket refills at; beyond it: 429 + Retry-After
 * @param rateLimitClients  API_RATE_LIMIT_CLIENTS: client addresses remembered (the least recently seen is forgotten)
 */
@ConfigurationProperties(prefix = "skysentinel.api")
public record ApiSettings(
        @DefaultValue("10s") Duration refreshWait,
        @DefaultValue("") List<String> corsOrigins,
        @DefaultValue("200") int rateLimitBurst,
        @DefaultValue("50") double rateLimitPerSecond,
        @DefaultValue("100000") int rateLimitClients) {

    public ApiSettings {
        corsOrigins = corsOrigins == null
                ? List.of()
                : corsOrigins.stream()
                        .map(String::strip)
                        .filter(o -> !o.isEmpty())
                        .toList();
        if (rateLimitBurst < 1) throw new IllegalArgumentException("skysentinel.api.rate-limit-burst must be >= 1");
        if (!(rateLimitPerSecond > 0))
            throw new IllegalArgumentException("skysentinel.api.rate-limit-per-second must be > 0");
        if (rateLimitClients < 1) throw new IllegalArgumentException("skysentinel.api.rate-limit-clients must be >= 1");
    }
}
