package io.cairn.consensus.messages;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Bytes written field by field from the layouts documented in {@link MessageCodec} and
 * {@link SignBytes}, never through the codec, so tests compare the code with its documentation.
 * Values are raw and unchecked: tests also use it to write what the codec must refuse.
 */
final class WireLayout {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    WireLayout u8(int value) {
        out.write(value);
        return this;
    }

    WireLayout u16(int value) {
        return raw(ByteBuffer.allocate(2).putShort((short) value).array());
    }

    WireLayout u32(long value) {
        return raw(ByteBuffer.allocate(4).putInt((int) value).array());
    }

    WireLayout u64(long value) {
        return raw(ByteBuffer.allocate(8).putLong(value).array());
    }

    WireLayout ascii(String text) {
        return raw(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code count} copies of {@code value}: a digest or signature of known content. */
    WireLayout fill(int count, int value) {
        for (int i = 0; i < count; i++) {
            out.write(value);
        }
        return this;
    }

    WireLayout raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /** {@code u64 height | u64 view | digest (32, all d) | u16 sender | signature (64, all s)} */
    WireLayout vote(long height, long view, int d, int sender, int s) {
        return u64(height).u64(view).fill(32, d).u16(sender).fill(64, s);
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
