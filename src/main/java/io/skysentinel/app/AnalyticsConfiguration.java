package io.skysentinel.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.analytics.AnalyticsEngine;
import io.skysentinel.analytics.AnalyticsRunner;
import io.skysentinel.analytics.AnalyticsSettings;
import io.skysentinel.analytics.airports.CatalogAirportIndex;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AnalyticsListener;
import io.skysentinel.hub.FollowerRunner;
import io.skysentinel.hub.LiveHub;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Live analytics: the built-in airport catalog (also what history seeds its airports table from) and, unless
 * ANALYTICS_ENABLED=false, the detectors following the hub's update stream and handing movements and events to every
 * {@link AnalyticsListener} bean. With the Kafka bus the detectors run once for the deployment, in the history role
 * (KafkaConfiguration), not on every hub.
 */
@Configuration(proxyBeanMethods = false)
public class AnalyticsConfiguration {

    /** Updates handed to the detectors at a time. */
    static final int BATCH = 10_000;

    /** The one {@link io.skysentinel.core.AirportCatalog} bean; it also answers nearest-airport lookups. */
    @Bean
    CatalogAirportIndex airportCatalog() {
        return CatalogAirportIndex.builtIn();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnBooleanProperty(name = "skysentinel.analytics.enabled", matchIfMissing = true)
    @ConditionalOnProperty(name = "skysentinel.bus.type", havingValue = "memory", matchIfMissing = true)
    FollowerRunner<Aircraft> analyticsFollower(
            AnalyticsSettings settings,
            CatalogAirportIndex airports,
            LiveHub<Aircraft> hub,
            ObjectProvider<AnalyticsListener> listeners,
            MeterRegistry meters) {
        AnalyticsRunner runner = new AnalyticsRunner(
                new AnalyticsEngine(airports, settings),
                listeners.orderedStream().toList(),
                meters);
        return new FollowerRunner<>(
                        hub.follow("analytics", settings.queueCapacity()),
                        runner,
                        () -> hub.snapshot().entities(),
                        BATCH,
                        0)
                .start();
    }
}
