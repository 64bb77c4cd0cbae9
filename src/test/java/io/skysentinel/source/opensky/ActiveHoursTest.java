package io.skysentinel.source.opensky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActiveHoursTest {

    @Test
    void aWindowIsLocalTimeInItsZone() {
        ActiveHours zrh = ActiveHours.parse("06:00-23:00@Europe/Zurich"); // UTC+1 in December
        assertThat(zrh.activeAt(Instant.parse("2026-12-02T04:59:00Z"))).isFalse();
        assertThat(zrh.activeAt(Instant.parse("2026-12-02T05:00:00Z"))).isTrue();
        assertThat(zrh.activeAt(Instant.parse("2026-12-02T21:59:59Z"))).isTrue();
        assertThat(zrh.activeAt(Instant.parse("2026-12-02T22:00:00Z"))).isFalse();
        assertThat(zrh.nextChange(Instant.parse("2026-12-02T12:00:00Z"))).isEqualTo("2026-12-02T22:00:00Z");
        assertThat(zrh.nextChange(Instant.parse("2026-12-02T22:00:00Z"))).isEqualTo("2026-12-03T05:00:00Z");
    }

    @Test
    void aWindowMayWrapMidnightAndThereMayBeSeveral() {
        ActiveHours ny = ActiveHours.parse("22:00-02:00@America/New_York"); // UTC-5 in December
        assertThat(ny.activeAt(Instant.parse("2026-12-03T03:30:00Z"))).isTrue(); // 22:30 local
        assertThat(ny.activeAt(Instant.parse("2026-12-03T06:30:00Z"))).isTrue(); // 01:30
        assertThat(ny.activeAt(Instant.parse("2026-12-03T07:30:00Z"))).isFalse(); // 02:30
        ActiveHours rush = ActiveHours.parse("06:00-09:00, 16:00-20:00@UTC");
        assertThat(rush.activeAt(Instant.parse("2026-12-02T07:00:00Z"))).isTrue();
        assertThat(rush.activeAt(Instant.parse("2026-12-02T12:00:00Z"))).isFalse();
        assertThat(rush.nextChange(Instant.parse("2026-12-02T12:00:00Z"))).isEqualTo("2026-12-02T16:00:00Z");
    }

    @Test
    void daylightSavingMovesTheWindowInUtc() {
        ActiveHours zrh = ActiveHours.parse("06:00-23:00@Europe/Zurich");
        assertThat(zrh.activeAt(Instant.parse("2026-07-01T04:30:00Z")))
                .as("06:30 CEST")
                .isTrue();
        assertThat(zrh.activeAt(Instant.parse("2026-12-01T04:30:00Z")))
                .as("05:30 CET")
                .isFalse();
        // 2026-03-29: clocks go from 02:00 to 03:00; a window edge in the gap resolves to the instant after it
        ActiveHours gap = ActiveHours.parse("02:30-05:00@Europe/Zurich");
        assertThat(gap.nextChange(Instant.parse("2026-03-28T23:00:00Z"))).isEqualTo("2026-03-29T01:00:00Z");
    }

    @Test
    void alwaysNeverChanges() {
        assertThat(ActiveHours.parse("always").activeAt(Instant.EPOCH)).isTrue();
        assertThat(ActiveHours.parse("").nextChange(Instant.EPOCH)).isNull();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "06:00-23:00|needs @Zone",
                "06:00-23:00@Mars/Olympus|not a time zone",
                "6-23@UTC|not HH:MM-HH:MM",
                "06:00-25:00@UTC|not HH:MM-HH:MM",
                "06:00@UTC|not HH:MM-HH:MM",
                "06:00-06:00@UTC|is empty"
            })
    void badSpecsSayWhatIsWrong(String spec, String message) {
        assertThatThrownBy(() -> ActiveHours.parse(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(spec)
                .hasMessageContaining(message);
    }
}
