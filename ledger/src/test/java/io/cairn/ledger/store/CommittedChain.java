package io.cairn.ledger.store;

import io.cairn.ledger.Block;
import io.cairn.ledger.BlockHeader;
import io.cairn.ledger.CommitCertificate;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.state.ProposedBlock;
import io.cairn.ledger.testing.TestChain;
import java.util.ArrayList;
import java.util.List;

/**
 * A few blocks committed to a store, and the block that would come next: what the tests that
 * damage a store on purpose need to know to write believable wrong entries.
 */
record CommittedChain(TestChain chain, List<ProposedBlock> blocks, ProposedBlock next) {

    /** Commits {@code count} blocks of {@code transactions} each on {@code kv}, then closes it. */
    static CommittedChain build(KeyValueStore kv, Genesis genesis, long seed, int count, int transactions)
            throws StoreCorruptedException {
        TestChain chain = new TestChain(genesis, seed);
        List<ProposedBlock> blocks = new ArrayList<>();
        try (LedgerStore store = LedgerStore.open(kv, genesis)) {
            for (int i = 0; i < count; i++) {
                blocks.add(chain.commitNext(store, transactions));
            }
            return new CommittedChain(chain, List.copyOf(blocks), chain.nextBlock(store.head(), store, transactions));
        }
    }

    long height() {
        return blocks.size();
    }

    Block block(long height) {
        return blocks.get((int) height - 1).block();
    }

    BlockHeader header(long height) {
        return block(height).header();
    }

    CommitCertificate certificate(long height) {
        return chain.certify(block(height));
    }
}
