package io.skysentinel.wire;

import static io.skysentinel.wire.WireFixtures.T0_MS;
import static io.skysentinel.wire.WireFixtures.T0_S;
import static io.skysentinel.wire.WireTrees.COORDINATE_TOLERANCE_DEG;
import static io.skysentinel.wire.WireTrees.decode;
import static io.skysentinel.wire.WireTrees.keys;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skysentinel.core.Aircraft;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** Every frame type in both formats, decoded independently of the encoders and checked value by value. */
class FrameEncoderTest {

    static final List<String> AIRCRAFT_KEYS = List.of(
            "id",
            "icao24",
            "callsign",
            "origin_country",
            "position",
            "altitude_m",
            "geo_altitude_m",
            "velocity_mps",
            "heading_deg",
            "vertical_rate_mps",
            "on_ground",
            "squawk",
            "spi",
            "category",
            "time_position_unix",
            "last_contact_unix",
            "source",
            "opensky",
            "vatsim",
            "aircraft");

    static final List<String> INFO_KEYS = List.of(
            "registration",
            "type",
            "manufacturer",
            "model",
            "operator",
            "operator_icao",
            "year_built",
            "wake",
            "engines",
            "engine_type",
            "species",
            "airline");

    @ParameterizedTest
    @EnumSource(WireFormat.class)
    void encoderReportsItsFormat(WireFormat format) {
        assertEquals(format, FrameEncoder.of(format).format());
    }

    @ParameterizedTest
    @EnumSource(WireFormat.class)
    void snapshotCarriesSequenceNumbersTimeAndAircraft(WireFormat format) {
        JsonNode frame = decode(
                format,
                FrameEncoder.of(format)
                        .snapshot(7, 88_231, T0_MS, List.of(WireFixtures.full(), WireFixtures.allNull())));

        assertEquals(List.of("type", "seq", "hub_seq", "time", "aircraft"), keys(frame));
        assertEquals("snapshot", frame.get("type").stringValue());
        assertEquals(7, frame.get("seq").longValue());
        assertEquals(88_231, frame.get("hub_seq").longValue());
        assertEquals(T0_MS, frame.get("time").longValue());
        assertEquals(2, frame.get("aircraft").size());
        assertFullAircraft(frame.get("aircraft").get(0));
        assertAllNullAircraft(frame.get("aircraft").get(1));
    }

    @ParameterizedTest
    @EnumSource(WireFormat.class)
    void deltaCarriesUpsertsAndRemovalsInOrder(WireFormat format) {
        List<String> removals = List.of("ffffff", "000001", "abc123", "00000a");
        JsonNode frame = decode(
                format,
                FrameEncoder.of(format)
                        .delta(8, 88_240, T0_MS + 200, List.of(WireFixtures.allNull(), WireFixtures.full()), removals));

        assertEquals(List.of("type", "seq", "hub_seq", "time", "upserts", "removals"), keys(frame));
        assertEquals("delta", frame.get("type").stringValue());
        assertEquals(8, frame.get("seq").longValue());
        assertEquals(88_240, frame.get("hub_seq").longValue());
        assertEquals(T0_MS + 200, frame.get("time").longValue());
        assertAllNullAircraft(frame.get("upserts").get(0));
        assertFullAircraft(frame.get("upserts").get(1));
        assertEquals(2, frame.get("upserts").size());
        List<String> decoded = new ArrayList<>();
        frame.get("removals").forEach(n -> decoded.add(n.stringValue()));
        assertEquals(removals, decoded);
    }

    @ParameterizedTest
    @EnumSource(WireFormat.class)
    void emptyCollectionsAreEmptyArraysNotNull(WireFormat format) {
        FrameEncoder encoder = FrameEncoder.of(format);
        JsonNode snapshot = decode(format, encoder.snapshot(0, 0, T0_MS, List.of()));
        JsonNode delta = decode(format, encoder.delta(1, 0, T0_MS, List.of(), new LinkedHashSet<>()));

        assertTrue(snapshot.get("aircraft").isArray());
        assertEquals(0, snapshot.get("aircraft").size());
        assertTrue(delta.get("upserts").isArray());
        assertEquals(0, delta.get("upserts").size());
        assertTrue(delta.get("removals").isArray());
        assertEquals(0, delta.get("removals").size());
        assertEquals(0, delta.get("hub_seq").longValue());
    }

