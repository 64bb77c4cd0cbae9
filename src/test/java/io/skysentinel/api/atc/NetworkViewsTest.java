package io.skysentinel.api.atc;

import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.core.NetworkReporting.Code;
import io.skysentinel.core.NetworkReporting.NetworkCodes;
import io.skysentinel.core.NetworkReporting.NetworkStatus;
import io.skysentinel.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The status and ratings bodies, from the figures of VATSIM's feed of 2023-07-31T19:25:33.6312258Z. */
class NetworkViewsTest {

    static final JsonMapper REST = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();
    static final Instant UPDATED = Instant.parse("2023-07-31T19:25:33.6312258Z");
    static final NetworkStatus STATUS = new NetworkStatus(
            "vatsim", 1766, 1656, 1402, 210, 98, 56, 312, UPDATED, "https://data.example.test/v3/feed.json", 3);

    static final List<Code> FACILITIES =
            List.of(new Code(0, "OBS", "Observer"), new Code(4, "TWR", "Tower"), new Code(6, "CTR", "Enroute"));
    static final List<Code> RATINGS =
            List.of(new Code(2, "S1", "Tower Trainee"), new Code(7, "C3", "Senior Controller"));
    static final List<Code> PILOT_RATINGS =
            List.of(new Code(0, "NEW", "Basic Member"), new Code(1, "PPL", "Private Pilot License"));

    @Test
    void feedAgeIsTheClocksNowMinusTheFeedsUpdateTime() {
        TestClock clock = new TestClock(UPDATED.plus(Duration.ofMillis(21_500)));
        NetworkViews.Status s = NetworkViews.Status.of(STATUS, clock);
        assertThat(s.feedAgeS()).isEqualTo(21.5);
        clock.advance(Duration.ofSeconds(15));
        assertThat(NetworkViews.Status.of(STATUS, clock).feedAgeS()).isGreaterThan(s.feedAgeS() + 14.9);
    }

    @Test
    void statusBodyHasTheContractsFieldsInOrder() {
        JsonNode body = REST.valueToTree(NetworkViews.Status.of(STATUS, new TestClock(UPDATED.plusSeconds(30))));
        assertThat(body.propertyNames())
                .containsExactly(
                        "network",
                        "connected_clients",
                        "unique_users",
                        "pilots",
                        "controllers",
                        "observers",
                        "atis",
                        "prefiles",
                        "updated_at",
                        "feed_age_s",
                        "feed_url",
                        "unchanged_skipped");
        assertThat(body.get("connected_clients").asInt()).isEqualTo(1766);
        assertThat(body.get("updated_at").asString()).isEqualTo("2023-07-31T19:25:33.631225800Z");
        assertThat(body.get("unchanged_skipped").asLong()).isEqualTo(3);
    }

    @Test
    void aStatusWithoutUpdateTimeHasNoAge() {
        NetworkStatus noTime = new NetworkStatus("vatsim", 1, 1, 1, 0, 0, 0, 0, null, null, 0);
        assertThat(NetworkViews.Status.of(noTime, new TestClock(UPDATED)).feedAgeS())
                .isNull();
    }

    @Test
    void aFeedWithMilitaryRatingsListsThemWithoutANote() {
        List<Code> military =
                List.of(new Code(0, "M0", "No Military Rating"), new Code(1, "M1", "Military Pilot License"));
        JsonNode body = REST.valueToTree(
                NetworkViews.Ratings.of(new NetworkCodes("vatsim", FACILITIES, RATINGS, PILOT_RATINGS, military)));
        assertThat(body.propertyNames())
                .containsExactly(
                        "network",
                        "facilities",
                        "ratings",
                        "pilot_ratings",
                        "military_ratings",
                        "military_ratings_note");
        assertThat(body.get("military_ratings").get(1).get("short").asString()).isEqualTo("M1");
        assertThat(body.get("military_ratings").get(1).get("long").asString()).isEqualTo("Military Pilot License");
        assertThat(body.get("military_ratings_note").isNull()).isTrue();
        assertThat(body.get("facilities").get(1).propertyNames()).containsExactly("id", "short", "long");
    }

    @Test
    void anOlderFeedWithoutMilitaryRatingsSaysSo() {
        JsonNode body = REST.valueToTree(
                NetworkViews.Ratings.of(new NetworkCodes("vatsim", FACILITIES, RATINGS, PILOT_RATINGS, null)));
        assertThat(body.get("military_ratings").isNull()).isTrue();
        assertThat(body.get("military_ratings_note").asString()).isEqualTo("this feed publishes no military ratings");
        assertThat(body.get("pilot_ratings").get(1).get("short").asString()).isEqualTo("PPL");
    }
}
