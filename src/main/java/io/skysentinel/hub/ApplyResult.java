package io.skysentinel.hub;

import io.skysentinel.core.LiveEntity;

/**
 * The outcome of applying one source batch (or one slice of a mirrored stream).
 *
 * @param delta          what changed: upserts from the batch, then removals (left the feed, then stale)
 * @param unchanged      states identical to what the hub already had
 * @param outOfOrder     states older (by last contact) than what the hub already had: ignored
 * @param staleOnArrival states already older than the stale threshold when they arrived: ignored
 * @param overCapacity   new entities refused because the hub is at its size bound
 */
public record ApplyResult<E extends LiveEntity>(
        Delta<E> delta, int unchanged, int outOfOrder, int staleOnArrival, int overCapacity) {}
