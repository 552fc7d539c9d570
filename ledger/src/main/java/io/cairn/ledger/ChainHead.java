package io.cairn.ledger;

import io.cairn.crypto.Hash;
import java.util.Objects;

/**
 * The newest committed point of a chain: what the next block builds on. At height 0 it is the
 * genesis: its hash, its time and the state root of the initial accounts.
 */
public record ChainHead(long height, Hash blockHash, long timestampMillis, Hash stateRoot) {
    public ChainHead {
        Objects.requireNonNull(blockHash, "blockHash");
        Objects.requireNonNull(stateRoot, "stateRoot");
        if (height < 0) {
            throw new IllegalArgumentException("height must not be negative");
        }
    }

    public static ChainHead of(BlockHeader header) {
        return new ChainHead(header.height(), header.hash(), header.timestampMillis(), header.stateRoot());
    }
}
