package io.cairn.node.p2p;

import io.cairn.crypto.Hash;
import io.cairn.crypto.KeyPair;
import io.cairn.crypto.PublicKey;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * A set of validators on 127.0.0.1 for p2p tests: their keys, configs with short timeouts, and
 * the networks started, all closed together. Limits are fields so a test can change them before
 * starting its networks.
 */
final class TestValidators implements AutoCloseable {
    static final String CHAIN = "p2p-test";
    static final Hash GENESIS = Hash.of("p2p test genesis".getBytes(StandardCharsets.UTF_8));

    final List<KeyPair> keys = new ArrayList<>();
    final List<PublicKey> validators = new ArrayList<>();
    final List<RecordingListener> listeners = new ArrayList<>();
    int maxFrameBytes = 64 * 1024;
    long maxQueuedBytes = 256 * 1024;
    Duration idleTimeout = Duration.ofSeconds(10);
    Duration handshakeTimeout = Duration.ofSeconds(3);
    Duration backoffMin = Duration.ofMillis(50);
    Duration backoffMax = Duration.ofMillis(400);
    private final List<PeerNetwork> started = new ArrayList<>();

    TestValidators(int count) {
        for (int i = 0; i < count; i++) {
            keys.add(key(i));
            validators.add(key(i).publicKey());
            listeners.add(new RecordingListener());
        }
    }

    /** An Awaitility wait with a bound that polls often: the conditions here flip within milliseconds. */
    static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(20));
    }

    static KeyPair key(int index) {
        return KeyPair.fromLabel("p2p-validator-" + index);
    }

    static InetSocketAddress anyPort() {
        return new InetSocketAddress("127.0.0.1", 0);
    }

    PeerNetworkConfig config(int self, Map<Integer, InetSocketAddress> peers) {
        return config(CHAIN, GENESIS, validators, self, anyPort(), peers);
    }

    PeerNetworkConfig config(String chainId, Hash genesis, List<PublicKey> keysOfGenesis, int self,
            InetSocketAddress listen, Map<Integer, InetSocketAddress> peers) {
        KeyPair key = keys.stream().filter(k -> k.publicKey().equals(keysOfGenesis.get(self))).findFirst()
                .orElseGet(() -> intruderKey());
        return new PeerNetworkConfig(chainId, genesis, keysOfGenesis, self, key, listen, peers, maxFrameBytes,
                maxQueuedBytes, idleTimeout, handshakeTimeout, backoffMin, backoffMax);
    }

    /** A well-formed key that no genesis of these tests holds. */
    static KeyPair intruderKey() {
        return KeyPair.fromLabel("p2p-intruder");
    }

    /** The genesis keys with validator {@code index}'s key swapped for the intruder's. */
    List<PublicKey> withIntruderAt(int index) {
        List<PublicKey> forged = new ArrayList<>(validators);
        forged.set(index, intruderKey().publicKey());
        return forged;
    }

    /** Starts a network for {@code config} whose messages go to {@code listener}; closed with the fixture. */
    PeerNetwork start(PeerNetworkConfig config, PeerListener listener) throws IOException {
        PeerNetwork network = new PeerNetwork(config, listener);
        started.add(network);
        network.start();
        return network;
    }

    PeerNetwork start(int self, Map<Integer, InetSocketAddress> peers) throws IOException {
        return start(config(self, peers), listeners.get(self));
    }

    /**
     * Starts validators {@code highest} down to {@code lowest}, so that each knows the addresses of
     * the higher ones it dials; {@code known} adds addresses of validators started elsewhere.
     * Returns them indexed by validator (the slots of others null).
     */
    List<PeerNetwork> startDown(int highest, int lowest, Map<Integer, InetSocketAddress> known) throws IOException {
        PeerNetwork[] networks = new PeerNetwork[validators.size()];
        Map<Integer, InetSocketAddress> addresses = new HashMap<>(known);
        for (int self = highest; self >= lowest; self--) {
            Map<Integer, InetSocketAddress> peers = new HashMap<>(addresses);
            peers.remove(self);
            networks[self] = start(self, peers);
            addresses.put(self, networks[self].boundAddress());
        }
        return Arrays.asList(networks);
    }

    /** Starts validators {@code from} to the last one. */
    List<PeerNetwork> startFrom(int from) throws IOException {
        return startDown(validators.size() - 1, from, Map.of());
    }

    List<PeerNetwork> startAll() throws IOException {
        return startFrom(0);
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }
}
