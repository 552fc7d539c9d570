package io.cairn.ledger.state;

import io.cairn.crypto.Hash;
import io.cairn.crypto.MerkleTree;
import io.cairn.ledger.Block;
import io.cairn.ledger.BlockHeader;
import io.cairn.ledger.ChainHead;
import io.cairn.ledger.ConsensusParams;
import io.cairn.ledger.Genesis;
import java.util.List;

/**
 * What a backup checks before it votes for a block: that it extends {@code parent}, stays in
 * the genesis limits, commits to its transactions, and that executing them gives the state root
 * it claims. Whether the proposer was the primary of the view is for consensus to check.
 */
public final class BlockVerifier {
    private final Genesis genesis;
    private final BlockExecutor executor;

    public BlockVerifier(Genesis genesis) {
        this.genesis = genesis;
        this.executor = new BlockExecutor(genesis);
    }

    public ExecutionResult verify(ChainHead parent, WorldState state, Block block, SignatureVerifier signatures)
            throws InvalidBlockException {
        BlockHeader header = block.header();
        ConsensusParams params = genesis.consensus();
        long height = parent.height() + 1;
        require(header.height() == height, "height is " + header.height() + ", expected " + height);
        require(header.parentHash().equals(parent.blockHash()),
                "parent hash " + header.parentHash() + " is not the head " + parent.blockHash());
        require(header.timestampMillis() > parent.timestampMillis(),
                "timestamp " + header.timestampMillis() + " is not after the parent's " + parent.timestampMillis());
        require(genesis.validatorIndex(header.proposer()).isPresent(),
                "proposer " + header.proposer() + " is not a validator");
        require(header.transactionCount() <= params.maxBlockTransactions(),
                header.transactionCount() + " transactions, the limit is " + params.maxBlockTransactions());
        int size = block.encode().length;
        require(size <= params.maxBlockBytes(), size + " bytes, the limit is " + params.maxBlockBytes());

        List<Hash> hashes = block.transactionHashes();
        Hash root = MerkleTree.root(hashes);
        require(root.equals(header.transactionsRoot()),
                "transactions root " + header.transactionsRoot() + " does not match the transactions (" + root + ")");
        ExecutionResult result = executor.execute(parent, state, block.transactions(), hashes, signatures);
        require(result.stateRoot().equals(header.stateRoot()),
                "state root " + header.stateRoot() + " does not match execution (" + result.stateRoot() + ")");
        return result;
    }

    private static void require(boolean condition, String problem) throws InvalidBlockException {
        if (!condition) {
            throw new InvalidBlockException("invalid block: " + problem);
        }
    }
}
