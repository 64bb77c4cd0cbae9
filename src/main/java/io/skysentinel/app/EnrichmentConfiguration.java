package io.skysentinel.app;

import io.skysentinel.enrichment.AircraftDatabase;
import io.skysentinel.enrichment.StandingData;
import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
}
