package io.skysentinel.source.replay;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the replay source ({@code skysentinel.replay.*}).
 *
 * @param file  JSON Lines recording, one OpenSky {@code /states/all} body per line; {@code .gz} is decompressed
 * @param speed playback speed: 1 = real time, 2 = twice as fast, 0 = as fast as possible
 * @param loop  start again at the end, shifting times forward so they keep increasing
 */
@ConfigurationProperties(prefix = "skysentinel.replay")
public record ReplayProperties(
        Path file,
        @DefaultValue("1.0") double speed,
        @DefaultValue("false") boolean loop) {

    public ReplayProperties {
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("skysentinel.replay.speed must be a finite number >= 0 "
                    + "(0 = as fast as possible), was " + speed);
        }
    }
}
