package io.cairn.ledger.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.crypto.KeyPair;
import io.cairn.crypto.PublicKey;
import io.cairn.ledger.Block;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Outcome;
import io.cairn.ledger.Permission;
import io.cairn.ledger.Receipt;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.state.BlockBuilder;
import io.cairn.ledger.state.ProposedBlock;
import io.cairn.ledger.state.SignatureVerifier;
import io.cairn.ledger.store.AccountTransaction.Cursor;
import io.cairn.ledger.testing.TestChain;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link LedgerStore#transactionsOf} on every backend: each committed transaction listed under
 * its sender and every account it names, once each, newest first, paged by cursor without gaps
 * or repeats, across a reopen.
 */
abstract class AccountHistoryContract {
    static final Genesis GENESIS = TestGenesis.of(4, 8);
    private static final KeyPair ADMIN = TestKeys.admin();
    private static final PublicKey STRANGER = TestKeys.stranger().publicKey();

    private StoreBackend backend;
    private TestChain chain;

    abstract StoreBackend backend();

    @BeforeEach
    void createBackend() {
        backend = backend();
        chain = new TestChain(GENESIS, 31);
    }

    @AfterEach
    void closeStores() {
        backend.closeAll();
    }

    /** Block 1: transfer, grant, self-transfer, put, a revoke that fails; block 2: a transfer. */
    private List<Block> commitScenario(LedgerStore store) {
        KeyPair zero = TestKeys.account(0);
        Block first = commit(store, List.of(
                Transaction.sign(GENESIS.chainId(), zero, 0, new Operation.Transfer(STRANGER, 10)),
                Transaction.sign(GENESIS.chainId(), ADMIN, 0, new Operation.Grant(STRANGER, Permission.PUT)),
                Transaction.sign(GENESIS.chainId(), zero, 1, new Operation.Transfer(zero.publicKey(), 5)),
                Transaction.sign(GENESIS.chainId(), TestKeys.account(1), 0, new Operation.Put(new byte[] {1}, new byte[] {2})),
                Transaction.sign(GENESIS.chainId(), ADMIN, 1, new Operation.Revoke(STRANGER, Permission.TRANSFER))));
        Block second = commit(store, List.of(
                Transaction.sign(GENESIS.chainId(), TestKeys.account(2), 0, new Operation.Transfer(STRANGER, 7))));
        return List.of(first, second);
    }

    /** Commits exactly {@code transactions} as the next block. */
    private Block commit(LedgerStore store, List<Transaction> transactions) {
        ProposedBlock proposed = new BlockBuilder(GENESIS).build(store.head(), store, store.head().timestampMillis() + 1,
                GENESIS.validators().get(0).publicKey(), 0, transactions, SignatureVerifier.ALWAYS);
        assertThat(proposed.block().transactions()).as("every transaction fits and is includable").isEqualTo(transactions);
        store.commit(proposed.block(), chain.certify(proposed.block()), proposed.execution());
        return proposed.block();
    }

    @Test
    void listsEachTransactionUnderEveryAccountItNamesOnceNewestFirst() throws Exception {
        try (LedgerStore store = LedgerStore.open(backend.open(), GENESIS)) {
            commitScenario(store);

            assertThat(places(store, STRANGER)).containsExactly("2:0", "1:4", "1:1", "1:0");
            // The transfer to itself is listed once.
            assertThat(places(store, TestKeys.account(0).publicKey())).containsExactly("1:2", "1:0");
            assertThat(places(store, ADMIN.publicKey())).containsExactly("1:4", "1:1");
            assertThat(places(store, TestKeys.account(1).publicKey())).containsExactly("1:3");
            assertThat(places(store, TestKeys.account(2).publicKey())).containsExactly("2:0");
            assertThat(places(store, TestKeys.account(3).publicKey())).isEmpty();
        }
    }

    @Test
    void eachEntryCarriesTheTransactionAndItsReceipt() throws Exception {
        try (LedgerStore store = LedgerStore.open(backend.open(), GENESIS)) {
            List<Block> blocks = commitScenario(store);

            List<AccountTransaction> history = store.transactionsOf(STRANGER, Optional.empty(), 10);
            for (AccountTransaction entry : history) {
                Transaction tx = blocks.get((int) entry.receipt().height() - 1).transactions().get(entry.receipt().index());
                assertThat(entry.transaction()).isEqualTo(tx);
                assertThat(entry.receipt()).isEqualTo(store.receipt(tx.hash()).orElseThrow());
                assertThat(entry.cursor()).isEqualTo(new Cursor(entry.receipt().height(), entry.receipt().index()));
            }
            // Revoking a permission the stranger never held is included, and fails.
            assertThat(history.get(1).receipt().outcome()).isEqualTo(Outcome.NOT_GRANTED);
            assertThat(history.get(2).receipt().outcome()).isEqualTo(Outcome.SUCCESS);
        }
    }

