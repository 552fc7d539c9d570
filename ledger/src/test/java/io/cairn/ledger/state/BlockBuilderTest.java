package io.cairn.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.crypto.Hash;
import io.cairn.crypto.KeyPair;
import io.cairn.crypto.MerkleTree;
import io.cairn.ledger.Block;
import io.cairn.ledger.ChainHead;
import io.cairn.ledger.ConsensusParams;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.Operation.Put;
import io.cairn.ledger.Operation.Transfer;
import io.cairn.ledger.Outcome;
import io.cairn.ledger.ProtocolLimits;
import io.cairn.ledger.Receipt;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.codec.BlockCodec;
import io.cairn.ledger.state.Rejection.Reason;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The proposer's side: include what may enter the block, report what may not, stay in the limits. */
class BlockBuilderTest {
    private static final KeyPair ALICE = TestKeys.account(0);
    private static final KeyPair BOB = TestKeys.account(1);
    private static final KeyPair CAROL = TestKeys.account(2);
    private static final KeyPair ADMIN = TestKeys.admin();
    private static final int TRANSFER_BYTES = Transaction.sign(TestGenesis.CHAIN_ID, ALICE, 0,
            new Transfer(BOB.publicKey(), 1)).encodedSize();

    @Test
    void leavesOutAndReportsUnfitCandidatesAndIncludesTheRest() throws Exception {
        try (StateFixture ledger = new StateFixture(TestGenesis.of(4, 3))) {
            Transaction first = ledger.sign(ALICE, new Transfer(BOB.publicKey(), 1));
            Transaction wrongChain = Transaction.sign("other-chain", BOB, 0, new Transfer(ALICE.publicKey(), 1));
            Transaction badSignature = new Transaction(TestGenesis.CHAIN_ID, BOB.publicKey(), 0,
                    new Transfer(ALICE.publicKey(), 2), first.signature());
            Transaction stranger = ledger.sign(TestKeys.stranger(), new Transfer(ALICE.publicKey(), 1));
            Transaction notPermitted = ledger.sign(ADMIN, new Transfer(ALICE.publicKey(), 1));
            Transaction gap = ledger.sign(BOB, 1, new Transfer(ALICE.publicKey(), 1));
            Transaction replay = first;
            Transaction willFail = ledger.sign(BOB, new Transfer(ALICE.publicKey(), TestGenesis.INITIAL_BALANCE * 9));
            Transaction last = ledger.sign(CAROL, new Put(new byte[] {1}, new byte[] {2}));

            ProposedBlock proposed = ledger.build(List.of(first, wrongChain, badSignature, stranger, notPermitted,
                    gap, replay, willFail, last));

            assertThat(proposed.block().transactions()).containsExactly(first, willFail, last);
            assertThat(proposed.execution().receipts()).extracting(Receipt::outcome)
                    .containsExactly(Outcome.SUCCESS, Outcome.INSUFFICIENT_BALANCE, Outcome.SUCCESS);
            assertThat(proposed.refused()).extracting(ProposedBlock.Refused::transaction)
                    .containsExactly(wrongChain, badSignature, stranger, notPermitted, gap, replay);
            assertThat(proposed.refused()).extracting(refused -> refused.rejection().reason()).containsExactly(
                    Reason.WRONG_CHAIN, Reason.BAD_SIGNATURE, Reason.UNKNOWN_SENDER, Reason.NOT_PERMITTED,
                    Reason.NONCE_TOO_HIGH, Reason.NONCE_TOO_LOW);
            ledger.commit(proposed);
            assertThat(ledger.store.head().height()).isEqualTo(1);
        }
    }

    @Test
    void stopsAtTheGenesisTransactionLimit() throws Exception {
        Genesis genesis = TestGenesis.of(4, 4, new ConsensusParams(2, 1 << 20, ProtocolLimits.TRANSACTION_MAX_BYTES, 1_000));
        try (StateFixture ledger = new StateFixture(genesis)) {
            Transaction a = ledger.sign(ALICE, new Transfer(BOB.publicKey(), 1));
            Transaction b = ledger.sign(BOB, new Transfer(ALICE.publicKey(), 1));
            Transaction c = ledger.sign(CAROL, new Transfer(ALICE.publicKey(), 1));
            Transaction unfit = ledger.sign(TestKeys.stranger(), new Transfer(ALICE.publicKey(), 1));

            ProposedBlock proposed = ledger.build(List.of(a, b, c, unfit));

            assertThat(proposed.block().transactions()).containsExactly(a, b);
            assertThat(proposed.refused()).isEmpty(); // the rest were not looked at
            ledger.commit(proposed);
        }
    }

    @Test
    void skipsWhatDoesNotFitTheByteLimitAndFillsUpWithSmallerOnes() throws Exception {
        int limit = BlockCodec.HEADER_BYTES + 3 * TRANSFER_BYTES;
        try (StateFixture ledger = new StateFixture(byteLimited(limit))) {
            Transaction a = ledger.sign(ALICE, new Transfer(BOB.publicKey(), 1));
            Transaction b = ledger.sign(BOB, new Transfer(ALICE.publicKey(), 1));
            Transaction large = largePut(ledger);
            Transaction c = ledger.sign(TestKeys.account(3), new Transfer(ALICE.publicKey(), 1));
            Transaction d = ledger.sign(TestKeys.account(4), new Transfer(ALICE.publicKey(), 1));

            ProposedBlock proposed = ledger.build(List.of(a, b, large, c, d));

            assertThat(proposed.block().transactions()).containsExactly(a, b, c);
            assertThat(proposed.refused()).isEmpty(); // not fitting is no reason to drop them
            assertThat(proposed.block().encode()).hasSize(limit);
            ledger.commit(proposed);
        }
    }

