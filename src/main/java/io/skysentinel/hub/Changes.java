package io.skysentinel.hub;

import io.skysentinel.core.Aircraft;

import java.util.List;

/**
 * The answer to "what changed since sequence N": apply {@code removals}, then {@code upserts}, and the client's
 * picture equals the hub's at {@code seq}.
 *
 * @param resync true when N is too old (the removal log no longer reaches back to it) or from another hub
 *               lifetime (N is ahead of the hub): then {@code upserts} is the whole picture and the client must
 *               first clear what it has
 */
public record Changes(long sinceSeq, long seq, List<Aircraft> upserts, List<String> removals, boolean resync) {
}
