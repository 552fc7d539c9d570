package io.cairn.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** RFC 8032 section 7.1 vectors, and the checks a verifier must make. */
class Ed25519Test {
    private static final KeyPair TEST1 =
            KeyPair.fromSeed(Hex.decode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));

    @Test
    void rfc8032Test1() {
        assertThat(TEST1.publicKey().toHex())
                .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        Signature signature = TEST1.sign(new byte[0]);
        assertThat(signature.toHex()).isEqualTo("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        assertThat(TEST1.publicKey().verify(new byte[0], signature)).isTrue();
    }

    @Test
    void rfc8032Test2() {
        KeyPair key = KeyPair.fromSeed(Hex.decode("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"));
        assertThat(key.publicKey().toHex())
                .isEqualTo("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");
        assertThat(key.sign(new byte[] {0x72}).toHex())
                .isEqualTo("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                        + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
    }

    @Test
    void rejectsAnyChangeToMessageSignatureOrKey() {
        byte[] message = "pay 5 to bob".getBytes();
        Signature signature = TEST1.sign(message);
        byte[] otherMessage = message.clone();
        otherMessage[0] ^= 1;
        byte[] otherSignature = signature.toByteArray();
        otherSignature[10] ^= 1;

        assertThat(TEST1.publicKey().verify(message, signature)).isTrue();
        assertThat(TEST1.publicKey().verify(otherMessage, signature)).isFalse();
        assertThat(TEST1.publicKey().verify(message, Signature.wrap(otherSignature))).isFalse();
        assertThat(KeyPair.fromLabel("mallory").publicKey().verify(message, signature)).isFalse();
        assertThat(PublicKey.wrap(new byte[32]).verify(message, signature)).isFalse();
    }

    @Test
    void rejectsNonCanonicalS() {
        // S + L verifies in a lax implementation; RFC 8032 requires S < L, so one signature per message and key.
        byte[] message = "malleable?".getBytes();
        byte[] signature = TEST1.sign(message).toByteArray();
        BigInteger order = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
        BigInteger s = new BigInteger(1, reverse(java.util.Arrays.copyOfRange(signature, 32, 64)));
        byte[] sPlusL = reverse(toFixed(s.add(order)));
        System.arraycopy(sPlusL, 0, signature, 32, 32);
        assertThat(TEST1.publicKey().verify(message, Signature.wrap(signature))).isFalse();
    }

    @Test
    void derivesKeysDeterministicallyFromLabels() {
        assertThat(KeyPair.fromLabel("alice")).isEqualTo(KeyPair.fromLabel("alice"));
        assertThat(KeyPair.fromLabel("alice").publicKey()).isNotEqualTo(KeyPair.fromLabel("bob").publicKey());
    }

    @Test
    void neverPrintsTheSecret() {
        String seedHex = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
        assertThat(TEST1.toString()).doesNotContain(seedHex).doesNotContain(seedHex.substring(0, 16))
                .contains("redacted").contains(TEST1.publicKey().toHex());
    }

    private static byte[] toFixed(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] fixed = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, fixed, 32 - copy, copy);
        return fixed;
    }

    private static byte[] reverse(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[bytes.length - 1 - i];
        }
        return out;
    }
}