    @ParameterizedTest
    @EnumSource(WireFormat.class)
    void statusWithRateLimit(WireFormat format) {
        JsonNode frame = decode(format, FrameEncoder.of(format).status(WireFixtures.statusWithRateLimit()));

        assertEquals(
                List.of("type", "time", "aircraft", "view_aircraft", "data_age_s", "stale", "rate_limit"), keys(frame));
        assertEquals("status", frame.get("type").stringValue());
        assertEquals(T0_MS, frame.get("time").longValue());
        assertEquals(12_345, frame.get("aircraft").longValue());
        assertEquals(678, frame.get("view_aircraft").longValue());
        assertTrue(frame.get("data_age_s").isDouble());
        assertEquals(2.75, frame.get("data_age_s").doubleValue());
        assertTrue(frame.get("stale").booleanValue());

        JsonNode r = frame.get("rate_limit");
        assertEquals(
                List.of(
                        "auth_mode",
                        "remaining",
                        "max",
                        "per_request",
                        "poll_interval_s",
                        "retry_after_s",
                        "refill_at"),
                keys(r));
        assertEquals("oauth2", r.get("auth_mode").stringValue());
        assertEquals(3712, r.get("remaining").longValue());
        assertEquals(4000, r.get("max").longValue());
        assertEquals(4, r.get("per_request").longValue());
        assertEquals(7.5, r.get("poll_interval_s").doubleValue());
        assertTrue(r.get("retry_after_s").isIntegralNumber());
        assertEquals(0, r.get("retry_after_s").longValue());
        assertEquals("2026-12-29T00:00:00Z", r.get("refill_at").stringValue());
    }

    @ParameterizedTest
    @EnumSource(WireFormat.class)
    void statusNullsAreWrittenAsNull(WireFormat format) {
        FrameEncoder encoder = FrameEncoder.of(format);
        JsonNode frame = decode(format, encoder.status(WireFixtures.statusWithoutRateLimit()));
        assertEquals(7, frame.size());
        assertTrue(frame.get("data_age_s").isNull());
        assertTrue(frame.get("rate_limit").isNull());
        assertFalse(frame.get("stale").booleanValue());
        assertEquals(0, frame.get("view_aircraft").longValue());

        StatusFrame noRefill = new StatusFrame(
                T0_MS, 1, 1, 0.0, false, new StatusFrame.RateLimit("anonymous", 0, 400, 4, 60.0, 37, null));
        JsonNode r = decode(format, encoder.status(noRefill)).get("rate_limit");
        assertEquals(7, r.size());
        assertTrue(r.get("refill_at").isNull());
        assertEquals("anonymous", r.get("auth_mode").stringValue());
        assertEquals(37, r.get("retry_after_s").longValue());
    }

    @ParameterizedTest
    @EnumSource(WireFormat.class)
    void errorFrame(WireFormat format) {
        JsonNode frame = decode(format, FrameEncoder.of(format).error(T0_MS, "unknown filter 'foo' ✈"));
        assertEquals(List.of("type", "time", "message"), keys(frame));
        assertEquals("error", frame.get("type").stringValue());
        assertEquals(T0_MS, frame.get("time").longValue());
        assertEquals("unknown filter 'foo' ✈", frame.get("message").stringValue());
    }

