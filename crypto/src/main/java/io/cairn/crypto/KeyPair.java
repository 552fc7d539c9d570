package io.cairn.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * An Ed25519 key pair. The secret is the 32-byte RFC 8032 seed; it never appears in
 * {@link #toString()}, and only {@link KeyFile} writes it out.
 */
public final class KeyPair {
    public static final int SEED_SIZE = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] seed;
    private final PublicKey publicKey;

    private KeyPair(byte[] seed) {
        if (seed.length != SEED_SIZE) {
            throw new IllegalArgumentException("an Ed25519 seed must be " + SEED_SIZE + " bytes, got " + seed.length);
        }
        this.seed = seed.clone();
        this.publicKey = PublicKey.wrap(Ed25519Engine.publicKey(this.seed));
    }

    public static KeyPair generate() {
        byte[] seed = new byte[SEED_SIZE];
        RANDOM.nextBytes(seed);
        return new KeyPair(seed);
    }

    /** The key pair for a given 32-byte seed (RFC 8032's private key). */
    public static KeyPair fromSeed(byte[] seed) {
        return new KeyPair(seed);
    }

    /** A deterministic key for tests and fixtures: the seed is SHA-256 of {@code label}. */
    public static KeyPair fromLabel(String label) {
        return new KeyPair(Sha256.digest(label.getBytes(StandardCharsets.UTF_8)));
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public Signature sign(byte[] message) {
        return sign(message, 0, message.length);
    }

    public Signature sign(byte[] message, int offset, int length) {
        return Signature.wrap(Ed25519Engine.sign(seed, publicKey.bytes, message, offset, length));
    }

    /** The secret seed; for {@link KeyFile} only. */
    byte[] seed() {
        return seed.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyPair other && Arrays.equals(seed, other.seed);
    }

    @Override
    public int hashCode() {
        return publicKey.hashCode();
    }

    @Override
    public String toString() {
        return "KeyPair[publicKey=" + publicKey + ", secret=<redacted>]";
    }
}
