package io.skysentinel.source.vatsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class VatsimPropertiesTest {

    static VatsimProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("skysentinel.vatsim", VatsimProperties.class);
    }

    @Test
    void defaultsAreTheContractsOnes() {
        VatsimProperties p = bind(Map.of());
        assertThat(p).isEqualTo(VatsimProperties.defaults());
        assertThat(p.statusUrl()).isEqualTo("https://status.vatsim.net/status.json");
        assertThat(p.pollInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(p.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.storeNames()).isFalse();
    }

    @Test
    void everySettingBindsFromItsKebabCaseName() {
        VatsimProperties p = bind(Map.of(
                "skysentinel.vatsim.status-url", "http://127.0.0.1:9/status.json",
                "skysentinel.vatsim.poll-interval", "30s",
                "skysentinel.vatsim.timeout", "4s",
                "skysentinel.vatsim.store-names", "true",
                "skysentinel.vatsim.backoff-initial", "1s",
                "skysentinel.vatsim.backoff-max", "1m",
                "skysentinel.vatsim.breaker-open-duration", "20s"));
        assertThat(p)
                .isEqualTo(new VatsimProperties(
                        "http://127.0.0.1:9/status.json",
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(4),
                        true,
                        Duration.ofSeconds(1),
                        Duration.ofMinutes(1),
                        Duration.ofSeconds(20)));
    }

    @Test
    void badValuesAreStartupErrors() {
        assertThatThrownBy(() -> VatsimProperties.defaults().with("ftp://x/status.json", Duration.ofSeconds(1)))
                .hasMessageContaining("status-url");
        assertThatThrownBy(() -> VatsimProperties.defaults().with(null, Duration.ZERO))
                .hasMessageContaining("poll-interval");
    }
}