    @ParameterizedTest
    @EnumSource(WireFormat.class)
    void playbackFrame(WireFormat format) {
        FrameEncoder encoder = FrameEncoder.of(format);
        JsonNode playing = decode(format, encoder.playback(new PlaybackFrame(T0_MS, 2_000, 1_000, 9_000, 50, false)));
        assertEquals(List.of("type", "time", "at", "from", "to", "speed", "state"), keys(playing));
        assertEquals("playback", playing.get("type").stringValue());
        assertEquals(T0_MS, playing.get("time").longValue());
        assertEquals(2_000, playing.get("at").longValue());
        assertEquals(1_000, playing.get("from").longValue());
        assertEquals(9_000, playing.get("to").longValue());
        assertEquals(50.0, playing.get("speed").doubleValue());
        assertEquals("playing", playing.get("state").stringValue());
        JsonNode finished = decode(format, encoder.playback(new PlaybackFrame(T0_MS, 9_000, 1_000, 9_000, 0.5, true)));
        assertEquals("finished", finished.get("state").stringValue());
        assertEquals(0.5, finished.get("speed").doubleValue());
    }

    @ParameterizedTest
    @EnumSource(WireFormat.class)
    void unicodeAndEscapedCharactersSurvive(WireFormat format) {
        Aircraft a = WireFixtures.unicode();
        JsonNode decoded = decode(format, FrameEncoder.of(format).snapshot(1, 1, T0_MS, List.of(a)))
                .get("aircraft")
                .get(0);
        assertEquals(a.callsign(), decoded.get("callsign").stringValue());
        assertEquals(a.originCountry(), decoded.get("origin_country").stringValue());
    }

    @ParameterizedTest
    @EnumSource(WireFormat.class)
    void tenThousandAircraftDeltaRoundTrips(WireFormat format) {
        List<Aircraft> upserts = WireFixtures.many(10_000);
        List<String> removals = List.of("0fffff", "0ffffe", "0ffffd");
        JsonNode frame = decode(format, FrameEncoder.of(format).delta(99, 123_456, T0_MS, upserts, removals));

        assertEquals(10_000, frame.get("upserts").size());
        assertEquals(3, frame.get("removals").size());
        assertEquals("0ffffd", frame.get("removals").get(2).stringValue());
        for (int i : new int[] {0, 1, 4_999, 7_777, 9_999}) {
            Aircraft expected = upserts.get(i);
            JsonNode actual = frame.get("upserts").get(i);
            assertEquals(AIRCRAFT_KEYS, keys(actual));
            WireTrees.assertSameTree(WireTrees.JSON.valueToTree(expected), actual, "upserts[" + i + "]");
        }
    }

