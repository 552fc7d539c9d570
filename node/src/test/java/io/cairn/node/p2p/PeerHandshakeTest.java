package io.cairn.node.p2p;

import static io.cairn.node.p2p.RecordingListener.bytes;
import static io.cairn.node.p2p.TestValidators.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.cairn.crypto.Hash;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Who may connect: only validators of this chain, over TLS 1.3, with a Hello that matches. */
class PeerHandshakeTest {
    private final TestValidators validators = new TestValidators(4);
    private final CapturedLog log = new CapturedLog();

    @AfterEach
    void closeNetworks() {
        validators.close();
        log.close();
    }

    @Test
    void aKeyOutsideGenesisCannotConnectAsDialer() throws Exception {
        List<PeerNetwork> genuine = validators.startFrom(1);
        // The intruder copied chain id, genesis hash and addresses, and claims validator 0's seat.
        PeerNetwork intruder = validators.start(validators.config(TestValidators.CHAIN, TestValidators.GENESIS,
                validators.withIntruderAt(0), 0, TestValidators.anyPort(), Map.of(1, genuine.get(1).boundAddress(),
                        2, genuine.get(2).boundAddress(), 3, genuine.get(3).boundAddress())),
                new RecordingListener());

        for (int acceptor = 1; acceptor <= 3; acceptor++) {
            PeerNetwork network = genuine.get(acceptor);
            eventually().until(() -> network.stats().closed(DisconnectReason.UNKNOWN_KEY) >= 1);
            assertThat(network.connected()).doesNotContain(0);
        }
        eventually().until(() -> genuine.get(1).connected().equals(Set.of(2, 3)));
        assertThat(intruder.connected()).isEmpty();
        assertThat(log.warningsAbout("certificate key is not a validator of this chain")).isNotEmpty();
    }

    @Test
    void aKeyOutsideGenesisCannotConnectAsAcceptor() throws Exception {
        // The intruder listens where validator 3 is expected; 0, 1 and 2 dial it.
        PeerNetwork intruder = validators.start(validators.config(TestValidators.CHAIN, TestValidators.GENESIS,
                validators.withIntruderAt(3), 3, TestValidators.anyPort(), Map.of()), new RecordingListener());
        List<PeerNetwork> genuine = validators.startDown(2, 0, Map.of(3, intruder.boundAddress()));

        for (int dialer = 0; dialer <= 2; dialer++) {
            PeerNetwork network = genuine.get(dialer);
            eventually().until(() -> network.stats().closed(DisconnectReason.UNKNOWN_KEY) >= 1);
        }
        // The genuine three still find each other (each link in its own time).
        eventually().until(() -> genuine.get(0).connected().equals(Set.of(1, 2))
                && genuine.get(2).connected().equals(Set.of(0, 1)));
        assertThat(intruder.connected()).isEmpty();
        assertThat(log.warningsAbout("to 127.0.0.1:" + intruder.boundAddress().getPort()
                + " (dialing validator 3): certificate refused")).isNotEmpty();
    }

    @Test
    void aNodeOfAnotherChainIdOrGenesisIsRefused() throws Exception {
        Hash otherGenesis = Hash.of("another genesis".getBytes(StandardCharsets.UTF_8));
        // Same keys, so TLS succeeds; only the Hello can tell the chains apart.
        PeerNetwork otherGenesisNode = validators.start(validators.config(TestValidators.CHAIN, otherGenesis,
                validators.validators, 2, TestValidators.anyPort(), Map.of()), new RecordingListener());
        PeerNetwork otherChainNode = validators.start(validators.config("other-chain", TestValidators.GENESIS,
                validators.validators, 1, TestValidators.anyPort(), Map.of()), new RecordingListener());
        PeerNetwork ours = validators.start(0, Map.of(1, otherChainNode.boundAddress(),
                2, otherGenesisNode.boundAddress()));

        eventually().until(() -> ours.stats().closed(DisconnectReason.WRONG_CHAIN) >= 2
                && otherChainNode.stats().closed(DisconnectReason.WRONG_CHAIN) >= 1
                && otherGenesisNode.stats().closed(DisconnectReason.WRONG_CHAIN) >= 1);
        assertThat(log.warningsAbout("the peer is on chain 'other-chain'")).isNotEmpty();
        assertThat(log.warningsAbout("with genesis " + otherGenesis.toHex().substring(0, 16))).isNotEmpty();
        assertThat(ours.connected()).isEmpty();
        assertThat(validators.listeners.get(0).events).isEmpty();
    }

