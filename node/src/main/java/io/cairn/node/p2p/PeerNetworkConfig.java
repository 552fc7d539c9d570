package io.cairn.node.p2p;

import io.cairn.crypto.Hash;
import io.cairn.crypto.KeyPair;
import io.cairn.crypto.PublicKey;
import io.cairn.ledger.ProtocolLimits;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one validator's p2p network needs: who the validators are (from genesis), which one we
 * are, where to listen, where the others listen, and the limits. Only validators with a higher
 * index than {@code self} are dialed, so addresses of lower ones are accepted but unused.
 *
 * @param maxFrameBytes the largest frame payload sent or accepted; a peer that announces a larger
 *     one is cut off
 * @param maxQueuedBytesPerPeer bytes (payload plus the 4-byte prefix) that may wait unsent for one
 *     peer; beyond it a message is dropped, not the connection
 * @param idleTimeout a connection that receives nothing for this long is closed; a keepalive is
 *     sent after a third of it without writes
 * @param handshakeTimeout TLS and the Hello exchange must finish within it
 * @param backoffMin the first redial delay; it doubles per failed attempt up to {@code backoffMax}
 */
public record PeerNetworkConfig(String chainId, Hash genesisHash, List<PublicKey> validators, int self, KeyPair key,
        InetSocketAddress listen, Map<Integer, InetSocketAddress> peers, int maxFrameBytes,
        long maxQueuedBytesPerPeer, Duration idleTimeout, Duration handshakeTimeout, Duration backoffMin,
        Duration backoffMax) {

    /** The smallest frame limit: a Hello must always fit. */
    public static final int MIN_FRAME_BYTES = 256;

    public PeerNetworkConfig {
        if (!ProtocolLimits.isValidIdentifier(chainId, ProtocolLimits.CHAIN_ID_MAX_LENGTH)) {
            throw new IllegalArgumentException("chainId: must be 1 to " + ProtocolLimits.CHAIN_ID_MAX_LENGTH
                    + " characters of A-Z a-z 0-9 . _ -, got '" + chainId + "'");
        }
        require(genesisHash != null, "genesisHash: missing");
        require(validators, "validators");
        require(validators.stream().allMatch(Objects::nonNull), "validators: a key is missing");
        validators = List.copyOf(validators);
        require(!validators.isEmpty() && validators.size() <= ProtocolLimits.MAX_VALIDATORS,
                "validators: must hold 1 to " + ProtocolLimits.MAX_VALIDATORS + " keys, got " + validators.size());
        require(new HashSet<>(validators).size() == validators.size(), "validators: a key appears twice");
        require(self >= 0 && self < validators.size(),
                "self: " + self + " is outside 0.." + (validators.size() - 1));
        require(key != null && key.publicKey().equals(validators.get(self)),
                "key: is not the key of validator " + self + " in genesis");
        require(listen != null, "listen: missing");
        for (Map.Entry<Integer, InetSocketAddress> peer : require(peers, "peers").entrySet()) {
            Integer index = peer.getKey();
            require(index != null && peer.getValue() != null, "peers: an entry without index or address");
            require(index != self, "peers: holds our own index " + self);
            require(index >= 0 && index < validators.size(),
                    "peers: index " + index + " is outside 0.." + (validators.size() - 1));
        }
        peers = Map.copyOf(peers);
        require(maxFrameBytes >= MIN_FRAME_BYTES && maxFrameBytes <= Integer.MAX_VALUE - 4,
                "maxFrameBytes: must be " + MIN_FRAME_BYTES + " to " + (Integer.MAX_VALUE - 4) + ", got " + maxFrameBytes);
        // A queue that cannot hold one full frame would drop every large message.
        require(maxQueuedBytesPerPeer >= maxFrameBytes + 4L,
                "maxQueuedBytesPerPeer: must hold at least one full frame (" + (maxFrameBytes + 4L)
                        + " bytes), got " + maxQueuedBytesPerPeer);
        requirePositive(idleTimeout, "idleTimeout", 3);
        requirePositive(handshakeTimeout, "handshakeTimeout", 1);
        requirePositive(backoffMin, "backoffMin", 1);
        requirePositive(backoffMax, "backoffMax", 1);
        require(backoffMin.compareTo(backoffMax) <= 0,
                "backoffMin: " + backoffMin.toMillis() + " ms is above backoffMax " + backoffMax.toMillis() + " ms");
    }

    private static void requirePositive(Duration duration, String field, long minMillis) {
        require(duration != null && duration.toMillis() >= minMillis,
                field + ": must be at least " + minMillis + " ms, got " + (duration == null ? "nothing" : duration));
    }

    private static <T> T require(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": missing");
        }
        return value;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
