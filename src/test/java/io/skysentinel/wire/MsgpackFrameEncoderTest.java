package io.skysentinel.wire;

import static io.skysentinel.wire.WireFixtures.T0_MS;
import static io.skysentinel.wire.WireTrees.COORDINATE_TOLERANCE_DEG;
import static io.skysentinel.wire.WireTrees.fromMsgpack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skysentinel.core.Aircraft;
import java.io.IOException;
import java.util.AbstractList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import tools.jackson.databind.JsonNode;

/** MessagePack frames: the JSON structure as string-keyed maps, float32 coordinates, smallest ints, nil. */
class MsgpackFrameEncoderTest {

    final FrameEncoder msgpack = FrameEncoder.of(WireFormat.MSGPACK);
    final FrameEncoder json = FrameEncoder.of(WireFormat.JSON);

    @Test
    void exactBytesOfAnErrorFrame() {
        // fixmap(3) "type" "error" "time" fixint 5 "message" "x"
        assertEquals(
                "83" + "a474797065" + "a56572726f72" + "a474696d65" + "05" + "a76d657373616765" + "a178",
                HexFormat.of().formatHex(msgpack.error(5, "x")));
    }

    static final PlaybackFrame PLAYBACK = new PlaybackFrame(T0_MS, T0_MS - 5_000, T0_MS - 60_000, T0_MS, 2.5, false);

    @Test
    void everyFrameHasTheJsonStructureWithCoordinatesAsFloat32() {
        List<Aircraft> aircraft = List.of(WireFixtures.full(), WireFixtures.allNull(), WireFixtures.unicode());
        Map<byte[], byte[]> pairs = Map.of(
                msgpack.snapshot(3, 4, T0_MS, aircraft),
                json.snapshot(3, 4, T0_MS, aircraft),
                msgpack.delta(3, 4, T0_MS, aircraft, List.of("abcdef", "123456")),
                json.delta(3, 4, T0_MS, aircraft, List.of("abcdef", "123456")),
                msgpack.status(WireFixtures.statusWithRateLimit()),
                json.status(WireFixtures.statusWithRateLimit()),
                msgpack.status(WireFixtures.statusWithoutRateLimit()),
                json.status(WireFixtures.statusWithoutRateLimit()),
                msgpack.error(T0_MS, "é"),
                json.error(T0_MS, "é"),
                msgpack.playback(PLAYBACK),
                json.playback(PLAYBACK));
        pairs.forEach(
                (packed, text) -> WireTrees.assertSameTree(WireTrees.JSON.readTree(text), fromMsgpack(packed), "$"));
    }

    @Test
    void onlyLatAndLonAreFloat32AndWithinTheTolerance() {
        List<Aircraft> aircraft = WireFixtures.many(2_000);
        JsonNode frame = fromMsgpack(msgpack.snapshot(1, 1, T0_MS, aircraft));
        for (int i = 0; i < aircraft.size(); i++) {
            JsonNode a = frame.get("aircraft").get(i);
            JsonNode position = a.get("position");
            assertTrue(position.get("lat").isFloat() && position.get("lon").isFloat(), position.toString());
            assertEquals(aircraft.get(i).position().lat(), position.get("lat").doubleValue(), COORDINATE_TOLERANCE_DEG);
            assertEquals(aircraft.get(i).position().lon(), position.get("lon").doubleValue(), COORDINATE_TOLERANCE_DEG);
            for (String k :
                    List.of("altitude_m", "geo_altitude_m", "velocity_mps", "heading_deg", "vertical_rate_mps")) {
                assertTrue(a.get(k).isDouble(), k + " is not float64: " + a.get(k));
            }
        }
    }

    @Test
    void extremeCoordinatesStayWithinTheTolerance() {
        for (double[] p : new double[][] {{90, 180}, {-90, -180}, {89.9999949, 179.9999951}, {-0.0000049, 0.0000051}}) {
            Aircraft a = Aircraft.adsb("abcdef", "sim").position(p[0], p[1]).build();
            JsonNode position = fromMsgpack(msgpack.snapshot(1, 1, T0_MS, List.of(a)))
                    .get("aircraft")
                    .get(0)
                    .get("position");
            assertEquals(p[0], position.get("lat").doubleValue(), COORDINATE_TOLERANCE_DEG);
            assertEquals(p[1], position.get("lon").doubleValue(), COORDINATE_TOLERANCE_DEG);
        }
    }

    @Test
    void integersTakeTheSmallestFormatAndNullIsNil() throws IOException {
        byte[] frame = msgpack.status(new StatusFrame(T0_MS, 200, 70_000, null, false, null));
        try (MessageUnpacker u = MessagePack.newDefaultUnpacker(frame)) {
            assertEquals(7, u.unpackMapHeader());
            assertEquals("type", u.unpackString());
            assertEquals("status", u.unpackString());
            assertEquals("time", u.unpackString());
            assertEquals(MessageFormat.UINT64, u.getNextFormat());
            u.unpackLong();
            assertEquals("aircraft", u.unpackString());
            assertEquals(MessageFormat.UINT8, u.getNextFormat());
            u.unpackInt();
            assertEquals("view_aircraft", u.unpackString());
            assertEquals(MessageFormat.UINT32, u.getNextFormat());
            u.unpackInt();
            assertEquals("data_age_s", u.unpackString());
            assertEquals(MessageFormat.NIL, u.getNextFormat());
            u.unpackNil();
            assertEquals("stale", u.unpackString());
            assertEquals(MessageFormat.BOOLEAN, u.getNextFormat());
            u.unpackBoolean();
            assertEquals("rate_limit", u.unpackString());
            assertEquals(MessageFormat.NIL, u.getNextFormat());
            u.unpackNil();
            assertTrue(!u.hasNext());
        }
    }

    @Test
    void smallerThanJsonForTheSameFrame() {
        List<Aircraft> aircraft = WireFixtures.many(1_000);
        assertTrue(msgpack.snapshot(1, 1, T0_MS, aircraft).length < json.snapshot(1, 1, T0_MS, aircraft).length);
        assertTrue(msgpack.status(WireFixtures.statusWithRateLimit()).length
                < json.status(WireFixtures.statusWithRateLimit()).length);
    }

    @Test
    void aCollectionWhoseSizeDisagreesWithItsContentFailsTheFrameInsteadOfCorruptingIt() {
        List<String> lying = new AbstractList<>() {
            @Override
            public String get(int i) {
                return "abcdef";
            }

            @Override
            public int size() {
                return 2;
            }

            @Override
            public java.util.Iterator<String> iterator() {
                return List.of("abcdef").iterator();
            }
        };
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> msgpack.delta(1, 1, T0_MS, List.of(), lying));
        assertTrue(e.getMessage().contains("header off by 1"), e.getMessage());
    }
}
