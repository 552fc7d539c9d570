package io.cairn.crypto;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** An Ed25519 public key: 32 bytes, as RFC 8032 encodes it. Also an account's address. */
public final class PublicKey extends FixedBytes implements Comparable<PublicKey> {
    public static final int SIZE = Ed25519.PUBLIC_KEY_SIZE;

    private PublicKey(byte[] bytes) {
        super(bytes, SIZE, "an Ed25519 public key");
    }

    public static PublicKey wrap(byte[] bytes) {
        return new PublicKey(bytes);
    }

    public static PublicKey fromHex(String hex) {
        return new PublicKey(Hex.decode(hex, SIZE));
    }

    /** Checks an RFC 8032 signature of {@code message} by this key; false for any invalid input. */
    public boolean verify(byte[] message, Signature signature) {
        return verify(message, 0, message.length, signature);
    }

    public boolean verify(byte[] message, int offset, int length, Signature signature) {
        return Ed25519Engine.verify(signature.bytes, bytes, message, offset, length);
    }

    @Override
    public int compareTo(PublicKey other) {
        return compareBytes(other);
    }
}
