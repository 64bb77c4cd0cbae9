package io.skysentinel.core;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A source that reads a whole network's feed (VATSIM) and can say what the network looks like: the figures behind
 * {@code GET /api/network/status} and the code lists behind {@code GET /api/vatsim/ratings}.
 */
public interface NetworkReporting {

    /** The network's state as of the last feed read; null before the first one. */
    NetworkStatus networkStatus();

    /** The feed's code lists as of the last feed read; null before the first one. */
    NetworkCodes networkCodes();

    /**
     * @param connectedClients  the feed's {@code connected_clients}
     * @param uniqueUsers       the feed's {@code unique_users}
     * @param pilots            pilots in the feed
     * @param controllers       staffed controller positions (observers and facility-0 connections left out)
     * @param observers         observer (facility 0) connections
     * @param atis              ATIS connections
     * @param prefiles          flight plans filed by members not yet connected
     * @param updatedAt         the feed's {@code update_timestamp}
     * @param feedUrl           the data URL read last
     * @param unchangedSkipped  polls that found the same {@code update_timestamp} and processed nothing, since start
     */
    record NetworkStatus(
            String network,
            int connectedClients,
            int uniqueUsers,
            int pilots,
            int controllers,
            int observers,
            int atis,
            int prefiles,
            Instant updatedAt,
            String feedUrl,
            long unchangedSkipped) {

        /** The same figures, read from another URL, with another skip count. */
        public NetworkStatus readFrom(String url, long skipped) {
            return new NetworkStatus(
                    network,
                    connectedClients,
                    uniqueUsers,
                    pilots,
                    controllers,
                    observers,
                    atis,
                    prefiles,
                    updatedAt,
                    url,
                    skipped);
        }
    }

    /** The code lists a feed publishes; {@code militaryRatings} is null for feeds that have none (before 2023). */
    record NetworkCodes(
            String network,
            List<Code> facilities,
            List<Code> ratings,
            @JsonProperty("pilot_ratings") List<Code> pilotRatings,
            @JsonProperty("military_ratings") List<Code> militaryRatings) {}

    /** One code: its number, short and long name. */
    record Code(
            int id,
            @JsonProperty("short") String shortName,
            @JsonProperty("long") String longName) {}
}
