package io.cairn.ledger;

import io.cairn.ledger.codec.BlockCodec;

/**
 * Consensus parameters from genesis: the most transactions and bytes in one block, the largest
 * transaction accepted, and the base timeout after which backups ask for a new view.
 */
public record ConsensusParams(
        int maxBlockTransactions, int maxBlockBytes, int maxTransactionBytes, long viewChangeTimeoutMillis) {

    public static final int MIN_TRANSACTION_BYTES = 256;
    public static final ConsensusParams DEFAULTS =
            new ConsensusParams(2_000, 4 * 1024 * 1024, ProtocolLimits.TRANSACTION_MAX_BYTES, 2_000);

    public ConsensusParams {
        requireRange("maxBlockTransactions", maxBlockTransactions, 1, ProtocolLimits.BLOCK_MAX_TRANSACTIONS);
        requireRange("maxTransactionBytes", maxTransactionBytes, MIN_TRANSACTION_BYTES, ProtocolLimits.TRANSACTION_MAX_BYTES);
        requireRange("maxBlockBytes", maxBlockBytes, BlockCodec.HEADER_BYTES + maxTransactionBytes, ProtocolLimits.BLOCK_MAX_BYTES);
        requireRange("viewChangeTimeoutMillis", viewChangeTimeoutMillis, 100, 600_000);
    }

    private static void requireRange(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("consensus." + field + ": " + value + " is outside " + min + ".." + max);
        }
    }
}
