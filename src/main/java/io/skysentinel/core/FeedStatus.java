package io.skysentinel.core;

import java.util.List;
import java.util.Map;

/**
 * How a picture fed from elsewhere stands: an instance serving a Kafka-fed hub judges its health and staleness by
 * what the ingest leader's heartbeat says about the upstream sources, not by sources of its own (a serve instance has
 * none; an ingest instance that is not leading has them stopped on purpose).
 *
 * @param live          a heartbeat arrived within the timeout: the ingest side is there and delivering
 * @param heartbeatAgeS seconds since the newest heartbeat was produced; null when none was ever seen
 * @param sources       the upstream sources as the newest heartbeat described them; empty when none was seen
 * @param dataAgeS      per upstream source, the age of its newest data at the ingest leader when it sent the heartbeat
 */
public record FeedStatus(boolean live, Double heartbeatAgeS, List<SourceHealth> sources, Map<String, Double> dataAgeS) {
    public FeedStatus {
        sources = List.copyOf(sources);
        dataAgeS = Map.copyOf(dataAgeS);
    }
}
