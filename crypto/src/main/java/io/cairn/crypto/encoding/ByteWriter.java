package io.cairn.crypto.encoding;

import io.cairn.crypto.Hash;
import io.cairn.crypto.PublicKey;
import io.cairn.crypto.Signature;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Appends fixed-width big-endian fields to a growing buffer. */
public final class ByteWriter {
    private byte[] buffer;
    private int size;

    public ByteWriter(int expectedSize) {
        buffer = new byte[Math.max(16, expectedSize)];
    }

    public ByteWriter u8(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
        return this;
    }

    public ByteWriter u16(int value) {
        ensure(2);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
        return this;
    }

    public ByteWriter u32(long value) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (value >>> shift);
        }
        return this;
    }

    public ByteWriter u64(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (value >>> shift);
        }
        return this;
    }

    public ByteWriter bytes(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, size, bytes.length);
        size += bytes.length;
        return this;
    }

    public ByteWriter hash(Hash hash) {
        ensure(Hash.SIZE);
        hash.copyTo(buffer, size);
        size += Hash.SIZE;
        return this;
    }

    public ByteWriter publicKey(PublicKey key) {
        ensure(PublicKey.SIZE);
        key.copyTo(buffer, size);
        size += PublicKey.SIZE;
        return this;
    }

    public ByteWriter signature(Signature signature) {
        ensure(Signature.SIZE);
        signature.copyTo(buffer, size);
        size += Signature.SIZE;
        return this;
    }

    /** An identifier (chain id, name): a one-byte length, then its ASCII characters. */
    public ByteWriter identifier(String text) {
        byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        return u8(ascii.length).bytes(ascii);
    }

    public byte[] toByteArray() {
        return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
