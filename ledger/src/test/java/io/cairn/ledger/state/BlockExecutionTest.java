package io.cairn.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.crypto.Hash;
import io.cairn.crypto.KeyPair;
import io.cairn.crypto.testing.RandomCases;
import io.cairn.ledger.ChainHead;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.Operation.Put;
import io.cairn.ledger.Operation.Transfer;
import io.cairn.ledger.Outcome;
import io.cairn.ledger.Receipt;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.testing.TestChain;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Executing a block is deterministic, order-sensitive, and chains the state root. */
class BlockExecutionTest {
    private static final Genesis GENESIS = TestGenesis.of(4, 10);
    private static final KeyPair ALICE = TestKeys.account(0);
    private static final KeyPair BOB = TestKeys.account(1);
    private static final KeyPair CAROL = TestKeys.account(2);

    @Test
    void builtBlockVerifiesWithTheSameExecution() throws Exception {
        try (StateFixture ledger = new StateFixture(GENESIS)) {
            ProposedBlock proposed = new TestChain(GENESIS, 7).nextBlock(ledger.store.head(), ledger.store, 40);
            ExecutionResult verified = new BlockVerifier(GENESIS)
                    .verify(ledger.store.head(), ledger.store, proposed.block(), SignatureVerifier.ALWAYS);

            assertThat(verified).isEqualTo(proposed.execution());
            assertThat(verified.height()).isEqualTo(1);
            assertThat(verified.stateRoot()).isEqualTo(proposed.block().header().stateRoot());
            assertThat(verified.receipts()).extracting(Receipt::transactionHash)
                    .containsExactlyElementsOf(proposed.block().transactionHashes());
            assertThat(verified.receipts()).extracting(Receipt::index).containsExactly(range(40));
        }
    }

    /** Two nodes that start from the same genesis and execute the same blocks agree on everything. */
    @Test
    void independentStoresExecutingTheSameBlocksAgree() {
        RandomCases.forAll("independent execution agrees", 30, random -> executeOnTwoStores(random.nextLong()));
    }

    private static void executeOnTwoStores(long seed) throws Exception {
        TestChain chain = new TestChain(GENESIS, seed);
        try (StateFixture proposer = new StateFixture(GENESIS); StateFixture backup = new StateFixture(GENESIS)) {
            for (int height = 1; height <= 3; height++) {
                ProposedBlock proposed = chain.nextBlock(proposer.store.head(), proposer.store, 25);
                ExecutionResult onBackup = new BlockVerifier(GENESIS)
                        .verify(backup.store.head(), backup.store, proposed.block(), SignatureVerifier.ALWAYS);
                assertThat(onBackup).as("height %d, seed %d", height, seed).isEqualTo(proposed.execution());
                proposer.commit(proposed);
                backup.commit(proposed);
            }
            assertThat(backup.store.head()).isEqualTo(proposer.store.head());
            assertThat(backup.snapshot()).isEqualTo(proposer.snapshot());
        }
    }

    @Test
    void orderOfDependentTransactionsChangesOutcomesAndRoot() throws Exception {
        try (StateFixture ledger = new StateFixture(GENESIS)) {
            // Alice can send more than her balance only after Bob has paid her.
            Transaction bobPays = ledger.sign(BOB, new Transfer(ALICE.publicKey(), 10));
            Transaction aliceSpends = ledger.sign(ALICE, new Transfer(CAROL.publicKey(), TestGenesis.INITIAL_BALANCE + 5));

            ExecutionResult paidFirst = execute(ledger, List.of(bobPays, aliceSpends));
            ExecutionResult spentFirst = execute(ledger, List.of(aliceSpends, bobPays));

            assertThat(paidFirst.receipts()).extracting(Receipt::outcome)
                    .containsExactly(Outcome.SUCCESS, Outcome.SUCCESS);
            assertThat(spentFirst.receipts()).extracting(Receipt::outcome)
                    .containsExactly(Outcome.INSUFFICIENT_BALANCE, Outcome.SUCCESS);
            assertThat(paidFirst.stateRoot()).isNotEqualTo(spentFirst.stateRoot());
        }
    }

