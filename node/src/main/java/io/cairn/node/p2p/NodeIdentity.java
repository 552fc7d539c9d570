package io.cairn.node.p2p;

import io.cairn.crypto.JcaKeys;
import io.cairn.crypto.KeyPair;
import java.math.BigInteger;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Principal;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Date;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The node's TLS identity: a self-signed X.509 certificate over its Ed25519 validator key, made
 * at start, and the key manager that presents it. The certificate only carries the key to the
 * peer; peers trust the key (pinned in genesis), never a name, issuer or date in it.
 */
final class NodeIdentity extends X509ExtendedKeyManager {
    private static final String ALIAS = "validator";
    // RFC 5280 4.1.2.5: the GeneralizedTime 99991231235959Z means "no well-defined expiration".
    private static final Date NO_EXPIRY = new Date(253_402_300_799_000L);

    private final PrivateKey privateKey;
    private final X509Certificate certificate;

    private NodeIdentity(PrivateKey privateKey, X509Certificate certificate) {
        this.privateKey = privateKey;
        this.certificate = certificate;
    }

    /** A fresh certificate for {@code key}, naming validator {@code index} for humans reading it. */
    static NodeIdentity create(KeyPair key, int index) {
        PrivateKey privateKey = JcaKeys.privateKey(key);
        X500Name name = new X500Name("CN=cairn validator " + index);
        Date notBefore = new Date(System.currentTimeMillis() - 60_000);
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    new BigInteger(63, new SecureRandom()), notBefore, NO_EXPIRY, name,
                    JcaKeys.publicKey(key.publicKey()));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("Ed25519").build(privateKey)));
            return new NodeIdentity(privateKey, certificate);
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the node's TLS certificate: " + e.getMessage(), e);
        }
    }

    X509Certificate certificate() {
        return certificate;
    }

    private String aliasFor(String keyType) {
        // JSSE asks by key algorithm; ours is EdDSA (Ed25519), and we have nothing else to offer.
        return keyType != null && (keyType.equalsIgnoreCase(privateKey.getAlgorithm())
                || keyType.equalsIgnoreCase("EdDSA") || keyType.equalsIgnoreCase("Ed25519")) ? ALIAS : null;
    }

    private String aliasFor(String[] keyTypes) {
        if (keyTypes != null) {
            for (String keyType : keyTypes) {
                if (aliasFor(keyType) != null) {
                    return ALIAS;
                }
            }
        }
        return null;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return aliasFor(keyTypes);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return aliasFor(keyType);
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return aliasFor(keyTypes);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return aliasFor(keyType);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return aliasFor(keyType) == null ? null : new String[] {ALIAS};
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return getClientAliases(keyType, issuers);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return ALIAS.equals(alias) ? new X509Certificate[] {certificate} : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return ALIAS.equals(alias) ? privateKey : null;
    }

    @Override
    public String toString() {
        return "NodeIdentity[" + certificate.getSubjectX500Principal() + "]";
    }
}