    @Test
    void garbageBytesAreCutOffCountedAndLoggedOnceAndTheNetworkCarriesOn() throws Exception {
        List<PeerNetwork> networks = validators.startFrom(2);
        eventually().until(() -> networks.get(2).connected().equals(Set.of(3)));

        int clientPort;
        try (Socket garbage = new Socket()) {
            garbage.connect(networks.get(3).boundAddress(), 5_000);
            garbage.setSoTimeout(5_000);
            clientPort = garbage.getLocalPort();
            OutputStream out = garbage.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: validator\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readsEndOfStream(garbage.getInputStream())).isTrue();
        }

        eventually().until(() -> networks.get(3).stats().closed(DisconnectReason.NOT_TLS) == 1);
        List<ILoggingEvent> lines = log.warningsAbout("127.0.0.1:" + clientPort);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).getFormattedMessage()).contains("not TLS").doesNotContain("474554");
        assertThat(lines.get(0).getThrowableProxy()).isNull();
        assertThat(networks.get(2).send(3, bytes("still here"))).isTrue();
        eventually().until(() -> validators.listeners.get(3).got(2, "still here"));
    }

    @Test
    void aClientThatNeverStartsTlsIsClosedAtTheHandshakeTimeout() throws Exception {
        validators.handshakeTimeout = Duration.ofMillis(300);
        PeerNetwork network = validators.startFrom(3).get(3);

        try (Socket silent = new Socket()) {
            silent.connect(network.boundAddress(), 5_000);
            silent.setSoTimeout(5_000);
            assertThat(readsEndOfStream(silent.getInputStream())).isTrue();
        }
        eventually().until(() -> network.stats().closed(DisconnectReason.HANDSHAKE_TIMEOUT) == 1);
        assertThat(log.warningsAbout("not done within 300 ms")).hasSize(1);
    }

    @Test
    void aTls12ClientIsRefused() throws Exception {
        PeerNetwork network = validators.startFrom(3).get(3);
        SSLContext tls12 = SSLContext.getInstance("TLSv1.2");
        tls12.init(new javax.net.ssl.KeyManager[] {NodeIdentity.create(TestValidators.key(0), 0)},
                new javax.net.ssl.TrustManager[] {
                    new ValidatorTrust(validators.validators, 0, ValidatorTrust.ANY_VALIDATOR)}, null);

        try (SSLSocket socket = (SSLSocket) tls12.getSocketFactory().createSocket()) {
            socket.connect(network.boundAddress(), 5_000);
            socket.setSoTimeout(5_000);
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            assertThat(readsEndOfStream(socket.getInputStream())).isTrue();
        }
        eventually().until(() -> network.stats().closed(DisconnectReason.TLS_FAILED) == 1);
        assertThat(network.connected()).isEmpty();
    }

    @Test
    void aHelloClaimingAnotherValidatorThanTheCertificateIsRefused() throws Exception {
        PeerNetwork network = validators.startFrom(3).get(3);
        InetSocketAddress address = network.boundAddress();

        try (TlsTestPeer peer = TlsTestPeer.connect(TestValidators.key(0), 0, validators.validators, address)) {
            peer.hello(1);
            assertThat(peer.closedByPeer()).isTrue();
        }
        eventually().until(() -> network.stats().closed(DisconnectReason.BAD_HELLO) == 1);
        assertThat(log.warningsAbout("it says it is validator 1, its certificate is validator 0's")).hasSize(1);
        assertThat(network.connected()).isEmpty();
    }

    @Test
    void aHigherValidatorDialingALowerOneIsRefused() throws Exception {
        PeerNetwork network = validators.startFrom(1).get(1);
        InetSocketAddress address = network.boundAddress();

        try (TlsTestPeer peer = TlsTestPeer.connect(TestValidators.key(3), 3, validators.validators, address)) {
            peer.hello();
            assertThat(peer.closedByPeer()).isTrue();
        }
        eventually().until(() -> network.stats().closed(DisconnectReason.BAD_HELLO) == 1);
        assertThat(log.warningsAbout("validator 3 dialed validator 1, but the lower index dials")).hasSize(1);
    }

    @Test
    void aFirstFrameThatIsNotAHelloIsRefused() throws Exception {
        PeerNetwork network = validators.startFrom(3).get(3);

        try (TlsTestPeer peer = TlsTestPeer.connect(TestValidators.key(0), 0, validators.validators,
                network.boundAddress())) {
            peer.frame(bytes("a block, before saying who we are"));
            assertThat(peer.closedByPeer()).isTrue();
        }
        eventually().until(() -> network.stats().closed(DisconnectReason.BAD_HELLO) == 1);
        assertThat(log.warningsAbout("malformed p2p hello")).hasSize(1);
    }

    /** True when the peer closed the connection; false if it was still open after the read timeout. */
    private static boolean readsEndOfStream(InputStream in) {
        try {
            byte[] buffer = new byte[4096];
            while (in.read(buffer) >= 0) {
                // whatever the node sent before closing (a TLS alert) does not matter
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (java.io.IOException e) {
            return true; // a reset or TLS alert is also the node closing
        }
    }
}
