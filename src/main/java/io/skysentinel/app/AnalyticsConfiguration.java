package io.skysentinel.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.analytics.AnalyticsEngine;
import io.skysentinel.analytics.AnalyticsRunner;
import io.skysentinel.analytics.AnalyticsSettings;
import io.skysentinel.analytics.airports.GridAirportCatalog;
import io.skysentinel.core.AnalyticsListener;
import io.skysentinel.hub.LiveHub;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Live analytics: the built-in airport catalog (also what history seeds its airports table from) and, unless
 * ANALYTICS_ENABLED=false, the runner that follows the hub and hands movements and events to every
 * {@link AnalyticsListener} bean.
 */
@Configuration(proxyBeanMethods = false)
public class AnalyticsConfiguration {

    /** The one {@link io.skysentinel.core.AirportCatalog} bean; it also answers nearest-airport lookups. */
    @Bean
    GridAirportCatalog airportCatalog() {
        return GridAirportCatalog.builtIn();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnBooleanProperty(name = "skysentinel.analytics.enabled", matchIfMissing = true)
    AnalyticsRunner analyticsRunner(AnalyticsSettings settings, GridAirportCatalog airports, LiveHub hub,
                                    ObjectProvider<AnalyticsListener> listeners, MeterRegistry meters) {
        AnalyticsEngine engine = new AnalyticsEngine(airports, settings);
        return new AnalyticsRunner(hub, engine, listeners.orderedStream().toList(), meters).start(settings.pollInterval());
    }
}
