package io.skysentinel.hub;

/**
 * The outcome of applying one source batch.
 *
 * @param delta          what changed (upserts from the batch, then removals of that source's stale aircraft)
 * @param unchanged      states identical to what the hub already had
 * @param outOfOrder     states older (by last contact) than what the hub already had: ignored
 * @param staleOnArrival states already older than the stale threshold when they arrived: ignored
 * @param overCapacity   new aircraft refused because the hub is at its size bound
 */
public record ApplyResult(Delta delta, int unchanged, int outOfOrder, int staleOnArrival, int overCapacity) {
}
