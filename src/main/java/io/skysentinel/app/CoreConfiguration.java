package io.skysentinel.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.bus.InMemoryFlightBus;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AtcPosition;
import io.skysentinel.core.FlightBus;
import io.skysentinel.hub.HubSettings;
import io.skysentinel.hub.LiveHub;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock, the bus and the hub: the pieces every role shares. */
@Configuration(proxyBeanMethods = false)
public class CoreConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    InMemoryFlightBus flightBus(@Value("${skysentinel.bus.capacity:256}") int capacity, MeterRegistry meters) {
        return new InMemoryFlightBus(capacity, meters);
    }

    /** The hub fed by the in-process bus; with SKYSENTINEL_BUS=kafka, KafkaConfiguration provides the hub instead. */
    @Bean
    @ConditionalOnProperty(name = "skysentinel.bus.type", havingValue = "memory", matchIfMissing = true)
    LiveHub<Aircraft> liveHub(HubSettings settings, Clock clock, MeterRegistry meters, FlightBus bus) {
        return LiveHub.forAircraft(settings, clock, meters).attach(bus);
    }

    /**
     * The ATC positions of the network sources (VATSIM), in a hub of their own, fed by the in-process bus in every
     * role: with SKYSENTINEL_BUS=kafka they are served by the ingest instances only (docs/vatsim.md).
     */
    @Bean
    LiveHub<AtcPosition> atcHub(HubSettings settings, Clock clock, MeterRegistry meters, FlightBus bus) {
        return LiveHub.forAtc(settings, clock, meters).attach(bus);
    }
}
