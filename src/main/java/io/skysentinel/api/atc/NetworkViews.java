package io.skysentinel.api.atc;

import io.skysentinel.core.NetworkReporting.Code;
import io.skysentinel.core.NetworkReporting.NetworkCodes;
import io.skysentinel.core.NetworkReporting.NetworkStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The bodies of GET /api/network/status and GET /api/vatsim/ratings: pure functions of a source's report. */
final class NetworkViews {

    static final String NO_MILITARY_RATINGS = "this feed publishes no military ratings";

    private NetworkViews() {}

    /**
     * @param feedAgeS how long before now the feed was generated, s (its {@code update_timestamp}); null without one
     */
    record Status(
            String network,
            int connectedClients,
            int uniqueUsers,
            int pilots,
            int controllers,
            int observers,
            int atis,
            int prefiles,
            Instant updatedAt,
            Double feedAgeS,
            String feedUrl,
            long unchangedSkipped) {

        static Status of(NetworkStatus s, Clock clock) {
            Double age = s.updatedAt() == null
                    ? null
                    : (clock.millis() - s.updatedAt().toEpochMilli()) / 1000.0;
            return new Status(
                    s.network(),
                    s.connectedClients(),
                    s.uniqueUsers(),
                    s.pilots(),
                    s.controllers(),
                    s.observers(),
                    s.atis(),
                    s.prefiles(),
                    s.updatedAt(),
                    age,
                    s.feedUrl(),
                    s.unchangedSkipped());
        }
    }

    /**
     * @param militaryRatings     null when the feed has none (VATSIM's before 2023), with {@code militaryRatingsNote}
     *                            saying so; a feed with an empty list is not the same and has no note
     */
    record Ratings(
            String network,
            List<Code> facilities,
            List<Code> ratings,
            List<Code> pilotRatings,
            List<Code> militaryRatings,
            String militaryRatingsNote) {

        static Ratings of(NetworkCodes c) {
            return new Ratings(
                    c.network(),
                    orEmpty(c.facilities()),
                    orEmpty(c.ratings()),
                    orEmpty(c.pilotRatings()),
                    c.militaryRatings(),
                    c.militaryRatings() == null ? NO_MILITARY_RATINGS : null);
        }

        private static List<Code> orEmpty(List<Code> codes) {
            return codes == null ? List.of() : codes;
        }
    }
}
