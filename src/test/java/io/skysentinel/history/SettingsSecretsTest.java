package io.skysentinel.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Settings objects end up in logs and failure reports: their toString never carries a password. */
class SettingsSecretsTest {

    @Test
    void historySettingsHideTheDatabasePassword() {
        HistorySettings s = new HistorySettings(
                true,
                "jdbc:postgresql://db/x",
                "app",
                "pa55word-history",
                "",
                0,
                30,
                10,
                10,
                10,
                Duration.ofMillis(500),
                Duration.ofMinutes(30),
                Duration.ofSeconds(60),
                false,
                Duration.ofMinutes(5));
        assertThat(s.toString()).doesNotContain("pa55word-history").contains("dbPassword=(set)");
    }

    @Test
    void querySettingsHideTheReaderPassword() {
        QuerySettings q = new QuerySettings(Duration.ofSeconds(5), 10_000, "skysentinel_reader", "pa55word-reader");
        assertThat(q.toString()).doesNotContain("pa55word-reader").contains("dbPassword=(set)");
    }
}
