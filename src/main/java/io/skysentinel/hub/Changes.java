package io.skysentinel.hub;

import io.skysentinel.core.LiveEntity;
import java.util.List;

/**
 * The answer to "what changed since sequence N", coalesced (each entity once, in its latest state): apply
 * {@code removals}, then {@code upserts}, and the client's picture equals the hub's at {@code seq}. What the push
 * needs; consumers that must see every state follow the hub instead ({@link LiveHub#follow}).
 *
 * @param resync true when N is too old (the removal log no longer reaches back to it) or from another hub
 *               lifetime (N is ahead of the hub): then {@code upserts} is the whole picture and the client must
 *               first clear what it has
 */
public record Changes<E extends LiveEntity>(
        long sinceSeq, long seq, List<E> upserts, List<String> removals, boolean resync) {}
