package io.skysentinel.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skysentinel.SkySentinelApplication;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Two instances on one embedded data directory: another process holds the directory's lock (as a running instance's
 * zonky does), and this one fails fast, saying plainly that the directory is in use and which setting moves it.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedPostgresInUseIT {

    @Test
    void aSecondInstanceSaysTheDirectoryIsInUseAndWhichSettingMovesIt(CapturedOutput output) throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "pg-in-use-");
        Process holder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        HoldLock.class.getName(),
                        dir.resolve(EmbeddedPostgresServer.LOCK_FILE).toString())
                .redirectErrorStream(true)
                .start();
        try {
            String first = new BufferedReader(new InputStreamReader(holder.getInputStream())).readLine();
            assertThat(first).isEqualTo("locked");

            assertThatThrownBy(() -> EmbeddedPostgresServer.acquire(dir, 0))
                    .isInstanceOf(EmbeddedPostgresServer.DataDirectoryInUseException.class)
                    .hasMessageContaining("is in use")
                    .hasMessageContaining("SKYSENTINEL_PG_DIR")
                    .hasMessageContaining(dir.toString());

            assertThatThrownBy(() -> new SpringApplicationBuilder(SkySentinelApplication.class)
                            // arguments, as an operator would give them: they beat the test's config/application.yml
                            .run("--skysentinel.history.pg-dir=" + dir, "--skysentinel.sources=sim", "--server.port=0"))
                    .hasRootCauseInstanceOf(EmbeddedPostgresServer.DataDirectoryInUseException.class);
            assertThat(output.getOut() + output.getErr())
                    .contains("APPLICATION FAILED TO START")
                    .contains("is in use by another process")
                    .contains("SKYSENTINEL_PG_DIR=<another directory>")
                    .doesNotContain("could not lock");
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
    }
}
