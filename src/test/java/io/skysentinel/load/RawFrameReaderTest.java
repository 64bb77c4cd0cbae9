package io.skysentinel.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RawFrameReaderTest {

    /** Records messages (joined from chunks) and control frames. */
    static final class Recorder implements RawFrameReader.Handler {
        final List<String> messages = new ArrayList<>();
        final List<String> controls = new ArrayList<>();
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();

        @Override
        public void data(ByteBuffer chunk, boolean last) {
            byte[] b = new byte[chunk.remaining()];
            chunk.get(b);
            current.writeBytes(b);
            if (last) {
                messages.add(current.toString(StandardCharsets.UTF_8));
                current.reset();
            }
        }

        @Override
        public void control(int opcode, byte[] payload) {
            controls.add(opcode + ":" + new String(payload, StandardCharsets.UTF_8));
        }
    }

    /** A server frame (unmasked) with the length encoding the size calls for. */
    static byte[] frame(int b0, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b0);
        int n = payload.length;
        if (n < 126) {
            out.write(n);
        } else if (n < 65536) {
            out.write(126);
            out.write(n >> 8);
            out.write(n);
        } else {
            out.write(127);
            for (int i = 7; i >= 0; i--) out.write((int) ((long) n >> (8 * i)));
        }
        out.writeBytes(payload);
        return out.toByteArray();
    }

    static byte[] text(String s) {
        return frame(0x81, s.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    @Test
    void messagesOfEveryLengthEncodingSurviveAnyCutOfTheStream() throws Exception {
        String small = "{\"type\":\"delta\"}", medium = "m".repeat(300), large = "L".repeat(70_000);
        byte[] stream = concat(text(small), frame(0x89, "hb".getBytes()), text(medium), frame(0x82, large.getBytes()));
        for (int cut : new int[] {1, 2, 3, 7, 64, 4096, stream.length}) {
            Recorder r = new Recorder();
            RawFrameReader reader = new RawFrameReader(r);
            for (int i = 0; i < stream.length; i += cut) {
                reader.feed(ByteBuffer.wrap(stream, i, Math.min(cut, stream.length - i)));
            }
            assertThat(r.messages).as("cut %d", cut).containsExactly(small, medium, large);
            assertThat(r.controls).containsExactly(RawFrameReader.PING + ":hb");
        }
    }

    @Test
    void fragmentedMessagesAreJoinedAndEmptyFramesAllowed() throws Exception {
        Recorder r = new Recorder();
        RawFrameReader reader = new RawFrameReader(r);
        reader.feed(ByteBuffer.wrap(concat(
                frame(0x01, "ab".getBytes()),
                frame(0x89, new byte[0]),
                frame(0x00, "cd".getBytes()),
                frame(0x80, "e".getBytes()),
                frame(0x81, new byte[0]))));
        assertThat(r.messages).containsExactly("abcde", "");
        assertThat(r.controls).containsExactly(RawFrameReader.PING + ":");
    }

    @Test
    void framingErrorsAreCaughtNotPassedOn() {
        assertThatThrownBy(() -> feed(frame(0xC1, "x".getBytes()))).hasMessageContaining("reserved bits");
        assertThatThrownBy(() -> feed(new byte[] {(byte) 0x81, (byte) 0x81, 1, 2, 3, 4, 5}))
                .hasMessageContaining("masked");
        assertThatThrownBy(() -> feed(frame(0x83, "x".getBytes()))).hasMessageContaining("unknown opcode");
        assertThatThrownBy(() -> feed(frame(0x09, "x".getBytes()))).hasMessageContaining("fragmented control");
        assertThatThrownBy(() -> feed(frame(0x89, new byte[126]))).hasMessageContaining("control frame of 126");
        assertThatThrownBy(() -> feed(frame(0x80, "x".getBytes()))).hasMessageContaining("continuation without");
        assertThatThrownBy(() -> feed(concat(frame(0x01, "x".getBytes()), frame(0x81, "y".getBytes()))))
                .hasMessageContaining("inside a fragmented message");
    }

    private static void feed(byte[] b) throws RawFrameReader.ProtocolError {
        new RawFrameReader(new Recorder()).feed(ByteBuffer.wrap(b));
    }
}
