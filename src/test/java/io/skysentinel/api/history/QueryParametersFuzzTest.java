package io.skysentinel.api.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skysentinel.api.atc.AtcQuery;
import io.skysentinel.api.rest.BoundingBoxParameter;
import io.skysentinel.api.rest.FlightQuery;
import io.skysentinel.api.rest.IdParameter;
import io.skysentinel.api.rest.InvalidParameterException;
import io.skysentinel.core.EntityIds;
import io.skysentinel.testing.Fuzz;
import io.skysentinel.testing.HostileJson;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property-based fuzzing of the REST query parameters (issue 13): any value of any parameter is parsed or refused with
 * an {@link InvalidParameterException} naming the parameter (a 400 problem), never another exception (a 500); what
 * is accepted is in range, so nothing out of range reaches a query.
 */
class QueryParametersFuzzTest {

    static final String[] VALUES = {
        "",
        " ",
        "0",
        "-0",
        "1",
        "-1",
        "+1",
        "1.5",
        "1e3",
        "1e309",
        "-1e309",
        "NaN",
        "Infinity",
        "0x10",
        "1_000",
        "١٢٣",
        "９",
        "2147483647",
        "2147483648",
        "-2147483649",
        "9223372036854775807",
        "9223372036854775808",
        "99999999999999999999",
        "999999999999999",
        "-999999999999999",
        "2026-11-22T10:00:00Z",
        "2026-11-22T10:00:00",
        "2026-11-22",
        "+999999999-12-31T23:59:59Z",
        "-999999999-01-01T00:00:00Z",
        "+292278994-08-17T07:12:55.807Z",
        "+100000-01-01T00:00:00Z",
        "-4714-11-24T00:00:00Z",
        "0000-01-01T00:00:00Z",
        "true",
        "FALSE",
        "yes",
        "json",
        "msgpack",
        "deflate",
        "none",
        "45.8,5.9,47.8,10.5",
        "45.8,5.9,47.8",
        "90,180,-90,-180",
        "1,2,3,4,5",
        ",,,",
        "NaN,0,1,1",
        "abc123",
        "ABC123",
        "vatsim-1234567",
        "vatsim-",
        "-",
        "EDDF",
        "LSZ",
        "ZZZZZ",
        "EU",
        "E",
        "opensky",
        "vatsim",
        "unknown",
        "controller",
        "atis",
        "TWR",
        "%00",
        "\u0000",
        "' OR 1=1 --",
        "x".repeat(5_000)
    };

    @Test
    void historyTimesAndRangesAreParsedInRangeOrRefusedNamingTheParameter() {
        long now = 1_795_000_000_000L;
        Fuzz.forAll(3_000, r -> {
            String from = value(r), to = value(r);
            long[] range;
            try {
                range = Params.range(from, to, now, Params.DAY_MS, 31 * Params.DAY_MS);
            } catch (InvalidParameterException e) {
                assertThat(e.parameter()).isIn("from", "to");
                return;
            }
            assertThat(range[0]).isLessThanOrEqualTo(range[1]);
            assertThat(Math.subtractExact(range[1], range[0])).isLessThanOrEqualTo(31 * Params.DAY_MS);
        });
    }

    /** Found by the fuzzing: the first was a 500 (toEpochMilli overflowed), the second passed the 31-day check. */
    @Test
    void timesBeyondTheYear9999AreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> Params.time("to", "+999999999-12-31T23:59:59Z", 0))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("1..9999");
        assertThatThrownBy(() -> Params.range(
                        "-292000000-01-01T00:00:00Z", "+292000000-01-01T00:00:00Z", 0, Params.DAY_MS, Params.DAY_MS))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(Params.time("at", "9999-12-31T23:59:59.999Z", 0)).isEqualTo(Params.MAX_TIME_MS);
    }

    @Test
    void playbackRequestsAreParsedInRangeOrRefusedNamingTheParameter() {
        Fuzz.forAll(3_000, r -> {
            Map<String, String> q = new HashMap<>();
            for (String name : List.of("from", "to", "speed", "format", "compress"))
                if (r.nextInt(4) > 0) q.put(name, value(r));
            PlaybackRequest p;
            try {
                p = PlaybackRequest.parse(q);
            } catch (InvalidParameterException e) {
                assertThat(e.parameter()).isIn("from", "to", "speed", "format", "compress");
                return;
            }
            assertThat(p.fromMs()).isLessThan(p.toMs());
            assertThat(Math.subtractExact(p.toMs(), p.fromMs())).isLessThanOrEqualTo(PlaybackRequest.MAX_SPAN_MS);
            assertThat(p.speed()).isBetween(0.1, PlaybackRequest.MAX_SPEED);
        });
    }

    @Test
    void otherHistoryParametersAreParsedOrRefusedNamingTheParameter() {
        Fuzz.forAll(3_000, r -> {
            String v = value(r);
            named("at", () -> Params.requiredTime("at", v));
            named("code", () -> Params.airportCode("code", v));
            named("source", () -> Params.source(v));
            named("region", () -> Params.region(v));
            named(
                    "id",
                    () -> assertThat(EntityIds.isValid(IdParameter.parse("id", v)))
                            .isTrue());
            named("bbox", () -> BoundingBoxParameter.parse("bbox", v));
        });
    }

    @Test
    void liveQueriesAreParsedOrRefusedNamingTheParameter() {
        List<String> flightNames = List.of(
                "bbox",
                "min_altitude_m",
                "max_altitude_m",
                "on_ground",
                "callsign",
                "country",
                "source",
                "limit",
                "offset",
                "_",
                "min_alt",
                "");
        List<String> atcNames = List.of("facility", "callsign", "kind", "limit", "offset", "_x", "type");
        Fuzz.forAll(3_000, r -> {
            Map<String, String[]> flights = params(r, flightNames);
            try {
                FlightQuery q = FlightQuery.parse(flights);
                assertThat(q.limit()).isBetween(1, FlightQuery.MAX_LIMIT);
                assertThat(q.offset()).isNotNegative();
                q.filter(); // builds without throwing
            } catch (InvalidParameterException e) {
                assertThat(flights).containsKey(e.parameter());
            }
            Map<String, String[]> atc = params(r, atcNames);
            try {
                AtcQuery.parse(atc).filter();
            } catch (InvalidParameterException e) {
                assertThat(atc).containsKey(e.parameter());
            }
        });
    }

    private static void named(String parameter, Runnable parse) {
        try {
            parse.run();
        } catch (InvalidParameterException e) {
            assertThat(e.parameter()).isEqualTo(parameter);
        }
    }

    private static Map<String, String[]> params(Random r, List<String> names) {
        Map<String, String[]> m = new HashMap<>();
        for (String name : names) {
            if (r.nextInt(3) > 0) continue;
            m.put(name, r.nextInt(20) == 0 ? new String[] {value(r), value(r)} : new String[] {value(r)});
        }
        return m;
    }

    private static String value(Random r) {
        return r.nextInt(5) == 0 ? HostileJson.string(r) : VALUES[r.nextInt(VALUES.length)];
    }
}
