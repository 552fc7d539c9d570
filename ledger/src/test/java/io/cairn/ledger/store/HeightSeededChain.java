package io.cairn.ledger.store;

import io.cairn.ledger.Block;
import io.cairn.ledger.CommitCertificate;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.state.ProposedBlock;
import io.cairn.ledger.testing.TestChain;

/**
 * A {@link TestChain} whose every block depends only on the seed, its height and the state
 * below it, not on how many blocks this object built before: a chain that a crash interrupts
 * and a restart continues is exactly the chain a replay from genesis builds.
 */
final class HeightSeededChain {
    private final Genesis genesis;
    private final long seed;
    private final int transactions;

    HeightSeededChain(Genesis genesis, long seed, int transactions) {
        this.genesis = genesis;
        this.seed = seed;
        this.transactions = transactions;
    }

    /** The block the chain puts on {@code store}'s head. */
    ProposedBlock next(LedgerStore store) {
        return at(store.head().height() + 1).nextBlock(store.head(), store, transactions);
    }

    CommitCertificate certify(Block block) {
        return at(block.height()).certify(block);
    }

    ProposedBlock commitNext(LedgerStore store) {
        ProposedBlock next = next(store);
        commit(store, next);
        return next;
    }

    void commit(LedgerStore store, ProposedBlock proposed) {
        store.commit(proposed.block(), certify(proposed.block()), proposed.execution());
    }

    private TestChain at(long height) {
        return new TestChain(genesis, seed * 1_000_003 + height);
    }
}
