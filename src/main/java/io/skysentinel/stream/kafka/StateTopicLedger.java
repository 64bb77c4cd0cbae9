package io.skysentinel.stream.kafka;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the ingest leader believes flights.state holds live, so that it can tombstone what its hub no longer has.
 * A new leader inherits the ids a previous leader left live; those its own hub has not seen by the end of a grace
 * period (the stale threshold) get a tombstone, so nothing lingers forever. Until then they are left alone, also by a
 * whole-picture republish: the sources simply have not reported them yet. Bounded by the hub's size plus the
 * inherited ids. Used by the publisher thread only.
 */
final class StateTopicLedger {

    private final Set<String> live = new HashSet<>();
    private Set<String> inherited = new HashSet<>();
    private long graceEndsMs = Long.MAX_VALUE;

    /** A new term: the topic's live ids, and when their grace ends. */
    void takeOver(Set<String> liveOnTopic, long graceEndsMs) {
        live.clear();
        live.addAll(liveOnTopic);
        inherited = new HashSet<>(liveOnTopic);
        this.graceEndsMs = graceEndsMs;
    }

    void published(String id) {
        live.add(id);
    }

    void tombstoned(String id) {
        live.remove(id);
    }

    /** On a whole-picture republish: the live ids the picture lacks, except inherited ones still in their grace. */
    List<String> goneFrom(Set<String> present) {
        List<String> gone = new ArrayList<>();
        for (String id : live) if (!present.contains(id) && !inherited.contains(id)) gone.add(id);
        return gone;
    }

    /**
     * Once the grace has ended: the inherited ids still live on the topic that the hub does not hold. The inheritance
     * is then settled (an id the hub holds is an ordinary live id from now on).
     */
    List<String> expiredInheritance(long nowMs, Predicate<String> inHub) {
        if (inherited.isEmpty() || nowMs < graceEndsMs) return List.of();
        List<String> doomed = new ArrayList<>();
        for (String id : inherited) if (live.contains(id) && !inHub.test(id)) doomed.add(id);
        inherited = new HashSet<>();
        return doomed;
    }

    boolean isLive(String id) {
        return live.contains(id);
    }

    int inheritedCount() {
        return inherited.size();
    }
}
