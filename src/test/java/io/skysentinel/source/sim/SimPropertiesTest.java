package io.skysentinel.source.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SimPropertiesTest {

    private static SimProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("skysentinel.sim", SimProperties.class);
    }

    @Test
    void emptyConfigurationBindsTheDocumentedDefaults() {
        SimProperties p = bind(Map.of());
        assertThat(p).isEqualTo(SimProperties.defaults());
        assertThat(p.count()).isEqualTo(200);
        assertThat(p.seed()).isEqualTo(42);
        assertThat(p.tick()).isEqualTo(Duration.ofSeconds(1));
        assertThat(List.of(p.lamin(), p.lomin(), p.lamax(), p.lomax())).containsExactly(40.40, -74.50, 41.20, -73.50);
        assertThat(p.emergencyProbability()).isEqualTo(0.002);
        assertThat(p.airports())
                .extracting(SimProperties.Airport::icao)
                .containsExactly("KJFK", "KEWR", "KLGA", "KTEB", "KHPN");
    }

    @Test
    void kebabCaseSettingsAndAnAirportListBind() {
        SimProperties p = bind(Map.of(
                "skysentinel.sim.count", "1000",
                "skysentinel.sim.seed", "7",
                "skysentinel.sim.tick", "250ms",
                "skysentinel.sim.emergency-probability", "0.5",
                "skysentinel.sim.airports[0].icao", "KISP",
                "skysentinel.sim.airports[0].lat", "40.7952",
                "skysentinel.sim.airports[0].lon", "-73.1002",
                "skysentinel.sim.airports[0].elevation-m", "30",
                "skysentinel.sim.airports[0].runway-headings-deg", "60,150",
                "skysentinel.sim.lomax", "-73.0"));
        assertThat(p.count()).isEqualTo(1000);
        assertThat(p.seed()).isEqualTo(7);
        assertThat(p.tick()).isEqualTo(Duration.ofMillis(250));
        assertThat(p.emergencyProbability()).isEqualTo(0.5);
        assertThat(p.airports()).singleElement().satisfies(a -> {
            assertThat(a.icao()).isEqualTo("KISP");
            assertThat(a.runwayHeadingsDeg()).containsExactly(60.0, 150.0);
            assertThat(a.weight()).isEqualTo(1.0);
        });
    }

    @Test
    void countOutside10To50000IsRejectedNamingTheSetting() {
        SimProperties d = SimProperties.defaults();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> d.withCount(9))
                .withMessageContaining("skysentinel.sim.count")
                .withMessageContaining("9");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> d.withCount(50_001))
                .withMessageContaining("skysentinel.sim.count");
        assertThat(d.withCount(10).count()).isEqualTo(10);
        assertThat(d.withCount(50_000).count()).isEqualTo(50_000);
    }

    @Test
    void otherBadSettingsAreRejectedNamingTheSetting() {
        SimProperties d = SimProperties.defaults();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> d.withTick(Duration.ZERO))
                .withMessageContaining("skysentinel.sim.tick");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SimProperties(200, 42, d.tick(), 41.2, -74.5, 40.4, -73.5, 0.002, null))
                .withMessageContaining("lamin");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SimProperties(200, 42, d.tick(), 40.4, -74.5, 41.2, -73.5, 1.5, null))
                .withMessageContaining("emergency-probability");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SimProperties(200, 42, d.tick(), 50.0, 0.0, 51.0, 1.0, 0.002, null))
                .withMessageContaining("airports[0]")
                .withMessageContaining("outside the region");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SimProperties.Airport("KXXX", 40.6, -73.8, 0, List.of(), 1))
                .withMessageContaining("runway");
    }
}