    @Test
    void orderOfIndependentTransactionsDoesNotChangeTheRoot() throws Exception {
        try (StateFixture ledger = new StateFixture(GENESIS)) {
            Transaction put = ledger.sign(ALICE, new Put(new byte[] {1}, new byte[] {2}));
            Transaction transfer = ledger.sign(BOB, new Transfer(CAROL.publicKey(), 3));

            ExecutionResult one = execute(ledger, List.of(put, transfer));
            ExecutionResult other = execute(ledger, List.of(transfer, put));

            assertThat(other.changes()).isEqualTo(one.changes());
            assertThat(other.stateRoot()).isEqualTo(one.stateRoot());
            assertThat(other.receipts()).isNotEqualTo(one.receipts()); // the indexes differ
        }
    }

    @Test
    void stateRootChangesWithEveryBlock() throws Exception {
        try (StateFixture ledger = new StateFixture(GENESIS)) {
            TestChain chain = new TestChain(GENESIS, 3);
            Set<Hash> roots = new HashSet<>(List.of(ledger.store.head().stateRoot()));
            for (int i = 0; i < 6; i++) {
                ProposedBlock proposed = chain.nextBlock(ledger.store.head(), ledger.store, 5);
                ledger.commit(proposed);
                assertThat(roots.add(ledger.store.head().stateRoot())).as("new root at height %d", i + 1).isTrue();
            }
        }
    }

    @Test
    void rootDependsOnTheParentRootAndHeight() throws Exception {
        try (StateFixture ledger = new StateFixture(GENESIS)) {
            List<Transaction> txs = List.of(ledger.sign(ALICE, new Transfer(BOB.publicKey(), 1)));
            ChainHead head = ledger.store.head();
            ChainHead otherRoot = new ChainHead(head.height(), head.blockHash(), head.timestampMillis(),
                    Hash.of(new byte[] {1}));
            ChainHead otherHeight = new ChainHead(head.height() + 1, head.blockHash(), head.timestampMillis(),
                    head.stateRoot());

            ExecutionResult onHead = execute(ledger, head, txs);
            ExecutionResult onOtherRoot = execute(ledger, otherRoot, txs);
            ExecutionResult onOtherHeight = execute(ledger, otherHeight, txs);

            assertThat(onOtherRoot.changes()).isEqualTo(onHead.changes());
            assertThat(onOtherRoot.stateRoot()).isNotEqualTo(onHead.stateRoot());
            assertThat(onOtherHeight.changes()).isEqualTo(onHead.changes());
            assertThat(onOtherHeight.stateRoot()).isNotEqualTo(onHead.stateRoot());
        }
    }

    @Test
    void executingDoesNotWriteToTheStateItReads() throws Exception {
        try (StateFixture ledger = new StateFixture(GENESIS)) {
            var before = ledger.snapshot();
            ExecutionResult result = execute(ledger, List.of(ledger.sign(ALICE, new Transfer(BOB.publicKey(), 9))));
            assertThat(result.changes().size()).isEqualTo(2);
            assertThat(ledger.snapshot()).isEqualTo(before);
        }
    }

    private static ExecutionResult execute(StateFixture ledger, List<Transaction> txs) throws InvalidBlockException {
        return execute(ledger, ledger.store.head(), txs);
    }

    private static ExecutionResult execute(StateFixture ledger, ChainHead parent, List<Transaction> txs)
            throws InvalidBlockException {
        List<Hash> hashes = new ArrayList<>();
        txs.forEach(tx -> hashes.add(tx.hash()));
        return new BlockExecutor(ledger.genesis).execute(parent, ledger.store, txs, hashes, SignatureVerifier.ALWAYS);
    }

    private static Integer[] range(int n) {
        Integer[] values = new Integer[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        return values;
    }
}
