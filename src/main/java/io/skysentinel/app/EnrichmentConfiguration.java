package io.skysentinel.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.bus.InMemoryFlightBus;
import io.skysentinel.enrichment.AircraftDatabase;
import io.skysentinel.enrichment.EnrichingFlightBus;
import io.skysentinel.enrichment.StandingData;
import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** The aircraft database (docs/enrichment.md): the shipped standing data plus ENRICHMENT_AIRCRAFT_FILES. */
@Configuration(proxyBeanMethods = false)
public class EnrichmentConfiguration {

    @Bean
    AircraftDatabase aircraftDatabase(@Value("${skysentinel.enrichment.aircraft-files:}") List<String> files) {
        List<Path> paths = files.stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(Path::of)
                .toList();
        return StandingData.load(paths).database();
    }

    /**
     * The bus the sources and the hubs use: it tells each state who its aircraft is on the way in. Primary, so every
     * {@code FlightBus} injection gets it; the roles that drain the bus on a hand-over keep the in-memory bus itself.
     * It is also the {@code AircraftEnricher} that history read-backs (playback, the past sky) go through.
     */
    @Bean
    @Primary
    EnrichingFlightBus enrichingFlightBus(
            InMemoryFlightBus bus, AircraftDatabase aircraftDatabase, MeterRegistry meters) {
        return new EnrichingFlightBus(bus, aircraftDatabase, meters);
    }
}