    @Test
    void laterTransactionOfASenderWhoseTransactionDidNotFitIsNotRefused() throws Exception {
        int limit = BlockCodec.HEADER_BYTES + 3 * TRANSFER_BYTES;
        try (StateFixture ledger = new StateFixture(byteLimited(limit))) {
            Transaction a = ledger.sign(ALICE, new Transfer(BOB.publicKey(), 1));
            Transaction b = ledger.sign(BOB, new Transfer(ALICE.publicKey(), 1));
            Transaction large = largePut(ledger);
            Transaction carolNext = ledger.sign(CAROL, 1, new Transfer(ALICE.publicKey(), 1));

            ProposedBlock proposed = ledger.build(List.of(a, b, large, carolNext));

            // carolNext is fine once large is in; dropping it from the mempool would lose it
            assertThat(proposed.block().transactions()).containsExactly(a, b);
            assertThat(proposed.refused()).isEmpty();
        }
    }

    @Test
    void timestampIsNowButAlwaysAfterTheParent() throws Exception {
        try (StateFixture ledger = new StateFixture(TestGenesis.of(4, 2))) {
            long parent = ledger.store.head().timestampMillis();
            assertThat(timestampBuiltAt(ledger, parent + 5_000)).isEqualTo(parent + 5_000);
            assertThat(timestampBuiltAt(ledger, parent + 1)).isEqualTo(parent + 1);
            assertThat(timestampBuiltAt(ledger, parent)).isEqualTo(parent + 1);
            assertThat(timestampBuiltAt(ledger, parent - 60_000)).isEqualTo(parent + 1);
        }
    }

    @Test
    void noCandidatesGiveAnEmptyBlockThatVerifies() throws Exception {
        try (StateFixture ledger = new StateFixture(TestGenesis.of(4, 2))) {
            ChainHead parent = ledger.store.head();
            ProposedBlock proposed = ledger.build(List.of());

            Block block = proposed.block();
            assertThat(block.transactions()).isEmpty();
            assertThat(block.header().transactionsRoot()).isEqualTo(MerkleTree.root(List.of()));
            assertThat(block.header().parentHash()).isEqualTo(parent.blockHash());
            assertThat(proposed.execution().changes().size()).isZero();
            ledger.commit(proposed);
            assertThat(ledger.store.head().height()).isEqualTo(1);
            assertThat(ledger.store.head().stateRoot()).isNotEqualTo(parent.stateRoot());
        }
    }

    @Test
    void checksEachSignatureOncePerBuild() throws Exception {
        try (StateFixture ledger = new StateFixture(TestGenesis.of(4, 3))) {
            Transaction a = ledger.sign(ALICE, new Transfer(BOB.publicKey(), 1));
            Transaction b = ledger.sign(BOB, new Transfer(ALICE.publicKey(), 1));
            Transaction gap = ledger.sign(CAROL, 4, new Transfer(ALICE.publicKey(), 1));
            Transaction forged = new Transaction(TestGenesis.CHAIN_ID, CAROL.publicKey(), 0,
                    new Transfer(ALICE.publicKey(), 1), a.signature());
            Transaction wrongChain = Transaction.sign("other-chain", CAROL, 0, new Transfer(ALICE.publicKey(), 1));
            Map<Hash, Integer> calls = new HashMap<>();
            SignatureVerifier counting = (hash, tx) -> {
                assertThat(hash).isEqualTo(tx.hash());
                calls.merge(hash, 1, Integer::sum);
                return tx.hasValidSignature();
            };

            ProposedBlock proposed = new BlockBuilder(ledger.genesis).build(ledger.store.head(), ledger.store,
                    0, TestKeys.validator(1).publicKey(), 3, List.of(a, b, gap, forged, wrongChain), counting);

            assertThat(calls).containsOnly(Map.entry(a.hash(), 1), Map.entry(b.hash(), 1), Map.entry(gap.hash(), 1),
                    Map.entry(forged.hash(), 1)); // the wrong-chain one fails before any signature check
            assertThat(proposed.block().transactions()).containsExactly(a, b);
            assertThat(proposed.block().header().view()).isEqualTo(3);
            assertThat(proposed.block().header().proposer()).isEqualTo(TestKeys.validator(1).publicKey());
        }
    }

    /** Under the transaction limit, but larger than a transfer. */
    private static Transaction largePut(StateFixture ledger) {
        Transaction large = ledger.sign(CAROL, new Put(new byte[] {1}, new byte[100]));
        assertThat(large.encodedSize()).isBetween(TRANSFER_BYTES + 1, ledger.genesis.consensus().maxTransactionBytes());
        return large;
    }

    private static long timestampBuiltAt(StateFixture ledger, long now) {
        return new BlockBuilder(ledger.genesis).build(ledger.store.head(), ledger.store, now,
                TestKeys.validator(0).publicKey(), 0, List.of(), SignatureVerifier.ALWAYS).block().header().timestampMillis();
    }

    private static Genesis byteLimited(int maxBlockBytes) {
        return TestGenesis.of(4, 5, new ConsensusParams(100, maxBlockBytes, ConsensusParams.MIN_TRANSACTION_BYTES, 1_000));
    }
}
