package io.skysentinel.analytics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live analytics settings ({@code skysentinel.analytics.*}); docs/analytics.md explains each rule and threshold.
 *
 * @param enabled                 run the live analytics at all (ANALYTICS_ENABLED)
 * @param queueCapacity           accepted states queued for the detectors (one process); beyond it the oldest are
 *                                dropped and counted, and the detectors catch up from the live picture
 * @param maxTracked              aircraft whose state the detectors keep; the least recently seen beyond it is evicted
 * @param airportRadiusM          a take-off or landing this close to an airport's reference point is its movement
 * @param confirm                 a new ground/air state must last this long before it counts (glitch filter)
 * @param maxGap                  a silence longer than this resets an aircraft's detectors (no invented movements)
 * @param groundToleranceFt       an on-ground flag more than this above the field elevation is a glitch
 * @param rapidDescentFpm         vertical rate (negative) below which a descent is rapid
 * @param rapidDescentFor         how long the rapid descent must be sustained
 * @param jumpSpeedKt             implied speed between two positions above which the jump is impossible
 * @param jumpMinDistanceM        and the jump must be at least this long (1 s timestamps make short hops look fast)
 * @param goAroundRadiusM         how close to an airport the low point of a go-around must be
 * @param goAroundHeightFt        how low (above field elevation) the aircraft must have come
 * @param goAroundClimbFt         how far it must then climb back above its low point
 * @param holdingTurnDeg          cumulative turn that makes a hold
 * @param holdingWindow           within this long
 * @param lostContactEdgeMarginM an aircraft vanishing this close to the edge of the covered area just left it
 */
@ConfigurationProperties(prefix = "skysentinel.analytics")
public record AnalyticsSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("200000") int queueCapacity,
        @DefaultValue("100000") int maxTracked,
        @DefaultValue("5000") double airportRadiusM,
        @DefaultValue("10s") Duration confirm,
        @DefaultValue("5m") Duration maxGap,
        @DefaultValue("1500") double groundToleranceFt,
        @DefaultValue("-6000") double rapidDescentFpm,
        @DefaultValue("20s") Duration rapidDescentFor,
        @DefaultValue("1500") double jumpSpeedKt,
        @DefaultValue("5000") double jumpMinDistanceM,
        @DefaultValue("8000") double goAroundRadiusM,
        @DefaultValue("1000") double goAroundHeightFt,
        @DefaultValue("500") double goAroundClimbFt,
        @DefaultValue("360") double holdingTurnDeg,
        @DefaultValue("5m") Duration holdingWindow,
        @DefaultValue("30000") double lostContactEdgeMarginM) {

    public AnalyticsSettings {
        if (queueCapacity < 1) throw new IllegalArgumentException("skysentinel.analytics.queue-capacity must be >= 1");
        if (maxTracked < 1) throw new IllegalArgumentException("skysentinel.analytics.max-tracked must be >= 1");
        if (!(airportRadiusM > 0))
            throw new IllegalArgumentException("skysentinel.analytics.airport-radius-m must be > 0");
        if (confirm.isNegative()) throw new IllegalArgumentException("skysentinel.analytics.confirm must be >= 0");
        if (maxGap.compareTo(confirm) <= 0)
            throw new IllegalArgumentException("skysentinel.analytics.max-gap must exceed confirm");
        if (!(rapidDescentFpm < 0))
            throw new IllegalArgumentException("skysentinel.analytics.rapid-descent-fpm must be negative");
        if (!(jumpSpeedKt > 0)) throw new IllegalArgumentException("skysentinel.analytics.jump-speed-kt must be > 0");
        if (!(holdingTurnDeg >= 180))
            throw new IllegalArgumentException("skysentinel.analytics.holding-turn-deg must be >= 180");
        if (!(goAroundClimbFt > 0 && goAroundHeightFt > 0))
            throw new IllegalArgumentException("skysentinel.analytics.go-around-* must be > 0");
    }

    public static AnalyticsSettings defaults() {
        return new AnalyticsSettings(
                true,
                200_000,
                100_000,
                5_000,
                Duration.ofSeconds(10),
                Duration.ofMinutes(5),
                1_500,
                -6_000,
                Duration.ofSeconds(20),
                1_500,
                5_000,
                8_000,
                1_000,
                500,
                360,
                Duration.ofMinutes(5),
                30_000);
    }
}
