package io.cairn.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * Cairn's Ed25519 keys as the JDK's {@code java.security} keys, for TLS (JSSE signs the
 * handshake with them). Only the fixed Ed25519 DER prefixes are involved: RFC 8410's PKCS#8
 * and SubjectPublicKeyInfo forms.
 */
public final class JcaKeys {
    static final byte[] PKCS8_PREFIX = Hex.decode("302e020100300506032b657004220420");
    private static final byte[] SPKI_PREFIX = Hex.decode("302a300506032b6570032100");

    private JcaKeys() {}

    /** The JDK private key of {@code key}; hand it only to a key manager, never to a log. */
    public static PrivateKey privateKey(KeyPair key) {
        byte[] der = concat(PKCS8_PREFIX, key.seed());
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot load an Ed25519 private key", e);
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    public static java.security.PublicKey publicKey(PublicKey key) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(SPKI_PREFIX, key.bytes)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot load an Ed25519 public key", e);
        }
    }

    /** The Cairn key inside a JDK public key; throws when it is not an Ed25519 key. */
    public static PublicKey fromJca(java.security.PublicKey key) {
        byte[] der = key.getEncoded();
        if (der == null || der.length != SPKI_PREFIX.length + PublicKey.SIZE
                || !Arrays.equals(der, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 public key (" + key.getAlgorithm() + ")");
        }
        return PublicKey.wrap(Arrays.copyOfRange(der, SPKI_PREFIX.length, der.length));
    }

    private static byte[] concat(byte[] prefix, byte[] body) {
        byte[] out = Arrays.copyOf(prefix, prefix.length + body.length);
        System.arraycopy(body, 0, out, prefix.length, body.length);
        return out;
    }
}
