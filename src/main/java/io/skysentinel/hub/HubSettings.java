package io.skysentinel.hub;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param staleThreshold     an aircraft is removed this long after its last contact, by its source's clock
 *                           (STALE_THRESHOLD_SECONDS)
 * @param maxAircraft        bound on the picture; new aircraft beyond it are refused and counted
 * @param removalLogCapacity removals remembered for "changes since N"; older clients resync
 */
@ConfigurationProperties(prefix = "skysentinel.hub")
public record HubSettings(@DefaultValue("60s") Duration staleThreshold,
                          @DefaultValue("200000") int maxAircraft,
                          @DefaultValue("100000") int removalLogCapacity) {
    public HubSettings {
        if (staleThreshold == null || staleThreshold.isNegative() || staleThreshold.isZero())
            throw new IllegalArgumentException("skysentinel.hub.stale-threshold must be positive");
        if (maxAircraft < 1) throw new IllegalArgumentException("skysentinel.hub.max-aircraft must be >= 1");
        if (removalLogCapacity < 1) throw new IllegalArgumentException("skysentinel.hub.removal-log-capacity must be >= 1");
    }

    public static HubSettings defaults() {
        return new HubSettings(Duration.ofSeconds(60), 200_000, 100_000);
    }
}
