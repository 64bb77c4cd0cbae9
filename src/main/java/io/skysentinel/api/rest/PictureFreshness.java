package io.skysentinel.api.rest;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.FeedStatus;
import io.skysentinel.core.Readiness;
import io.skysentinel.core.SourceHealth;
import io.skysentinel.core.SourceRegistry;
import io.skysentinel.hub.HubSnapshot;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Decides whether the picture being served is stale: some source that has aircraft in it is not UP (rate
 * limited, failing, finished). The hub keeps such a source's last picture; this is what marks it. A Kafka-fed
 * picture is judged by its feed: stale when the ingest side sends no heartbeat, or when an upstream source with
 * aircraft in the picture is not UP at the ingest leader; this instance's own sources say nothing about it.
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
        Optional<FeedStatus> feed = readiness.stream()
                .map(Readiness::feed)
                .flatMap(Optional::stream)
                .findFirst();
        if (feed.isPresent() && !feed.get().live()) return true;
        List<SourceHealth> judged = feed.map(FeedStatus::sources).orElseGet(sources::health);
        return judged.stream()
                .anyMatch(h -> h.state() != SourceHealth.State.UP
                        && snapshot.sourceAgesMs().containsKey(h.name()));
    }
}
