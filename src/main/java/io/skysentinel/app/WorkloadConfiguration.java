package io.skysentinel.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.skysentinel.analytics.workload.AreaRules;
import io.skysentinel.analytics.workload.Workload;
import io.skysentinel.api.atc.WorkloadGauges;
import io.skysentinel.atc.AtcReference;
import io.skysentinel.atc.ReferenceAirports;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AtcPosition;
import io.skysentinel.hub.LiveHub;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
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

    /** Gauges of the busiest staffed positions, refreshed once a feed interval (docs/vatsim.md, workload). */
    @Bean(destroyMethod = "close")
    WorkloadGauges workloadGauges(
            LiveHub<Aircraft> liveHub,
            LiveHub<AtcPosition> atcHub,
            Workload workload,
            MeterRegistry meters,
            @Value("${skysentinel.workload.gauges-top:50}") int top,
            @Value("${skysentinel.workload.gauges-interval:15s}") Duration every) {
        return new WorkloadGauges(liveHub, atcHub, workload, meters, top, every);
    }
}
