package io.skysentinel.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SourcesConfigurationTest {

    @Test
    void vatsimMixesWithTheOtherSources() {
        assertThat(SourcesConfiguration.chosen(List.of("sim", " VATSIM "), "")).containsExactly("sim", "vatsim");
        assertThat(SourcesConfiguration.chosen(List.of("opensky", "vatsim", "vatsim"), ""))
                .containsExactly("opensky", "vatsim");
        assertThat(SourcesConfiguration.chosen(List.of(), "")).containsExactly("sim");
    }

    @Test
    void anUnknownSourceNamesTheKnownOnes() {
        assertThatThrownBy(() -> SourcesConfiguration.chosen(List.of("ivao"), ""))
                .hasMessageContaining("'ivao'")
                .hasMessageContaining("vatsim");
    }
}
