package io.skysentinel.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class RawConnectionTest {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    @Test
    void framesThatArriveInTheSameReadAsThe101AreKept() throws Exception {
        LoadStats s = new LoadStats();
        long now = System.currentTimeMillis();
        RawConnection c = new RawConnection(
                null,
                URI.create("ws://127.0.0.1:1/ws/flights"),
                s,
                new FrameTally(s, now - 1000, now + 60_000, io.skysentinel.wire.WireFormat.JSON),
                null);
        String frame = "{\"type\":\"snapshot\",\"seq\":7,\"time\":" + now + ",\"aircraft\":[]}";
        byte[] head = ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: " + accept(keyOf(c)) + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = RawFrameReaderTest.concat(head, RawFrameReaderTest.text(frame));
        // split inside the head, then the rest of the head and the whole frame in one read
        assertThat(c.received(ByteBuffer.wrap(bytes, 0, 20), now)).isTrue();
        assertThat(c.open).isFalse();
        assertThat(c.received(ByteBuffer.wrap(bytes, 20, bytes.length - 20), now))
                .isTrue();
        assertThat(c.open).isTrue();
        assertThat(s.initialSnapshots.sum()).isEqualTo(1);
        assertThat(s.errors.get()).isZero();
    }

    @Test
    void aRegionClientSubscribesAfterTheHandshakeAndItsAnswerIsNoResync() throws Exception {
        LoadStats s = new LoadStats();
        long now = System.currentTimeMillis();
        String subscribe = RegionMix.subscribe(3, 20);
        RawConnection c = new RawConnection(
                null,
                URI.create("ws://127.0.0.1:1/ws/flights"),
                s,
                new FrameTally(s, now - 1000, now + 60_000, io.skysentinel.wire.WireFormat.JSON),
                subscribe);
        byte[] head = ("HTTP/1.1 101 Switching Protocols\r\nSec-WebSocket-Accept: " + accept(keyOf(c)) + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        String snap = "{\"type\":\"snapshot\",\"seq\":1,\"time\":" + now + "}";
        String resync = "{\"type\":\"snapshot\",\"seq\":9,\"time\":" + now + "}";
        c.received(
                ByteBuffer.wrap(
                        RawFrameReaderTest.concat(head, RawFrameReaderTest.text(snap), RawFrameReaderTest.text(snap))),
                now);
        assertThat(s.resyncsTotal.sum())
                .as("connect snapshot + subscribe answer")
                .isZero();
        c.received(ByteBuffer.wrap(RawFrameReaderTest.text(resync)), now);
        assertThat(s.resyncsTotal.sum()).isEqualTo(1);
        assertThat(subscribe).startsWith("{\"type\":\"subscribe\",\"filter\":{\"bbox\":[");
        double[] box = RegionMix.box(3, 20);
        assertThat(box[2] - box[0]).isLessThanOrEqualTo(20.0).isGreaterThan(0);
        assertThat(RegionMix.box(3, 20)).as("repeatable").containsExactly(box);
    }

    @Test
    void aWrongAcceptOrARefusalFailsTheConnection() {
        LoadStats s = new LoadStats();
        RawConnection c = new RawConnection(
                null,
                URI.create("ws://127.0.0.1:1/ws/flights"),
                s,
                new FrameTally(s, 0, 1, io.skysentinel.wire.WireFormat.MSGPACK),
                null);
        byte[] head = "HTTP/1.1 101 Switching Protocols\r\nSec-WebSocket-Accept: nope\r\n\r\n".getBytes();
        assertThat(c.received(ByteBuffer.wrap(head), 0)).isFalse();
        assertThat(s.failed.get()).isEqualTo(1);
        assertThat(s.firstErrors).anyMatch(e -> e.contains("Sec-WebSocket-Accept"));

        RawConnection refused = new RawConnection(
                null,
                URI.create("ws://127.0.0.1:1/ws/flights"),
                s,
                new FrameTally(s, 0, 1, io.skysentinel.wire.WireFormat.MSGPACK),
                null);
        assertThat(refused.received(ByteBuffer.wrap("HTTP/1.1 503 Busy\r\n\r\n".getBytes()), 0))
                .isFalse();
        assertThat(s.failed.get()).isEqualTo(2);
    }

    /** The key the connection put in its handshake request. */
    private static String keyOf(RawConnection c) throws Exception {
        var f = RawConnection.class.getDeclaredField("key");
        f.setAccessible(true);
        return (String) f.get(c);
    }

    private static String accept(String key) throws Exception {
        byte[] sha = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
        return Base64.getEncoder().encodeToString(sha);
    }
}
