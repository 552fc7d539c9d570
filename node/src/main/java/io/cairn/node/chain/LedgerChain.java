package io.cairn.node.chain;

import io.cairn.consensus.Ready.Decision;
import io.cairn.consensus.types.Proposal;
import io.cairn.consensus.types.ProposalBuilder;
import io.cairn.consensus.types.ProposalValidator;
import io.cairn.crypto.Hash;
import io.cairn.crypto.MerkleTree;
import io.cairn.crypto.PublicKey;
import io.cairn.crypto.encoding.DecodeException;
import io.cairn.ledger.Block;
import io.cairn.ledger.ChainHead;
import io.cairn.ledger.ConsensusParams;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.state.BlockBuilder;
import io.cairn.ledger.state.BlockVerifier;
import io.cairn.ledger.state.ExecutionResult;
import io.cairn.ledger.state.InvalidBlockException;
import io.cairn.ledger.state.ProposedBlock;
import io.cairn.ledger.store.LedgerStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger as consensus sees it: builds the primary's block from the mempool, checks a backup's
 * block by executing it, and commits a decided block. A block's digest is its hash. Each block is
 * executed once: the result of building or checking it is kept until the head moves.
 */
public final class LedgerChain implements ProposalBuilder, ProposalValidator {
    private static final Logger log = LoggerFactory.getLogger(LedgerChain.class);

    private final LedgerStore store;
    private final PublicKey self;
    private final PendingTransactions pool;
    private final LongSupplier clock;
    private final boolean emptyBlocks;
    private final ConsensusParams params;
    private final BlockBuilder builder;
    private final BlockVerifier verifier;
    /** Blocks executed on the current head, by hash. */
    private final Map<Hash, Executed> executed = new HashMap<>();

    private record Executed(Block block, ExecutionResult execution) {}

    public LedgerChain(LedgerStore store, PublicKey self, PendingTransactions pool, LongSupplier clock,
            boolean emptyBlocks) {
        this.store = store;
        this.self = self;
        this.pool = pool;
        this.clock = clock;
        this.emptyBlocks = emptyBlocks;
        this.params = store.genesis().consensus();
        this.builder = new BlockBuilder(store.genesis());
        this.verifier = new BlockVerifier(store.genesis());
    }

    public LedgerStore store() {
        return store;
    }

    /** Whether the primary has something to propose: transactions that fit, or empty blocks by choice. */
    public boolean workPending() {
        return emptyBlocks || pool.hasIncludable(store);
    }

    @Override
    public Optional<Proposal> build(long height, long view) {
        ChainHead head = store.head();
        if (height != head.height() + 1) {
            return Optional.empty();
        }
        List<Transaction> candidates = pool.candidates(store, params.maxBlockTransactions(), params.maxBlockBytes());
        ProposedBlock proposed = builder.build(head, store, clock.getAsLong(), self, view, candidates, pool.signatures());
        if (!proposed.refused().isEmpty()) {
            pool.remove(proposed.refused().stream().map(refused -> refused.transaction().hash()).toList());
        }
        Block block = proposed.block();
        if (block.transactions().isEmpty() && !emptyBlocks) {
            return Optional.empty();
        }
        Hash hash = block.hash();
        executed.put(hash, new Executed(block, proposed.execution()));
        return Optional.of(new Proposal(block.encode(), hash));
    }

    @Override
    public Optional<Hash> validate(long height, long view, byte[] proposal) {
        ChainHead head = store.head();
        if (height != head.height() + 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(execute(Block.decode(proposal)).block().hash());
        } catch (DecodeException | InvalidBlockException e) {
            log.warn("Rejected the proposed block for height {} in view {}: {}", height, view, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The block hash, when the block's transactions are the ones its header names. The hash covers
     * the header only, so without that check other transactions under a certified header would pass
     * for the certified block, be decided through sync, and fail to apply.
     */
    @Override
    public Optional<Hash> digest(byte[] proposal) {
        try {
            Block block = Block.decode(proposal);
            if (!MerkleTree.root(block.transactionHashes()).equals(block.header().transactionsRoot())) {
                return Optional.empty();
            }
            return Optional.of(block.hash());
        } catch (DecodeException e) {
            return Optional.empty();
        }
    }

    /**
     * Commits a block consensus decided: executed already or now, then stored with its certificate
     * in one synced batch, and its transactions leave the mempool.
     *
     * @throws InvalidBlockException when a certified block does not execute on this node's chain:
     *     more than f validators are faulty, or this node's store is; it must not go on
     */
    public Block commit(Decision decision) throws InvalidBlockException {
        Block block;
        try {
            block = Block.decode(decision.proposal().bytes());
        } catch (DecodeException e) {
            throw new InvalidBlockException("the decided block at height " + decision.height() + " does not decode: "
                    + e.getMessage());
        }
        Executed done = execute(block);
        store.commit(block, Certificates.toLedger(decision.certificate()), done.execution());
        executed.clear();
        pool.committed(block.transactions(), store);
        return block;
    }

    private Executed execute(Block block) throws InvalidBlockException {
        Hash hash = block.hash();
        Executed done = executed.get(hash);
        if (done == null) {
            done = new Executed(block, verifier.verify(store.head(), store, block, pool.signatures()));
            executed.put(hash, done);
        }
        return done;
    }
}