    @Test
    void pagesByCursorWithoutGapsOrRepeats() throws Exception {
        try (LedgerStore store = LedgerStore.open(backend.open(), GENESIS)) {
            for (int i = 0; i < 5; i++) {
                chain.commitNext(store, 30);
            }
            PublicKey account = TestKeys.account(3).publicKey();
            List<Receipt> all = receipts(store.transactionsOf(account, Optional.empty(), 1_000));
            assertThat(all).hasSizeGreaterThan(10).isEqualTo(expectedReceipts(store, account));

            for (int limit : new int[] {1, 3, 7, all.size(), all.size() + 1}) {
                List<Receipt> paged = new ArrayList<>();
                Optional<Cursor> before = Optional.empty();
                List<AccountTransaction> page;
                do {
                    page = store.transactionsOf(account, before, limit);
                    assertThat(page.size()).isLessThanOrEqualTo(limit);
                    paged.addAll(receipts(page));
                    before = page.isEmpty() ? before : Optional.of(page.get(page.size() - 1).cursor());
                } while (!page.isEmpty());
                assertThat(paged).as("pages of %d", limit).isEqualTo(all);
            }
        }
    }

    @Test
    void aCursorThatIsNotTheAccountsOwnGivesWhatIsStrictlyOlder() throws Exception {
        try (LedgerStore store = LedgerStore.open(backend.open(), GENESIS)) {
            commitScenario(store);

            // (1, 3) is account 1's put, which does not name the stranger; (1, 1) is the grant.
            assertThat(places(store, STRANGER, new Cursor(1, 3))).containsExactly("1:1", "1:0");
            assertThat(places(store, STRANGER, new Cursor(1, 1))).containsExactly("1:0");
            assertThat(places(store, STRANGER, new Cursor(1, 0))).isEmpty();
            assertThat(places(store, STRANGER, new Cursor(Long.MAX_VALUE, Integer.MAX_VALUE)))
                    .containsExactly("2:0", "1:4", "1:1", "1:0");
        }
    }

    @Test
    void keepsTheHistoryAcrossAReopenAndIndexesBlocksCommittedAfter() throws Exception {
        LedgerStore store = LedgerStore.open(backend.open(), GENESIS);
        commitScenario(store);
        store.close();

        try (LedgerStore reopened = LedgerStore.open(backend.open(), GENESIS)) {
            assertThat(places(reopened, STRANGER)).containsExactly("2:0", "1:4", "1:1", "1:0");
            commit(reopened, List.of(Transaction.sign(GENESIS.chainId(), TestKeys.account(4), 0,
                    new Operation.Transfer(STRANGER, 1))));
            assertThat(places(reopened, STRANGER)).containsExactly("3:0", "2:0", "1:4", "1:1", "1:0");
        }
    }

    @Test
    void refusesALimitBelowOne() throws Exception {
        try (LedgerStore store = LedgerStore.open(backend.open(), GENESIS)) {
            commitScenario(store);

            assertThatThrownBy(() -> store.transactionsOf(STRANGER, Optional.empty(), 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit must be at least 1, got 0");
            assertThat(places(store, STRANGER)).hasSize(4);
        }
    }

    @Test
    void anEntryThatDisagreesWithItsReceiptIsReportedAsDamage() throws Exception {
        KeyValueStore kv = backend.open();
        try (LedgerStore store = LedgerStore.open(kv, GENESIS)) {
            List<Block> blocks = commitScenario(store);
            // The stranger's newest entry now names the grant, whose receipt is at (1, 1).
            kv.write(new WriteBatch().put(StoreLayout.accountTransaction(STRANGER, 2, 0),
                    blocks.get(0).transactions().get(1).hash().toByteArray()), true);

            assertThatThrownBy(() -> store.transactionsOf(STRANGER, Optional.empty(), 10))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("account index entry of " + STRANGER + " at height 2 index 0 in " + kv.describe())
                    .hasMessageContaining("whose receipt is not at that place");
            kv.write(new WriteBatch().put(StoreLayout.accountTransaction(STRANGER, 2, 0), new byte[] {1, 2}), true);
            assertThatThrownBy(() -> store.transactionsOf(STRANGER, Optional.empty(), 10))
                    .isInstanceOf(StorageException.class).hasMessageContaining("wrong length");
            // Older pages do not touch the damaged entry.
            assertThat(places(store, STRANGER, new Cursor(2, 0))).containsExactly("1:4", "1:1", "1:0");
        }
    }

    private static List<String> places(LedgerStore store, PublicKey account) {
        return places(store.transactionsOf(account, Optional.empty(), 100));
    }

    private static List<String> places(LedgerStore store, PublicKey account, Cursor before) {
        return places(store.transactionsOf(account, Optional.of(before), 100));
    }

    private static List<String> places(List<AccountTransaction> entries) {
        return entries.stream().map(entry -> entry.receipt().height() + ":" + entry.receipt().index()).toList();
    }

    private static List<Receipt> receipts(List<AccountTransaction> entries) {
        return entries.stream().map(AccountTransaction::receipt).toList();
    }

    /** Every block read back and filtered: the receipts of transactions from or to {@code account}, newest first. */
    private static List<Receipt> expectedReceipts(LedgerStore store, PublicKey account) {
        List<Receipt> expected = new ArrayList<>();
        for (long height = store.head().height(); height >= 1; height--) {
            List<Transaction> transactions = store.block(height).orElseThrow().transactions();
            for (int i = transactions.size() - 1; i >= 0; i--) {
                Transaction tx = transactions.get(i);
                boolean recipient = tx.operation() instanceof Operation.Transfer transfer && transfer.to().equals(account);
                if (tx.sender().equals(account) || recipient) {
                    expected.add(store.receipt(tx.hash()).orElseThrow());
                }
            }
        }
        return expected;
    }
}
