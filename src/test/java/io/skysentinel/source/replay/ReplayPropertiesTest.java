package io.skysentinel.source.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ReplayPropertiesTest {

    private static ReplayProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("skysentinel.replay", ReplayProperties.class);
    }

    @Test
    void defaultsAreRealTimeWithoutLoopAndNoFile() {
        assertThat(bind(Map.of())).isEqualTo(new ReplayProperties(null, 1.0, false));
    }

    @Test
    void settingsBind() {
        ReplayProperties p = bind(Map.of(
                "skysentinel.replay.file",
                "/data/rec.jsonl.gz",
                "skysentinel.replay.speed",
                "0",
                "skysentinel.replay.loop",
                "true"));
        assertThat(p).isEqualTo(new ReplayProperties(Path.of("/data/rec.jsonl.gz"), 0, true));
    }

    @Test
    void negativeOrNonFiniteSpeedIsRejectedNamingTheSetting() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ReplayProperties(null, -1, false))
                .withMessageContaining("skysentinel.replay.speed");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ReplayProperties(null, Double.NaN, false))
                .withMessageContaining("skysentinel.replay.speed");
    }
}
