package io.cairn.node.p2p;

import java.security.cert.CertificateException;

/** Our trust manager's refusal of a peer's certificate; JSSE keeps it as the handshake failure's cause. */
final class PeerCertificateRejected extends CertificateException {
    PeerCertificateRejected(String message) {
        super(message);
    }
}
