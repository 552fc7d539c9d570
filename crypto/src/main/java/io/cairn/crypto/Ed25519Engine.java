package io.cairn.crypto;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** The one place that calls Bouncy Castle's RFC 8032 code. */
final class Ed25519Engine {
    static {
        Ed25519.precompute();
    }

    private Ed25519Engine() {}

    static byte[] publicKey(byte[] seed) {
        byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(seed, 0, publicKey, 0);
        return publicKey;
    }

    static byte[] sign(byte[] seed, byte[] publicKey, byte[] message, int offset, int length) {
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(seed, 0, publicKey, 0, message, offset, length, signature, 0);
        return signature;
    }

    static boolean verify(byte[] signature, byte[] publicKey, byte[] message, int offset, int length) {
        return Ed25519.verify(signature, 0, publicKey, 0, message, offset, length);
    }
}