    @ParameterizedTest
    @EnumSource(WireFormat.class)
    void concurrentEncodingGivesTheSameBytesAsSequential(WireFormat format) throws Exception {
        FrameEncoder encoder = FrameEncoder.of(format);
        List<Aircraft> aircraft = WireFixtures.many(2_000);
        byte[] expected = encoder.snapshot(5, 6, T0_MS, aircraft);
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Callable<byte[]>> jobs = new ArrayList<>();
            for (int i = 0; i < 16; i++) jobs.add(() -> encoder.snapshot(5, 6, T0_MS, aircraft));
            for (Future<byte[]> f : pool.invokeAll(jobs)) assertArrayEquals(expected, f.get());
        }
    }

    private static void assertFullAircraft(JsonNode a) {
        assertEquals(AIRCRAFT_KEYS, keys(a));
        assertEquals("3c6444", a.get("id").stringValue());
        assertEquals("3c6444", a.get("icao24").stringValue());
        assertEquals("DLH9LF", a.get("callsign").stringValue());
        assertEquals("Germany", a.get("origin_country").stringValue());
        assertEquals(List.of("lat", "lon"), keys(a.get("position")));
        assertEquals(50.0379123456789, a.get("position").get("lat").doubleValue(), COORDINATE_TOLERANCE_DEG);
        assertEquals(-8.5622016789, a.get("position").get("lon").doubleValue(), COORDINATE_TOLERANCE_DEG);
        assertEquals(11277.6, a.get("altitude_m").doubleValue());
        assertEquals(11521.44, a.get("geo_altitude_m").doubleValue());
        assertEquals(236.52, a.get("velocity_mps").doubleValue());
        assertEquals(278.13, a.get("heading_deg").doubleValue());
        assertEquals(-4.55, a.get("vertical_rate_mps").doubleValue());
        assertTrue(a.get("on_ground").isBoolean());
        assertFalse(a.get("on_ground").booleanValue());
        assertEquals("1000", a.get("squawk").stringValue());
        assertTrue(a.get("spi").booleanValue());
        assertEquals(List.of("position_source", "sensors"), keys(a.get("opensky")));
        assertEquals(2, a.get("opensky").get("position_source").longValue());
        assertEquals(6, a.get("category").longValue());
        assertEquals(T0_S - 1, a.get("time_position_unix").longValue());
        assertEquals(T0_S, a.get("last_contact_unix").longValue());
        JsonNode sensors = a.get("opensky").get("sensors");
        assertEquals(3, sensors.size());
        assertEquals(1, sensors.get(0).longValue());
        assertEquals(300, sensors.get(1).longValue());
        assertEquals(70_000, sensors.get(2).longValue());
        assertEquals("opensky", a.get("source").stringValue());
        JsonNode info = a.get("aircraft");
        assertEquals(INFO_KEYS, keys(info));
        assertEquals("D-AIXA", info.get("registration").stringValue());
        assertEquals("A359", info.get("type").stringValue());
        assertEquals("Airbus", info.get("manufacturer").stringValue());
        assertEquals("A350-941", info.get("model").stringValue());
        assertEquals("Lufthansa", info.get("operator").stringValue());
        assertEquals("DLH", info.get("operator_icao").stringValue());
        assertEquals(2016, info.get("year_built").longValue());
        assertEquals("H", info.get("wake").stringValue());
        assertEquals(2, info.get("engines").longValue());
        assertEquals("jet", info.get("engine_type").stringValue());
        assertEquals("landplane", info.get("species").stringValue());
        assertEquals("Lufthansa", info.get("airline").stringValue());
    }

    private static void assertAllNullAircraft(JsonNode a) {
        assertEquals(AIRCRAFT_KEYS, keys(a));
        assertEquals("vatsim-1234567", a.get("id").stringValue());
        for (String k : List.of(
                "icao24",
                "callsign",
                "origin_country",
                "position",
                "altitude_m",
                "geo_altitude_m",
                "velocity_mps",
                "heading_deg",
                "vertical_rate_mps",
                "squawk",
                "category",
                "time_position_unix",
                "opensky")) {
            assertTrue(a.get(k).isNull(), k + " should be null but is " + a.get(k));
        }
        assertFalse(a.get("on_ground").booleanValue());
        assertFalse(a.get("spi").booleanValue());
        assertEquals(T0_S, a.get("last_contact_unix").longValue());
        assertEquals("sim", a.get("source").stringValue());
        assertEquals(INFO_KEYS, keys(a.get("aircraft")), "an unknown aircraft is an object of nulls");
        for (String k : INFO_KEYS) assertTrue(a.get("aircraft").get(k).isNull(), "aircraft." + k);
    }

    @org.junit.jupiter.api.Test
    void deflatedFramesAreMuchSmallerThanPlainOnes() {
        List<Aircraft> many = WireFixtures.many(2_000);
        for (WireFormat plain : List.of(WireFormat.JSON, WireFormat.MSGPACK)) {
            WireFormat deflated = WireFormat.parse(plain.name(), "deflate");
            byte[] p = FrameEncoder.of(plain).delta(1, 2, T0_MS, many, List.of());
            byte[] d = FrameEncoder.of(deflated).delta(1, 2, T0_MS, many, List.of());
            assertTrue(d.length * 2 < p.length, plain + ": " + d.length + " deflated vs " + p.length + " plain");
            assertEquals(decode(plain, p), decode(deflated, d));
        }
    }

    @org.junit.jupiter.api.Test
    void formatAndCompressParametersAreNamedWhenWrong() {
        assertEquals(WireFormat.MSGPACK_DEFLATE, WireFormat.parse("msgpack", "deflate"));
        assertEquals(WireFormat.JSON, WireFormat.parse(null, " "));
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(
                        IllegalArgumentException.class, () -> WireFormat.parse("json", "gzip"))
                .getMessage()
                .startsWith("compress"));
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(
                        IllegalArgumentException.class, () -> WireFormat.parse("xml", null))
                .getMessage()
                .startsWith("format"));
    }
}
