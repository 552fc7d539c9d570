package io.cairn.node.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.crypto.JcaKeys;
import io.cairn.crypto.KeyPair;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/** The pin: a certificate is trusted for its key alone, and only a genesis validator's key. */
class ValidatorTrustTest {
    private final TestValidators validators = new TestValidators(4);
    private final ValidatorTrust acceptor = new ValidatorTrust(validators.validators, 1, ValidatorTrust.ANY_VALIDATOR);

    @Test
    void aValidatorsOwnCertificateIsAcceptedAsThatValidator() throws Exception {
        for (int index : new int[] {0, 2, 3}) {
            assertThat(acceptor.identify(chainOf(TestValidators.key(index), index))).isEqualTo(index);
        }
    }

    @Test
    void aKeyOutsideGenesisIsRejected() {
        assertThatThrownBy(() -> acceptor.identify(chainOf(TestValidators.intruderKey(), 0)))
                .isInstanceOf(PeerCertificateRejected.class)
                .hasMessage("certificate key is not a validator of this chain");
    }

    @Test
    void ourOwnKeyIsRejected() {
        assertThatThrownBy(() -> acceptor.identify(chainOf(TestValidators.key(1), 1)))
                .isInstanceOf(PeerCertificateRejected.class)
                .hasMessage("certificate carries our own validator key");
    }

    @Test
    void aDialerAcceptsOnlyTheValidatorItDialed() throws Exception {
        ValidatorTrust dialingTwo = new ValidatorTrust(validators.validators, 1, 2);

        assertThat(dialingTwo.identify(chainOf(TestValidators.key(2), 2))).isEqualTo(2);
        assertThatThrownBy(() -> dialingTwo.identify(chainOf(TestValidators.key(3), 3)))
                .isInstanceOf(PeerCertificateRejected.class)
                .hasMessage("certificate is validator 3's, but we dialed validator 2");
    }

    @Test
    void aCertificateOverAValidatorKeyButSignedByAnotherKeyIsRejected() throws Exception {
        X509Certificate forged = certificate(TestValidators.key(2), TestValidators.intruderKey());

        assertThatThrownBy(() -> acceptor.identify(new X509Certificate[] {forged}))
                .isInstanceOf(PeerCertificateRejected.class)
                .hasMessage("certificate is not signed by its own key");
    }

    @Test
    void anEmptyOrLongerChainIsRejected() throws Exception {
        X509Certificate valid = NodeIdentity.create(TestValidators.key(2), 2).certificate();

        assertThatThrownBy(() -> acceptor.identify(new X509Certificate[0]))
                .isInstanceOf(PeerCertificateRejected.class).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> acceptor.identify(new X509Certificate[] {valid, valid}))
                .isInstanceOf(PeerCertificateRejected.class).hasMessageContaining("got 2");
    }

    @Test
    void theNodeCertificateCarriesItsKeyAndSignsItself() throws Exception {
        X509Certificate certificate = NodeIdentity.create(TestValidators.key(0), 0).certificate();

        assertThat(JcaKeys.fromJca(certificate.getPublicKey())).isEqualTo(TestValidators.key(0).publicKey());
        certificate.verify(certificate.getPublicKey());
        assertThat(certificate.getSigAlgName()).isEqualTo("Ed25519");
    }

    private static X509Certificate[] chainOf(KeyPair key, int index) {
        return new X509Certificate[] {NodeIdentity.create(key, index).certificate()};
    }

    /** A certificate for {@code subject}'s public key, signed by {@code signer}. */
    private static X509Certificate certificate(KeyPair subject, KeyPair signer) throws Exception {
        X500Name name = new X500Name("CN=forged");
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, new Date(), new Date(4_102_444_800_000L),
                name, JcaKeys.publicKey(subject.publicKey()));
        var signed = builder.build(new JcaContentSignerBuilder("Ed25519").build(JcaKeys.privateKey(signer)));
        return new JcaX509CertificateConverter().getCertificate(signed);
    }
}
