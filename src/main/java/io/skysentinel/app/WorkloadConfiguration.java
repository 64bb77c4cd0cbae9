package io.skysentinel.app;

import io.skysentinel.analytics.workload.AreaRules;
import io.skysentinel.analytics.workload.Workload;
import io.skysentinel.atc.AtcReference;
import io.skysentinel.atc.ReferenceAirports;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Controller workload (docs/vatsim.md#workload-and-prediction): the rules over the ATC reference and its airports. */
@Configuration(proxyBeanMethods = false)
public class WorkloadConfiguration {

    @Bean
    Workload workload(AtcReference reference, ReferenceAirports airports) {
        // Method references only: nothing here waits for the reference data, which loads in the background.
        return new Workload(new AreaRules(reference::area, airports.catalog()));
    }
}
