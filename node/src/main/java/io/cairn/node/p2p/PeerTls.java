package io.cairn.node.p2p;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * The TLS contexts of one network: TLS 1.3 only, the JDK's provider (SunJSSE signs with Ed25519),
 * both sides authenticated. One server context accepts any other validator; each dialed
 * validator gets a client context pinned to its key.
 */
final class PeerTls {
    private static final String TLS_1_3 = "TLSv1.3";

    private final NodeIdentity identity;
    private final ValidatorTrust acceptorTrust;
    private final SslContext server;
    private final Map<Integer, SslContext> clients = new HashMap<>();

    PeerTls(PeerNetworkConfig config) throws SSLException {
        identity = NodeIdentity.create(config.key(), config.self());
        acceptorTrust = new ValidatorTrust(config.validators(), config.self(), ValidatorTrust.ANY_VALIDATOR);
        server = SslContextBuilder.forServer(identity)
                .sslProvider(SslProvider.JDK)
                .protocols(TLS_1_3)
                .clientAuth(ClientAuth.REQUIRE)
                .trustManager(acceptorTrust)
                .build();
        for (int validator : config.peers().keySet()) {
            if (validator < config.self()) {
                continue; // lower validators dial us
            }
            clients.put(validator, SslContextBuilder.forClient()
                    .sslProvider(SslProvider.JDK)
                    .protocols(TLS_1_3)
                    .keyManager(identity)
                    .trustManager(new ValidatorTrust(config.validators(), config.self(), validator))
                    // Peers are pinned by key; their certificates name no host to verify.
                    .endpointIdentificationAlgorithm(null)
                    .build());
        }
    }

    SslContext server() {
        return server;
    }

    /** The context for dialing {@code validator}; it accepts only that validator's key. */
    SslContext clientFor(int validator) {
        return clients.get(validator);
    }

    /** Tells which validator presented {@code chain} on an accepted, already verified connection. */
    ValidatorTrust acceptorTrust() {
        return acceptorTrust;
    }
}
