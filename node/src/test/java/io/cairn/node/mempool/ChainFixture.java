package io.cairn.node.mempool;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.crypto.Hash;
import io.cairn.crypto.KeyPair;
import io.cairn.ledger.ConsensusParams;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.codec.BlockCodec;
import io.cairn.ledger.state.BlockBuilder;
import io.cairn.ledger.state.ProposedBlock;
import io.cairn.ledger.store.InMemoryKeyValueStore;
import io.cairn.ledger.store.LedgerStore;
import io.cairn.ledger.store.StoreCorruptedException;
import io.cairn.ledger.testing.TestChain;
import io.cairn.ledger.testing.TestKeys;
import java.util.ArrayList;
import java.util.List;

/**
 * A mempool beside a ledger in memory, driven as the node drives it: propose from the candidates,
 * commit with a certificate, then tell the mempool what the block included and what it refused.
 */
final class ChainFixture implements AutoCloseable {
    final Genesis genesis;
    final LedgerStore store;
    final CountingVerifier verifications = new CountingVerifier();
    final Mempool mempool;
    private final BlockBuilder builder;
    private final TestChain certifier;

    ChainFixture(Genesis genesis, MempoolLimits limits) {
        this.genesis = genesis;
        try {
            this.store = LedgerStore.open(new InMemoryKeyValueStore(), genesis);
        } catch (StoreCorruptedException e) {
            throw new AssertionError("an empty in-memory store always opens", e);
        }
        this.mempool = new Mempool(genesis, limits, verifications);
        this.builder = new BlockBuilder(genesis);
        this.certifier = new TestChain(genesis, 0);
    }

    Admission add(Transaction tx) {
        return mempool.add(tx, store);
    }

    void admit(Transaction... transactions) {
        for (Transaction tx : transactions) {
            assertThat(add(tx)).as("admission of %s", tx).isEqualTo(new Admission.Admitted(tx.hash()));
        }
    }

    long nonce(KeyPair key) {
        return store.account(key.publicKey()).orElseThrow().nonce();
    }

    /** The block this node would propose now: the mempool's candidates within the genesis limits. */
    ProposedBlock propose() {
        ConsensusParams params = genesis.consensus();
        return propose(mempool.candidates(store, params.maxBlockTransactions(),
                params.maxBlockBytes() - BlockCodec.HEADER_BYTES));
    }

    /** A block of exactly these candidates, as another validator might propose, with the mempool's verifier. */
    ProposedBlock propose(List<Transaction> candidates) {
        return builder.build(store.head(), store, store.head().timestampMillis() + 1_000,
                TestKeys.validator(0).publicKey(), 0, candidates, mempool.signatures());
    }

    /** Commits the block to the ledger, then reports it to the mempool, as the node does. */
    ProposedBlock commit(ProposedBlock proposed) {
        commitToLedgerOnly(proposed);
        mempool.committed(proposed.block().transactions(), store);
        List<Hash> refused = new ArrayList<>();
        for (ProposedBlock.Refused refusal : proposed.refused()) {
            refused.add(refusal.transaction().hash());
        }
        mempool.remove(refused);
        return proposed;
    }

    /** The first half of a commit: the ledger has the block, the mempool has not heard of it yet. */
    void commitToLedgerOnly(ProposedBlock proposed) {
        store.commit(proposed.block(), certifier.certify(proposed.block()), proposed.execution());
    }

    /** Commits a block of exactly {@code transactions}, none of which may be refused. */
    ProposedBlock commitBlockOf(Transaction... transactions) {
        ProposedBlock proposed = propose(List.of(transactions));
        assertThat(proposed.refused()).as("refused by the builder").isEmpty();
        return commit(proposed);
    }

    @Override
    public void close() {
        store.close();
    }
}
