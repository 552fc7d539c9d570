package io.cairn.crypto;

/** A SHA-256 digest. */
public final class Hash extends FixedBytes implements Comparable<Hash> {
    public static final int SIZE = 32;
    public static final Hash ZERO = new Hash(new byte[SIZE]);

    private Hash(byte[] bytes) {
        super(bytes, SIZE, "a hash");
    }

    /** Wraps 32 bytes that already are a digest. */
    public static Hash wrap(byte[] bytes) {
        return new Hash(bytes);
    }

    public static Hash fromHex(String hex) {
        return new Hash(Hex.decode(hex, SIZE));
    }

    /** SHA-256 of the concatenation of {@code parts}. */
    public static Hash of(byte[]... parts) {
        return new Hash(Sha256.digest(parts));
    }

    /** SHA-256 of {@code length} bytes of {@code data} from {@code offset}. */
    public static Hash of(byte[] data, int offset, int length) {
        return new Hash(Sha256.digest(data, offset, length));
    }

    @Override
    public int compareTo(Hash other) {
        return compareBytes(other);
    }
}
