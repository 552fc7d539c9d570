package io.cairn.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import org.junit.jupiter.api.Test;

class JcaKeysTest {
    private static final byte[] MESSAGE = "cairn".getBytes(StandardCharsets.UTF_8);

    @Test
    void jdkSignatureWithTheConvertedKeyVerifiesWithCairnsKey() throws Exception {
        KeyPair key = KeyPair.fromLabel("jca");
        java.security.Signature jdk = java.security.Signature.getInstance("Ed25519");
        jdk.initSign(JcaKeys.privateKey(key));
        jdk.update(MESSAGE);
        assertThat(key.publicKey().verify(MESSAGE, Signature.wrap(jdk.sign()))).isTrue();
    }

    @Test
    void cairnSignatureVerifiesWithTheConvertedPublicKey() throws Exception {
        KeyPair key = KeyPair.fromLabel("jca");
        java.security.Signature jdk = java.security.Signature.getInstance("Ed25519");
        jdk.initVerify(JcaKeys.publicKey(key.publicKey()));
        jdk.update(MESSAGE);
        assertThat(jdk.verify(key.sign(MESSAGE).toByteArray())).isTrue();
    }

    @Test
    void publicKeyRoundTripsThroughTheJdk() {
        PublicKey key = KeyPair.fromLabel("round").publicKey();
        assertThat(JcaKeys.fromJca(JcaKeys.publicKey(key))).isEqualTo(key);
    }

    @Test
    void refusesAKeyOfAnotherAlgorithm() throws Exception {
        java.security.PublicKey ec = KeyPairGenerator.getInstance("EC").generateKeyPair().getPublic();
        assertThatThrownBy(() -> JcaKeys.fromJca(ec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an Ed25519 public key (EC)");
    }
}
