package io.cairn.crypto;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** An Ed25519 signature: 64 bytes (R then S). */
public final class Signature extends FixedBytes {
    public static final int SIZE = Ed25519.SIGNATURE_SIZE;

    private Signature(byte[] bytes) {
        super(bytes, SIZE, "an Ed25519 signature");
    }

    public static Signature wrap(byte[] bytes) {
        return new Signature(bytes);
    }

    public static Signature fromHex(String hex) {
        return new Signature(Hex.decode(hex, SIZE));
    }
}
