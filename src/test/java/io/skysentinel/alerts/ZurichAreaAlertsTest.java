package io.skysentinel.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AircraftInfoLookup;
import io.skysentinel.testing.TestClock;
import io.skysentinel.testing.ZurichRecording;
import io.skysentinel.testing.ZurichRecording.Row;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The recorded Zurich flights (../shared/data, skipped without it), all interleaved by time as the update stream
 * would carry them, through an area-entry rule: it fires for exactly the flights, and as often as, the recording
 * shows them crossing into the circle (a row outside followed by a row inside), computed here on the rows alone.
 */
class ZurichAreaAlertsTest {

    static final double LAT = 47.45, LON = 8.56, RADIUS_KM = 1.5;

    @Test
    void anEntryRuleFiresForExactlyTheFlightsThatCrossTheArea() {
        Path file = ZurichRecording.file();
        assumeTrue(file != null, "../shared/data absent");
        Map<String, List<Row>> flights = ZurichRecording.flights(file);

        Map<String, Integer> expected = new TreeMap<>();
        for (Map.Entry<String, List<Row>> f : flights.entrySet()) {
            Boolean before = null;
            for (Row r : f.getValue()) {
                boolean in = haversineKm(LAT, LON, r.lat(), r.lon()) <= RADIUS_KM;
                if (Boolean.FALSE.equals(before) && in) expected.merge(f.getKey(), 1, Integer::sum);
                before = in;
            }
        }
        assertThat(expected).as("the area discriminates").isNotEmpty().hasSizeLessThan(flights.size());

        List<Alert> alerts = new ArrayList<>();
        RuleBook book = new RuleBook();
        book.put(Rules.when(
                "{\"area\": {\"circle\": [" + LAT + ", " + LON + ", " + RADIUS_KM + "]}, \"transition\": \"enter\"}",
                "\"cooldown_s\": 0"));
        TestClock clock = new TestClock(Instant.parse("2019-01-01T00:00:00Z"));
        AlertEvaluator eval = new AlertEvaluator(book, AircraftInfoLookup.NONE, clock, alerts::add, 1000);
        List<Row> stream = flights.values().stream()
                .flatMap(List::stream)
                .sorted(Comparator.comparingLong(Row::timeMs))
                .toList();
        for (Row r : stream) eval.upsert(state(r));

        Map<String, Integer> fired = new TreeMap<>();
        for (Alert a : alerts) fired.merge(a.subject(), 1, Integer::sum);
        assertThat(fired).isEqualTo(expected);
    }

    static Aircraft state(Row r) {
        Aircraft.Builder b = Aircraft.adsb(r.icao24(), "opensky")
                .callsign(r.callsign())
                .position(r.lat(), r.lon())
                .onGround(r.onGround())
                .lastContactUnix(r.timeMs() / 1000);
        if (r.altitudeFt() != null) b.altitudeM(r.altitudeFt() * ZurichRecording.FEET);
        return b.build();
    }

    /** Written out here rather than taken from core.Geo, so the oracle does not share the evaluator's code. */
    static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1), dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
