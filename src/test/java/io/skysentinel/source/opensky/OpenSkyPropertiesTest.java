package io.skysentinel.source.opensky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenSkyPropertiesTest {

    @Test
    void defaultsAreAnonymousNycExtendedWithDocumentedValues() {
        OpenSkyProperties p = OpenSkyProperties.defaults();
        assertThat(p.baseUrl()).isEqualTo("https://opensky-network.org/api");
        assertThat(p.tokenUrl())
                .isEqualTo(
                        "https://auth.opensky-network.org/auth/realms/opensky-network/protocol/openid-connect/token");
        assertThat(p.authenticated()).isFalse();
        assertThat(p.authMode()).isEqualTo("anonymous");
        assertThat(p.tier()).isEqualTo(Tier.AUTO);
        assertThat(p.effectiveDailyCredits()).isEqualTo(400);
        assertThat(p.regions()).containsExactly(OpenSkyProperties.NYC);
        assertThat(p.extended()).isTrue();
        assertThat(p.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.minInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.recordFile()).isEmpty();
        assertThat(p.recordMaxBytes()).isEqualTo(1L << 30);
        assertThat(p.refillMode()).isEqualTo(RefillMode.DAILY);
        assertThat(p.refillTimeUtc()).isNull();
    }

    @Test
    void tierFollowsCredentialsUnlessSetAndDailyCreditsOverrides() {
        OpenSkyProperties auth = OpenSkyProperties.defaults().toBuilder()
                .credentials("id", "secret")
                .build();
        assertThat(auth.authMode()).isEqualTo("oauth2");
        assertThat(auth.effectiveDailyCredits()).isEqualTo(4_000);
        assertThat(auth.minInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(auth.toBuilder().tier(Tier.FEEDER).build().effectiveDailyCredits())
                .isEqualTo(8_000);
        assertThat(auth.toBuilder().dailyCredits(1_234).build().effectiveDailyCredits())
                .isEqualTo(1_234);
        // without an account OpenSky gives 400 whatever the configured tier says
        assertThat(OpenSkyProperties.defaults().toBuilder()
                        .tier(Tier.FEEDER)
                        .build()
                        .effectiveDailyCredits())
                .isEqualTo(400);
    }

    @Test
    void emptyRegionListMeansWorldAndTrailingSlashIsDropped() {
        OpenSkyProperties p = OpenSkyProperties.defaults().toBuilder()
                .regions(List.of())
                .baseUrl("http://127.0.0.1:9/api/")
                .refill(RefillMode.ROLLING, "02:30")
                .build();
        assertThat(p.regions()).isEmpty();
        assertThat(p.baseUrl()).isEqualTo("http://127.0.0.1:9/api");
        assertThat(p.refillTimeUtc()).isEqualTo(LocalTime.of(2, 30));
    }

    @Test
    void misconfigurationFailsAtStartupWithTheSettingName() {
        var b = OpenSkyProperties.defaults().toBuilder();
        assertThatThrownBy(() -> OpenSkyProperties.defaults().toBuilder()
                        .credentials("id", "")
                        .build())
                .hasMessageContaining("client-id and client-secret");
        assertThatThrownBy(() -> OpenSkyProperties.defaults().toBuilder()
                        .baseUrl("ftp://x")
                        .build())
                .hasMessageContaining("base-url");
        assertThatThrownBy(() -> OpenSkyProperties.defaults().toBuilder()
                        .refill(RefillMode.DAILY, "25:00")
                        .build())
                .hasMessageContaining("refill-time");
        assertThatThrownBy(() -> OpenSkyProperties.defaults().toBuilder()
                        .timeout(Duration.ZERO)
                        .build())
                .hasMessageContaining("timeout");
        assertThatThrownBy(() -> OpenSkyProperties.defaults().toBuilder()
                        .backoff(Duration.ofMinutes(2), Duration.ofMinutes(1))
                        .build())
                .hasMessageContaining("backoff-max");
        assertThatThrownBy(() ->
                        b.regions(RegionParser.parse("a:1,1,2,2;a:3,3,4,4")).build())
                .hasMessageContaining("twice");
    }
}
