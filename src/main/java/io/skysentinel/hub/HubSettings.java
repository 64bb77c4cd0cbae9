package io.skysentinel.hub;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param staleThreshold      an aircraft is removed this long after its last contact, by its source's clock
 *                            (STALE_THRESHOLD_SECONDS)
 * @param maxAircraft         bound on the picture; new aircraft beyond it are refused and counted
 * @param removalLogCapacity  removals remembered for "changes since N"; older clients resync
 * @param backpressureMaxWait a replayed batch waits at most this long for room in a follower's queue, then goes on
 *                            (and the follower drops, counted): a follower that stopped must not stop the hub
 */
@ConfigurationProperties(prefix = "skysentinel.hub")
public record HubSettings(
        @DefaultValue("60s") Duration staleThreshold,
        @DefaultValue("200000") int maxAircraft,
        @DefaultValue("100000") int removalLogCapacity,
        @DefaultValue("30s") Duration backpressureMaxWait) {
    public HubSettings {
        if (staleThreshold == null || staleThreshold.isNegative() || staleThreshold.isZero())
            throw new IllegalArgumentException("skysentinel.hub.stale-threshold must be positive");
        if (maxAircraft < 1) throw new IllegalArgumentException("skysentinel.hub.max-aircraft must be >= 1");
        if (removalLogCapacity < 1)
            throw new IllegalArgumentException("skysentinel.hub.removal-log-capacity must be >= 1");
        if (backpressureMaxWait == null) backpressureMaxWait = Duration.ofSeconds(30);
        if (backpressureMaxWait.isNegative())
            throw new IllegalArgumentException("skysentinel.hub.backpressure-max-wait must be >= 0");
    }

    public static HubSettings defaults() {
        return new HubSettings(Duration.ofSeconds(60), 200_000, 100_000, Duration.ofSeconds(30));
    }
}
