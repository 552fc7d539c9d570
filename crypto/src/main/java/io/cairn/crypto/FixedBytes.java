package io.cairn.crypto;

import java.util.Arrays;

/** Shared shape of the fixed-size byte values: content equality, unsigned order, hex text. */
abstract class FixedBytes {
    final byte[] bytes;

    FixedBytes(byte[] bytes, int size, String what) {
        if (bytes.length != size) {
            throw new IllegalArgumentException(what + " must be " + size + " bytes, got " + bytes.length);
        }
        this.bytes = bytes.clone();
    }

    /** A copy of the bytes. */
    public final byte[] toByteArray() {
        return bytes.clone();
    }

    /** Copies the bytes into {@code target} at {@code offset} without allocating. */
    public final void copyTo(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, bytes.length);
    }

    public final String toHex() {
        return Hex.encode(bytes);
    }

    final int compareBytes(FixedBytes other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && Arrays.equals(bytes, ((FixedBytes) o).bytes);
    }

    @Override
    public final int hashCode() {
        // The bytes are hashes or keys: uniformly distributed already.
        return (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
