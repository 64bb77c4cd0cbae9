package io.skysentinel.source.vatsim;

import io.skysentinel.core.AirportCatalog;
import io.skysentinel.core.AtcLocator;
import io.skysentinel.core.SourceBatch;

/**
 * What a poll does with a feed body once it has it, without the network: parse, convert (with the derived values of
 * the previous body given) and make the network's batch. The benchmark's entry point (docs/benchmarks.md); the
 * poller uses the same parser and converter. Not thread-safe: feeds must come in order, from one thread.
 */
public final class VatsimPipeline {

    private final VatsimFeedParser parser = new VatsimFeedParser();
    private final FeedConverter converter;

    public VatsimPipeline(AirportCatalog airports, AtcLocator locator) {
        this.converter = new FeedConverter(airports, locator);
    }

    /** @throws IllegalArgumentException when the body is not a usable feed */
    public SourceBatch batch(byte[] body) {
        VatsimFeed feed;
        try {
            feed = parser.parse(body);
        } catch (MalformedFeedException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        FeedConverter.Converted c = converter.convert(feed);
        return SourceBatch.network(FeedConverter.SOURCE, feed.updatedAt().toEpochMilli(), c.pilots(), c.atc());
    }

    /** Parses only, converting nothing: the pilots the body lists (the benchmark's baseline). */
    public int parseOnly(byte[] body) {
        try {
            return parser.parse(body).pilots().size();
        } catch (MalformedFeedException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
