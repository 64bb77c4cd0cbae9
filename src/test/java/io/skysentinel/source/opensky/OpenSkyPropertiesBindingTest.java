package io.skysentinel.source.opensky;

import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.core.CreditReporting.Region;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The kebab-case names an operator writes in YAML or env vars reach the record (no Spring context needed). */
class OpenSkyPropertiesBindingTest {

    static OpenSkyProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("skysentinel.opensky", OpenSkyProperties.class);
    }

    @Test
    void nothingSetGivesTheDefaults() {
        assertThat(bind(Map.of())).isEqualTo(OpenSkyProperties.defaults());
    }

    @Test
    void everySettingBindsFromItsKebabCaseName() {
        OpenSkyProperties p = bind(Map.ofEntries(
                Map.entry("skysentinel.opensky.base-url", "http://127.0.0.1:8089/api"),
                Map.entry("skysentinel.opensky.token-url", "http://127.0.0.1:8089/token"),
                Map.entry("skysentinel.opensky.client-id", "id"),
                Map.entry("skysentinel.opensky.client-secret", "secret"),
                Map.entry("skysentinel.opensky.tier", "feeder"),
                Map.entry("skysentinel.opensky.daily-credits", "7000"),
                Map.entry("skysentinel.opensky.regions[0].name", "zrh"),
                Map.entry("skysentinel.opensky.regions[0].lamin", "47.0"),
                Map.entry("skysentinel.opensky.regions[0].lomin", "8.0"),
                Map.entry("skysentinel.opensky.regions[0].lamax", "47.8"),
                Map.entry("skysentinel.opensky.regions[0].lomax", "9.0"),
                Map.entry("skysentinel.opensky.extended", "false"),
                Map.entry("skysentinel.opensky.timeout", "3s"),
                Map.entry("skysentinel.opensky.min-interval-authenticated", "6s"),
                Map.entry("skysentinel.opensky.min-interval-anonymous", "12s"),
                Map.entry("skysentinel.opensky.record-file", "/tmp/x.jsonl"),
                Map.entry("skysentinel.opensky.record-max-bytes", "1000"),
                Map.entry("skysentinel.opensky.refill-mode", "rolling"),
                Map.entry("skysentinel.opensky.refill-time", "00:00"),
                Map.entry("skysentinel.opensky.backoff-initial", "1s"),
                Map.entry("skysentinel.opensky.backoff-max", "2m"),
                Map.entry("skysentinel.opensky.breaker-open-duration", "30s")));
        assertThat(p.baseUrl()).isEqualTo("http://127.0.0.1:8089/api");
        assertThat(p.tokenUrl()).isEqualTo("http://127.0.0.1:8089/token");
        assertThat(p.authMode()).isEqualTo("oauth2");
        assertThat(p.tier()).isEqualTo(Tier.FEEDER);
        assertThat(p.effectiveDailyCredits()).isEqualTo(7000);
        assertThat(p.regions()).containsExactly(new Region("zrh", 47.0, 8.0, 47.8, 9.0));
        assertThat(p.extended()).isFalse();
        assertThat(p.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(p.minInterval()).isEqualTo(Duration.ofSeconds(6));
        assertThat(p.minIntervalAnonymous()).isEqualTo(Duration.ofSeconds(12));
        assertThat(p.recordFile()).isEqualTo("/tmp/x.jsonl");
        assertThat(p.recordMaxBytes()).isEqualTo(1000);
        assertThat(p.refillMode()).isEqualTo(RefillMode.ROLLING);
        assertThat(p.refillTimeUtc()).hasToString("00:00");
        assertThat(p.backoffInitial()).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.backoffMax()).isEqualTo(Duration.ofMinutes(2));
        assertThat(p.breakerOpenDuration()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theCompactRegionsSpecReplacesTheListSoAnEnvVarNeedsNoCode() {
        OpenSkyProperties p = bind(Map.of("skysentinel.opensky.regions-spec", "a:1,2,3,4;b:5,6,7,8"));
        assertThat(p.regions()).extracting(Region::name).containsExactly("a", "b");
        assertThat(bind(Map.of("skysentinel.opensky.regions-spec", "world")).regions())
                .isEmpty();
        assertThat(bind(Map.of("skysentinel.opensky.regions-spec", "")).regions())
                .containsExactly(OpenSkyProperties.NYC);
    }
}
