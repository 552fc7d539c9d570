package io.cairn.node.p2p;

/**
 * What the p2p network hands the node. Called on network threads: implementations only decode
 * and enqueue, never block.
 */
public interface PeerListener {
    /** A frame's payload from an authenticated validator of this chain. */
    void onMessage(int validator, byte[] payload);

    default void onConnected(int validator) {}

    default void onDisconnected(int validator) {}
}
