package io.skysentinel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The id grammar of docs/api.md#ids. */
class EntityIdsTest {

    @Test
    void anAdsbIdIsTheAddressInLowerCase() {
        assertThat(EntityIds.adsb("4B1805")).isEqualTo("4b1805");
        assertThat(EntityIds.icao24Of("4b1805")).isEqualTo("4b1805");
        assertThatIllegalArgumentException().isThrownBy(() -> EntityIds.adsb("4b18"));
        assertThatIllegalArgumentException().isThrownBy(() -> EntityIds.adsb("4b180g"));
    }

    @Test
    void aNetworkIdCanNeverBeAHexAddressAndGoesIntoAPathAsItIs() {
        String id = EntityIds.network("vatsim", "1234567");
        assertThat(id).isEqualTo("vatsim-1234567");
        assertThat(EntityIds.isIcao24(id)).isFalse();
        assertThat(EntityIds.icao24Of(id)).isNull();
        assertThat(URI.create("/api/flights/" + id).getPath()).endsWith("/" + id);
        // even a network whose name is hex digits: the hyphen keeps it apart from a 6-digit address
        assertThat(EntityIds.network("abc", "d")).hasSize(5).contains("-");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4b1805", "vatsim-1234567", "vatsim-atc-1234567", "net-a.b_c~d"})
    void valid(String id) {
        assertThat(EntityIds.isValid(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "4B1805",
                "4b18",
                "vatsim",
                "-123",
                "vatsim-",
                "Vatsim-1",
                "vat sim-1",
                "vatsim-1/2",
                "vatsim-%41",
                "v4tsim-1"
            })
    void invalid(String id) {
        assertThat(EntityIds.isValid(id)).isFalse();
    }

    @Test
    void atMostSixtyFourCharacters() {
        assertThat(EntityIds.isValid("n-" + "1".repeat(62))).isTrue();
        assertThat(EntityIds.isValid("n-" + "1".repeat(63))).isFalse();
    }
}
