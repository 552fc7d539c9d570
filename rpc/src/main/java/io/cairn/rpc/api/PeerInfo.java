package io.cairn.rpc.api;

import io.cairn.crypto.PublicKey;

/** One validator as this node sees it over p2p. */
public record PeerInfo(int validator, String name, PublicKey publicKey, String address, boolean connected,
        long lastSeenHeight) {}
