package io.skysentinel.api.rest;

import io.skysentinel.core.SourceHealth;
import io.skysentinel.core.SourceRegistry;
import io.skysentinel.hub.HubSnapshot;
import org.springframework.stereotype.Component;

/**
 * Decides whether the picture being served is stale: some source that has aircraft in it is not UP (rate
 * limited, failing, finished). The hub keeps such a source's last picture; this is what marks it.
 */
@Component
public class PictureFreshness {
    private final SourceRegistry sources;

    public PictureFreshness(SourceRegistry sources) {
        this.sources = sources;
    }

    public boolean stale(HubSnapshot snapshot) {
        return sources.health().stream()
                .anyMatch(h -> h.state() != SourceHealth.State.UP && snapshot.sourceAgesMs().containsKey(h.name()));
    }
}
