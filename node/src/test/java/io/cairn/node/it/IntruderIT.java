package io.cairn.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cairn.crypto.PublicKey;
import io.cairn.ledger.Validator;
import io.cairn.ledger.testing.TestKeys;
import io.cairn.node.p2p.PeerListener;
import io.cairn.node.p2p.PeerNetwork;
import io.cairn.node.p2p.PeerNetworkConfig;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Outsiders at the p2p port: a key that is not in genesis, and a peer sending garbage. */
class IntruderIT {

    @Test
    void aKeyThatIsNotInGenesisCannotConnectAndTheNetworkCarriesOn() throws Exception {
        try (LocalNetwork network = LocalNetwork.create("stranger-key", 4, false)) {
            network.startAll();
            // The stranger believes it is validator 0 of this chain and dials the real 1, 2 and 3.
            List<PublicKey> validators = new ArrayList<>();
            validators.add(TestKeys.stranger().publicKey());
            network.genesis().validators().stream().skip(1).map(Validator::publicKey).forEach(validators::add);
            Map<Integer, InetSocketAddress> peers = new HashMap<>();
            for (int i = 1; i < 4; i++) {
                peers.put(i, new InetSocketAddress("127.0.0.1", network.p2pPort(i)));
            }
            AtomicInteger delivered = new AtomicInteger();
            PeerNetworkConfig config = new PeerNetworkConfig(network.genesis().chainId(), network.genesis().hash(),
                    validators, 0, TestKeys.stranger(), new InetSocketAddress("127.0.0.1", 0), peers, 1 << 20,
                    4 << 20, Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofMillis(50),
                    Duration.ofMillis(200));
            try (PeerNetwork stranger = new PeerNetwork(config, new PeerListener() {
                @Override
                public void onMessage(int validator, byte[] payload) {
                    delivered.incrementAndGet();
                }
            })) {
                stranger.start();
                for (int i = 1; i < 4; i++) {
                    int node = i;
                    await("node " + node + " refuses the stranger's certificate").atMost(Duration.ofSeconds(30))
                            .until(() -> network.log(node).contains("certificate refused"));
                }
                Transfers transfers = new Transfers(network);
                transfers.submit(20, 0, 1, 2, 3);
                Convergence.awaitCommitted(network, transfers.admitted(), Duration.ofSeconds(60), 0, 1, 2, 3);
                assertThat(stranger.connected()).isEmpty();
                assertThat(delivered).hasValue(0);
            }
        }
    }

    @Test
    void aPeerSendingGarbageIsCutOffWhileTheNetworkCarriesOn() throws Exception {
        try (LocalNetwork network = LocalNetwork.create("garbage-peer", 4, false)) {
            network.startAll();
            byte[] garbage = new byte[4096];
            new Random(7).nextBytes(garbage);
            try (Socket socket = new Socket("127.0.0.1", network.p2pPort(0))) {
                socket.setSoTimeout(15_000);
                socket.getOutputStream().write(garbage);
                InputStream in = socket.getInputStream();
                assertThat(drainUntilClosed(in)).as("the node closes the connection").isTrue();
            }
            await("the refusal is logged").atMost(Duration.ofSeconds(10))
                    .until(() -> network.log(0).contains("not TLS"));
            Transfers transfers = new Transfers(network);
            transfers.submit(20, 0, 1, 2, 3);
            Convergence.awaitCommitted(network, transfers.admitted(), Duration.ofSeconds(60), 0, 1, 2, 3);
        }
    }

    @Test
    void aValidatorSendingUndecodablePayloadsIsCutOffWhileTheOthersCommit() throws Exception {
        try (LocalNetwork network = LocalNetwork.create("garbage-validator", 4, false)) {
            for (int node = 0; node < 3; node++) {
                network.start(node);
            }
            for (int node = 0; node < 3; node++) {
                network.awaitUp(node);
            }
            // Validator 3 is this test: authenticated by its genesis key, then it sends garbage.
            List<PublicKey> validators = network.genesis().validators().stream().map(Validator::publicKey).toList();
            PeerNetworkConfig config = new PeerNetworkConfig(network.genesis().chainId(), network.genesis().hash(),
                    validators, 3, TestKeys.validator(3), new InetSocketAddress("127.0.0.1", network.p2pPort(3)),
                    Map.of(), 1 << 20, 4 << 20, Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofMillis(50),
                    Duration.ofMillis(200));
            try (PeerNetwork impostor = new PeerNetwork(config, (validator, payload) -> { })) {
                impostor.start();
                await("the three validators connect to validator 3").atMost(Duration.ofSeconds(30))
                        .until(() -> impostor.connected().size() == 3);
                impostor.broadcast(new byte[] {99, 1, 2, 3});
                for (int node = 0; node < 3; node++) {
                    int watched = node;
                    await("node " + node + " cuts validator 3 off").atMost(Duration.ofSeconds(10))
                            .until(() -> network.log(watched).contains("malformed message"));
                }
                Transfers transfers = new Transfers(network);
                transfers.submit(20, 0, 1, 2);
                Convergence.awaitCommitted(network, transfers.admitted(), Duration.ofSeconds(60), 0, 1, 2);
            }
        }
    }

    /** Reads until end of stream; false if the peer kept it open past the socket timeout. */
    private static boolean drainUntilClosed(InputStream in) {
        try {
            byte[] buffer = new byte[1024];
            while (in.read(buffer) >= 0) {
                // whatever the node answers before closing (a TLS alert) is fine
            }
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (java.io.IOException e) {
            return true; // reset by the node: closed too
        }
    }
}
