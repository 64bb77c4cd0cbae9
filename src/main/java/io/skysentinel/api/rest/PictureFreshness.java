package io.skysentinel.api.rest;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.Readiness;
import io.skysentinel.core.SourceHealth;
import io.skysentinel.core.SourceRegistry;
import io.skysentinel.hub.HubSnapshot;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Decides whether the picture being served is stale: some source that has aircraft in it is not UP (rate
 * limited, failing, finished). The hub keeps such a source's last picture; this is what marks it.
 */
@Component
public class PictureFreshness {
    private final SourceRegistry sources;
    private final List<Readiness> readiness;

    public PictureFreshness(SourceRegistry sources, ObjectProvider<Readiness> readiness) {
        this.sources = sources;
        this.readiness = readiness.orderedStream().toList();
    }

    public boolean stale(HubSnapshot<Aircraft> snapshot) {
        // A standby ingest instance serving the Kafka-fed picture: its own sources are not started on purpose and say
        // nothing about that picture (docs/kafka.md: on hub instances, data_age_s is what shows a silent upstream).
        if (readiness.stream().anyMatch(Readiness::standby)) return false;
        return sources.health().stream()
                .anyMatch(h -> h.state() != SourceHealth.State.UP && snapshot.sourceAgesMs().containsKey(h.name()));
    }
}
