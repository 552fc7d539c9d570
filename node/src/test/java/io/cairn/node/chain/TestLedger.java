package io.cairn.node.chain;

import io.cairn.ledger.Block;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.state.ProposedBlock;
import io.cairn.ledger.store.InMemoryKeyValueStore;
import io.cairn.ledger.store.LedgerStore;
import io.cairn.ledger.store.StoreCorruptedException;
import io.cairn.ledger.testing.TestChain;

/**
 * A ledger in memory that grows by committed blocks of random, correctly signed transactions,
 * each stored with a real consensus certificate (mapped to the ledger form, as the node stores it).
 */
public final class TestLedger implements AutoCloseable {
    private final Genesis genesis;
    private final LedgerStore store;
    private final TestChain blocks;

    public TestLedger(Genesis genesis, long seed) {
        this.genesis = genesis;
        this.store = open(genesis);
        this.blocks = new TestChain(genesis, seed);
    }

    /** An empty store of {@code genesis} in memory. */
    public static LedgerStore open(Genesis genesis) {
        try {
            return LedgerStore.open(new InMemoryKeyValueStore(), genesis);
        } catch (StoreCorruptedException e) {
            throw new AssertionError("an empty in-memory store always opens", e);
        }
    }

    public Genesis genesis() {
        return genesis;
    }

    public LedgerStore store() {
        return store;
    }

    /** The next block on the head, with {@code transactions} random transactions, not committed. */
    public ProposedBlock next(int transactions) {
        return blocks.nextBlock(store.head(), store, transactions);
    }

    /** Commits the next block with a quorum's consensus certificate. */
    public Block commitNext(int transactions) {
        ProposedBlock proposed = next(transactions);
        Block block = proposed.block();
        store.commit(block, Certificates.toLedger(TestCertificates.quorum(genesis, block)), proposed.execution());
        return block;
    }

    public TestLedger commit(int count, int transactionsEach) {
        for (int i = 0; i < count; i++) {
            commitNext(transactionsEach);
        }
        return this;
    }

    @Override
    public void close() {
        store.close();
    }
}
