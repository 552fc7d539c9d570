package io.cairn.node.mempool;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.crypto.KeyPair;
import io.cairn.crypto.PublicKey;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Operation.Put;
import io.cairn.ledger.Operation.Transfer;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import io.cairn.ledger.state.WorldState;
import java.util.List;
import java.util.function.Supplier;

/** A mempool on a hand-made committed state, with the test keys and short ways to sign. */
final class MempoolFixture {
    static final Genesis GENESIS = TestGenesis.of(1, 4);
    static final KeyPair ALICE = TestKeys.account(0);
    static final KeyPair BOB = TestKeys.account(1);
    static final KeyPair CAROL = TestKeys.account(2);
    static final KeyPair DAVE = TestKeys.account(3);
    static final KeyPair ADMIN = TestKeys.admin();
    static final int TRANSFER_BYTES = transfer(ALICE, 0, 1).encodedSize();

    final Genesis genesis;
    final AccountsState state;
    final CountingVerifier verifications = new CountingVerifier();
    final Mempool mempool;

    MempoolFixture() {
        this(MempoolLimits.defaults());
    }

    MempoolFixture(MempoolLimits limits) {
        this(GENESIS, limits);
    }

    MempoolFixture(Genesis genesis, MempoolLimits limits) {
        this.genesis = genesis;
        this.state = new AccountsState(genesis);
        this.mempool = new Mempool(genesis, limits, verifications);
    }

    static MempoolLimits limits(int maxTransactions, long maxBytes, int nonceWindow) {
        return new MempoolLimits(maxTransactions, maxBytes, nonceWindow, MempoolLimits.DEFAULT_SEEN_CAPACITY);
    }

    static Transaction sign(KeyPair sender, long nonce, Operation operation) {
        return Transaction.sign(TestGenesis.CHAIN_ID, sender, nonce, operation);
    }

    /** A transfer to Dave (or to Alice, when Dave sends). */
    static Transaction transfer(KeyPair sender, long nonce, long amount) {
        PublicKey to = sender.equals(DAVE) ? ALICE.publicKey() : DAVE.publicKey();
        return sign(sender, nonce, new Transfer(to, amount));
    }

    static Transaction put(KeyPair sender, long nonce, int valueBytes) {
        return sign(sender, nonce, new Put(new byte[] {(byte) nonce}, new byte[valueBytes]));
    }

    Admission add(Transaction tx) {
        return mempool.add(tx, state);
    }

    /** Adds each transaction and asserts it was admitted. */
    void admit(Transaction... transactions) {
        for (Transaction tx : transactions) {
            assertThat(add(tx)).as("admission of %s", tx).isEqualTo(new Admission.Admitted(tx.hash()));
        }
    }

    List<Transaction> candidates() {
        return candidates(state);
    }

    List<Transaction> candidates(WorldState committed) {
        return mempool.candidates(committed, Integer.MAX_VALUE, Long.MAX_VALUE);
    }

    /**
     * Runs {@code attempt}, asserts it is refused for {@code reason} with all of {@code messageParts},
     * and that the mempool is exactly as before apart from the refusal counter.
     */
    Admission.Refused assertRefused(Supplier<Admission> attempt, String reason, String... messageParts) {
        Snapshot before = snapshot();
        long refusedBefore = mempool.stats().refused().getOrDefault(reason, 0L);
        Admission admission = attempt.get();
        assertThat(admission).isInstanceOf(Admission.Refused.class);
        Admission.Refused refused = (Admission.Refused) admission;
        assertThat(refused.reason()).isEqualTo(reason);
        assertThat(refused.message()).contains(messageParts);
        assertThat(snapshot()).as("mempool after a refusal").isEqualTo(before);
        assertThat(mempool.stats().refused()).containsEntry(reason, refusedBefore + 1);
        return refused;
    }

    Snapshot snapshot() {
        return new Snapshot(mempool.size(), mempool.bytes(), mempool.pending(), candidates(),
                mempool.hasIncludable(state), mempool.stats().admitted());
    }

    /** Everything a refusal must leave unchanged. */
    record Snapshot(int size, long bytes, List<Transaction> pending, List<Transaction> candidates,
            boolean hasIncludable, long admitted) {}
}
