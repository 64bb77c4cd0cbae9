package io.skysentinel.hub;

import io.skysentinel.core.LiveEntity;
import java.util.List;
import java.util.Map;

/**
 * A consistent copy of the picture at {@code seq}, taken under the hub's lock.
 *
 * @param takenAtMs    wall clock when taken
 * @param sourceAgesMs per source that has entities in the picture: how old its newest data is, by its own clock
 */
public record HubSnapshot<E extends LiveEntity>(
        long seq, long takenAtMs, List<E> entities, Map<String, Long> sourceAgesMs) {

    /** Age of the oldest part of the picture in seconds, or null when the picture is empty. */
    public Double dataAgeSeconds() {
        return sourceAgesMs.values().stream()
                .max(Long::compare)
                .map(ms -> ms / 1000.0)
                .orElse(null);
    }
}
