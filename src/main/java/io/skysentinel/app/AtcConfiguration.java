package io.skysentinel.app;

import io.skysentinel.atc.AtcReference;
import io.skysentinel.atc.ReferenceAirports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ATC reference data (docs/atc.md), read once from the jar. Reading takes 0.1–0.3 s on a warm JVM but several
 * seconds on a cold one competing with the rest of the start, so both are read on threads of their own and the beans
 * are ready at once: the first lookup (the first VATSIM feed, the first area request) waits for them. Spring's
 * background bootstrap was not used: it makes every injection point take an ObjectProvider. {@link ReferenceAirports}
 * is not an AirportCatalog bean: the built-in catalog is the one injected by type.
 */
@Configuration(proxyBeanMethods = false)
public class AtcConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AtcConfiguration.class);

    @Bean
    ReferenceAirports referenceAirports() {
        long start = System.nanoTime();
        ReferenceAirports airports = ReferenceAirports.loadInBackground();
        airports.ready().whenComplete((a, failed) -> {
            if (failed != null) log.error("reference airports could not be read: none are known", failed);
            else
                log.info(
                        "reference airports loaded in {} ms (background): {} airports, {} rows skipped",
                        (System.nanoTime() - start) / 1_000_000,
                        a.size(),
                        a.skippedRows());
        });
        return airports;
    }

    @Bean
    AtcReference atcReference(ReferenceAirports airports) {
        long start = System.nanoTime();
        AtcReference reference = AtcReference.loadInBackground(airports.catalog());
        reference.ready().whenComplete((r, failed) -> {
            if (failed != null) log.error("ATC reference could not be read: no position will be placed", failed);
            else
                log.info(
                        "ATC reference loaded in {} ms (background): {}",
                        (System.nanoTime() - start) / 1_000_000,
                        r.summary());
        });
        return reference;
    }
}
