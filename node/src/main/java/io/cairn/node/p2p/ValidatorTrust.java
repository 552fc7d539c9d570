package io.cairn.node.p2p;

import io.cairn.crypto.JcaKeys;
import io.cairn.crypto.PublicKey;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a peer's certificate only for its key: it must be one of the genesis validators' keys,
 * not our own, and sign its own certificate. A dialer's trust is further pinned to the one
 * validator it dialed. Names, issuers and dates mean nothing here, and there is no CA.
 * (JSSE itself checks the handshake signature, which proves the peer holds the private key.)
 */
final class ValidatorTrust extends X509ExtendedTrustManager {
    static final int ANY_VALIDATOR = -1;

    private final List<PublicKey> validators;
    private final int self;
    private final int expected;

    /** @param expected the only validator accepted, or {@link #ANY_VALIDATOR} other than {@code self} */
    ValidatorTrust(List<PublicKey> validators, int self, int expected) {
        this.validators = List.copyOf(validators);
        this.self = self;
        this.expected = expected;
    }

    /** The validator index of an accepted peer certificate. */
    int identify(Certificate[] chain) throws PeerCertificateRejected {
        if (chain == null || chain.length != 1 || !(chain[0] instanceof X509Certificate certificate)) {
            throw new PeerCertificateRejected("expected exactly one self-signed X.509 certificate, got "
                    + (chain == null ? 0 : chain.length));
        }
        PublicKey key;
        try {
            key = JcaKeys.fromJca(certificate.getPublicKey());
        } catch (IllegalArgumentException e) {
            throw new PeerCertificateRejected("certificate key is not Ed25519");
        }
        int index = validators.indexOf(key);
        if (index < 0) {
            throw new PeerCertificateRejected("certificate key is not a validator of this chain");
        }
        if (index == self) {
            throw new PeerCertificateRejected("certificate carries our own validator key");
        }
        if (expected != ANY_VALIDATOR && index != expected) {
            throw new PeerCertificateRejected("certificate is validator " + index + "'s, but we dialed validator "
                    + expected);
        }
        try {
            certificate.verify(certificate.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new PeerCertificateRejected("certificate is not signed by its own key");
        }
        return index;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        identify(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        identify(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        identify(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        identify(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        identify(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        identify(chain);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        // No CA: an empty list tells the peer any certificate may be offered.
        return new X509Certificate[0];
    }
}
