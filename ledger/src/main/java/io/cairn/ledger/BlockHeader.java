package io.cairn.ledger;

import io.cairn.crypto.Hash;
import io.cairn.crypto.PublicKey;
import io.cairn.ledger.codec.BlockCodec;
import io.cairn.crypto.encoding.DecodeException;
import java.util.Objects;

/**
 * A block's header; the block hash is SHA-256 of its encoding. {@code transactionsRoot} is the
 * Merkle root of the transaction hashes, {@code stateRoot} the state after this block's
 * transactions (see {@code StateRoot}), {@code timestampMillis} milliseconds since the epoch.
 */
public record BlockHeader(
        long height,
        Hash parentHash,
        long timestampMillis,
        PublicKey proposer,
        long view,
        Hash transactionsRoot,
        Hash stateRoot,
        int transactionCount) {

    public BlockHeader {
        Objects.requireNonNull(parentHash, "parentHash");
        Objects.requireNonNull(proposer, "proposer");
        Objects.requireNonNull(transactionsRoot, "transactionsRoot");
        Objects.requireNonNull(stateRoot, "stateRoot");
        if (height < 1) {
            throw new IllegalArgumentException("block height starts at 1, got " + height);
        }
        if (timestampMillis < 0 || view < 0) {
            throw new IllegalArgumentException("timestamp and view must not be negative");
        }
        if (transactionCount < 0 || transactionCount > ProtocolLimits.BLOCK_MAX_TRANSACTIONS) {
            throw new IllegalArgumentException("transaction count out of range: " + transactionCount);
        }
    }

    public static BlockHeader decode(byte[] encoded) throws DecodeException {
        return BlockCodec.decodeHeader(encoded);
    }

    public byte[] encode() {
        return BlockCodec.encodeHeader(this);
    }

    public Hash hash() {
        return Hash.of(encode());
    }
}
