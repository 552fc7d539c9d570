package io.cairn.node.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.crypto.Hash;
import io.cairn.crypto.KeyPair;
import io.cairn.crypto.PublicKey;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeerNetworkConfigTest {
    private static final InetSocketAddress ADDRESS = new InetSocketAddress("127.0.0.1", 7001);
    private final TestValidators validators = new TestValidators(4);

    /** The valid config from which each case changes one field. */
    private record Fields(String chainId, Hash genesis, List<PublicKey> keys, int self, KeyPair key,
            Map<Integer, InetSocketAddress> peers, int maxFrame, long maxQueued, Duration idle, Duration handshake,
            Duration backoffMin, Duration backoffMax) {
        PeerNetworkConfig build() {
            return new PeerNetworkConfig(chainId, genesis, keys, self, key, ADDRESS, peers, maxFrame, maxQueued, idle,
                    handshake, backoffMin, backoffMax);
        }
    }

    private Fields valid() {
        return new Fields("cairn-test", TestValidators.GENESIS, validators.validators, 1, TestValidators.key(1),
                Map.of(2, ADDRESS), 1024, 4096, Duration.ofSeconds(30), Duration.ofSeconds(5),
                Duration.ofMillis(100), Duration.ofSeconds(30));
    }

    @Test
    void aValidConfigKeepsImmutableCopies() {
        List<PublicKey> keys = new ArrayList<>(validators.validators);
        Map<Integer, InetSocketAddress> peers = new HashMap<>(Map.of(2, ADDRESS));
        Fields fields = valid();
        PeerNetworkConfig config = new Fields(fields.chainId(), fields.genesis(), keys, 1, fields.key(), peers,
                1024, 4096, fields.idle(), fields.handshake(), fields.backoffMin(), fields.backoffMax()).build();
        keys.clear();
        peers.clear();

        assertThat(config.validators()).hasSize(4);
        assertThat(config.peers()).containsOnlyKeys(2);
    }

    @Test
    void selfMustBeAValidatorWhoseKeyWeHold() {
        Fields v = valid();
        assertRefused(new Fields(v.chainId(), v.genesis(), v.keys(), 4, v.key(), v.peers(), v.maxFrame(),
                v.maxQueued(), v.idle(), v.handshake(), v.backoffMin(), v.backoffMax()), "self: 4 is outside 0..3");
        assertRefused(new Fields(v.chainId(), v.genesis(), v.keys(), 1, TestValidators.key(2), v.peers(),
                v.maxFrame(), v.maxQueued(), v.idle(), v.handshake(), v.backoffMin(), v.backoffMax()),
                "key: is not the key of validator 1 in genesis");
    }

    @Test
    void peersMayNotHoldOurselvesOrUnknownValidators() {
        Fields v = valid();
        assertRefused(withPeers(v, Map.of(1, ADDRESS)), "peers: holds our own index 1");
        assertRefused(withPeers(v, Map.of(7, ADDRESS)), "peers: index 7 is outside 0..3");
    }

    @Test
    void chainIdAndValidatorsAreChecked() {
        Fields v = valid();
        assertRefused(new Fields("bad chain!", v.genesis(), v.keys(), v.self(), v.key(), v.peers(), v.maxFrame(),
                v.maxQueued(), v.idle(), v.handshake(), v.backoffMin(), v.backoffMax()), "chainId:");
        List<PublicKey> twice = List.of(v.keys().get(0), v.keys().get(1), v.keys().get(1));
        assertRefused(new Fields(v.chainId(), v.genesis(), twice, v.self(), v.key(), v.peers(), v.maxFrame(),
                v.maxQueued(), v.idle(), v.handshake(), v.backoffMin(), v.backoffMax()), "validators: a key appears twice");
    }

    @Test
    void limitsMustBePositiveAndConsistent() {
        Fields v = valid();
        assertRefused(limits(v, 100, 4096, v.idle(), v.backoffMin(), v.backoffMax()), "maxFrameBytes: must be 256");
        assertRefused(limits(v, 1024, 1027, v.idle(), v.backoffMin(), v.backoffMax()),
                "maxQueuedBytesPerPeer: must hold at least one full frame (1028 bytes), got 1027");
        assertRefused(limits(v, 1024, 4096, Duration.ZERO, v.backoffMin(), v.backoffMax()), "idleTimeout:");
        assertRefused(limits(v, 1024, 4096, v.idle(), Duration.ofSeconds(-1), v.backoffMax()), "backoffMin:");
        assertRefused(limits(v, 1024, 4096, v.idle(), Duration.ofSeconds(60), Duration.ofSeconds(30)),
                "backoffMin: 60000 ms is above backoffMax 30000 ms");
    }

    private static Fields withPeers(Fields v, Map<Integer, InetSocketAddress> peers) {
        return new Fields(v.chainId(), v.genesis(), v.keys(), v.self(), v.key(), peers, v.maxFrame(), v.maxQueued(),
                v.idle(), v.handshake(), v.backoffMin(), v.backoffMax());
    }

    private static Fields limits(Fields v, int maxFrame, long maxQueued, Duration idle, Duration min, Duration max) {
        return new Fields(v.chainId(), v.genesis(), v.keys(), v.self(), v.key(), v.peers(), maxFrame, maxQueued, idle,
                v.handshake(), min, max);
    }

    private static void assertRefused(Fields fields, String message) {
        assertThatThrownBy(fields::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
