package io.cairn.ledger.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.crypto.Hash;
import io.cairn.crypto.Hex;
import io.cairn.crypto.PublicKey;
import io.cairn.ledger.Block;
import io.cairn.ledger.ChainHead;
import io.cairn.ledger.CommitCertificate;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.Receipt;
import io.cairn.crypto.encoding.DecodeException;
import io.cairn.ledger.codec.StateCodec;
import io.cairn.ledger.state.ExecutionResult;
import io.cairn.ledger.state.GenesisState;
import io.cairn.ledger.state.ProposedBlock;
import io.cairn.ledger.testing.TestChain;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every backend must give {@link LedgerStore}: committed blocks read back exactly, commits
 * that do not fit the head change nothing, a restart changes nothing, and a store that is not
 * this chain's, or is damaged, is refused, closed and left as it was.
 */
abstract class LedgerStoreContract {
    static final Genesis GENESIS = TestGenesis.of(4, 8);
    private StoreBackend backend;

    abstract StoreBackend backend();

    @BeforeEach
    void createBackend() {
        backend = backend();
    }

    @AfterEach
    void closeStores() {
        backend.closeAll();
    }

    @Test
    void opensAFreshStoreAtTheGenesisHeadWithTheGenesisAccounts() throws Exception {
        try (LedgerStore store = LedgerStore.open(backend.open(), GENESIS)) {
            assertThat(store.head()).isEqualTo(GenesisState.head(GENESIS));
            assertThat(store.genesis()).isEqualTo(GENESIS);
            GENESIS.initialAccounts().forEach((key, account) -> assertThat(store.account(key)).contains(account));
            assertThat(store.block(1)).isEmpty();
        }
    }

    @Test
    void readsBackEveryCommittedBlockCertificateAndReceipt() throws Exception {
        TestChain chain = new TestChain(GENESIS, 11);
        try (LedgerStore store = LedgerStore.open(backend.open(), GENESIS)) {
            List<ProposedBlock> committed = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                committed.add(chain.commitNext(store, 25));
            }

            assertThat(store.head()).isEqualTo(ChainHead.of(committed.get(3).block().header()));
            for (ProposedBlock proposed : committed) {
                Block block = proposed.block();
                assertThat(store.block(block.height())).contains(block);
                assertThat(store.header(block.height())).contains(block.header());
                assertThat(store.certificate(block.height())).contains(chain.certify(block));
                assertThat(store.heightOf(block.hash())).contains(block.height());
                for (Receipt receipt : proposed.execution().receipts()) {
                    assertThat(store.receipt(receipt.transactionHash())).contains(receipt);
                    assertThat(store.transaction(receipt.transactionHash()))
                            .contains(block.transactions().get(receipt.index()));
                }
            }
        }
    }

    @Test
    void readsBackEveryStateWriteAndHoldsNoOtherState() throws Exception {
        TestChain chain = new TestChain(GENESIS, 12);
        KeyValueStore kv = backend.open();
        try (LedgerStore store = LedgerStore.open(kv, GENESIS)) {
            SortedMap<byte[], byte[]> expected = new TreeMap<>(Arrays::compareUnsigned);
            expected.putAll(GenesisState.changes(GENESIS).writes());
            for (int i = 0; i < 4; i++) {
                expected.putAll(chain.commitNext(store, 40).execution().changes().writes());
            }

            int puts = 0;
            for (Map.Entry<byte[], byte[]> write : expected.entrySet()) {
                byte[] key = write.getKey();
                PublicKey owner = PublicKey.wrap(Arrays.copyOfRange(key, 1, 1 + PublicKey.SIZE));
                if (key[0] == StateCodec.ACCOUNT_KEY) {
                    assertThat(store.account(owner)).contains(StateCodec.decodeAccount(write.getValue()));
                } else {
                    puts++;
                    assertThat(store.data(owner, Arrays.copyOfRange(key, 1 + PublicKey.SIZE, key.length)))
                            .hasValueSatisfying(value -> assertThat(value).isEqualTo(write.getValue()));
                }
            }
            assertThat(puts).as("the chain anchored some values").isPositive();
            SortedMap<String, String> expectedDump = new TreeMap<>();
            expected.forEach((key, value) -> expectedDump.put(hex(StoreLayout.state(key)), hex(value)));
            assertThat(StoreDump.withPrefix(kv, StoreLayout.STATE)).isEqualTo(expectedDump);
        }
    }

    @Test
    void readsOfAbsentThingsAreEmpty() throws Exception {
        TestChain chain = new TestChain(GENESIS, 13);
        try (LedgerStore store = LedgerStore.open(backend.open(), GENESIS)) {
            chain.commitNext(store, 10);
            ProposedBlock uncommitted = chain.nextBlock(store.head(), store, 10);
            Hash unknown = uncommitted.block().transactions().get(0).hash();

            assertThat(store.block(2)).isEmpty();
            assertThat(store.header(2)).isEmpty();
            assertThat(store.certificate(2)).isEmpty();
            assertThat(store.block(0)).isEmpty();
            assertThat(store.heightOf(uncommitted.block().hash())).isEmpty();
            assertThat(store.receipt(unknown)).isEmpty();
            assertThat(store.transaction(unknown)).isEmpty();
            assertThat(store.account(TestKeys.stranger().publicKey())).isEmpty();
            assertThat(store.data(TestKeys.account(0).publicKey(), new byte[] {1, 2, 3})).isEmpty();
        }
    }

    @Test
    void wrapsAStoredValueThatNoLongerDecodesInAStorageException() throws Exception {
        TestChain chain = new TestChain(GENESIS, 18);
        KeyValueStore kv = backend.open();
        try (LedgerStore store = LedgerStore.open(kv, GENESIS)) {
            ProposedBlock first = chain.commitNext(store, 10);
            Hash transaction = first.block().transactions().get(0).hash();
            PublicKey account = TestKeys.account(0).publicKey();
            byte[] garbage = {9, 9, 9};
            kv.write(new WriteBatch().put(StoreLayout.byHeight(StoreLayout.BLOCK, 1), garbage)
                    .put(StoreLayout.byHeight(StoreLayout.CERTIFICATE, 1), garbage)
                    .put(StoreLayout.byHash(StoreLayout.TRANSACTION, transaction), garbage)
                    .put(StoreLayout.state(StateCodec.accountKey(account)), garbage), true);

            String in = " in " + kv.describe() + " is damaged";
            assertDamaged(() -> store.block(1), "stored block 1" + in);
            assertDamaged(() -> store.certificate(1), "stored certificate 1" + in);
            assertDamaged(() -> store.receipt(transaction), "stored transaction " + transaction + in);
            assertDamaged(() -> store.transaction(transaction), "stored transaction " + transaction + in);
            assertDamaged(() -> store.account(account), "stored account " + account + in);
            assertThat(store.header(1)).contains(first.block().header());
        }
    }

    @Test
    void refusesABlockThatDoesNotExtendTheHeadAndWritesNothing() throws Exception {
        TestChain chain = new TestChain(GENESIS, 14);
        KeyValueStore kv = backend.open();
        try (LedgerStore store = LedgerStore.open(kv, GENESIS)) {
            ProposedBlock first = chain.commitNext(store, 10);
            // A fork: another block 1, and a block 2 on it, built in memory.
            LedgerStore fork = LedgerStore.open(new InMemoryKeyValueStore(), GENESIS);
            TestChain forkChain = new TestChain(GENESIS, 99);
            forkChain.commitNext(fork, 10);
            ProposedBlock onTheFork = forkChain.nextBlock(fork.head(), fork, 10);
            forkChain.commitNext(fork, 10);
            ProposedBlock twoAhead = forkChain.nextBlock(fork.head(), fork, 10);

            assertRefused(store, kv, first, chain.certify(first.block()), "block 1 does not extend the head at height 1");
            assertRefused(store, kv, onTheFork, forkChain.certify(onTheFork.block()),
                    "block 2 does not extend the head at height 1");
            assertRefused(store, kv, twoAhead, forkChain.certify(twoAhead.block()),
                    "block 3 does not extend the head at height 1");
            chain.commitNext(store, 10);
            assertThat(store.head().height()).isEqualTo(2);
        }
    }

    @Test
    void refusesACertificateOrExecutionOfAnotherBlockAndWritesNothing() throws Exception {
        TestChain chain = new TestChain(GENESIS, 15);
        KeyValueStore kv = backend.open();
        try (LedgerStore store = LedgerStore.open(kv, GENESIS)) {
            ProposedBlock first = chain.commitNext(store, 10);
            ProposedBlock next = chain.nextBlock(store.head(), store, 10);
            ProposedBlock rival = new TestChain(GENESIS, 98).nextBlock(store.head(), store, 10);
            Block block = next.block();

            assertRefused(store, kv, block, chain.certify(rival.block()), next.execution(),
                    "the certificate is for another block");
            assertRefused(store, kv, block, chain.certify(first.block()), next.execution(),
                    "the certificate is for another block");
            assertRefused(store, kv, block, chain.certify(block), rival.execution(), "the execution result is not this block's");
            store.commit(block, chain.certify(block), next.execution());
            assertThat(store.head()).isEqualTo(ChainHead.of(block.header()));
        }
    }

    @Test
    void reopensWithTheSameHeadAndEntriesAndCommitsOn() throws Exception {
        TestChain chain = new TestChain(GENESIS, 16);
        KeyValueStore kv = backend.open();
        LedgerStore store = LedgerStore.open(kv, GENESIS);
        for (int i = 0; i < 3; i++) {
            chain.commitNext(store, 20);
        }
        ChainHead head = store.head();
        SortedMap<String, String> entries = StoreDump.all(kv);
        store.close();

        KeyValueStore reopenedKv = backend.open();
        try (LedgerStore reopened = LedgerStore.open(reopenedKv, GENESIS)) {
            assertThat(reopened.head()).isEqualTo(head);
            assertThat(StoreDump.differences(StoreDump.all(reopenedKv), entries)).isEmpty();
            ProposedBlock next = chain.commitNext(reopened, 20);
            assertThat(reopened.block(4)).contains(next.block());
        }
    }

    @Test
    void keepsTheLatestConsensusStateAcrossAReopenBesideTheChain() throws Exception {
        TestChain chain = new TestChain(GENESIS, 17);
        try (LedgerStore store = LedgerStore.open(backend.open(), GENESIS)) {
            assertThat(store.consensusState()).isEmpty();
            store.saveConsensusState(new byte[] {1, 2});
            chain.commitNext(store, 5);
            store.saveConsensusState(new byte[] {3});
        }
        try (LedgerStore reopened = LedgerStore.open(backend.open(), GENESIS)) {
            assertThat(reopened.consensusState()).hasValueSatisfying(state -> assertThat(state).containsExactly(3));
            assertThat(reopened.head().height()).isEqualTo(1);
        }
    }

    @Test
    void refusesTheStoreOfAnotherChain() throws Exception {
        LedgerStore.open(backend.open(), GENESIS).close();
        Genesis another = TestGenesis.of(4, 9);
        KeyValueStore kv = backend.open();
        SortedMap<String, String> before = StoreDump.all(kv);

        assertThatThrownBy(() -> LedgerStore.open(kv, another)).isInstanceOf(StoreCorruptedException.class)
                .hasMessageContaining("another chain").hasMessageContaining(GENESIS.hash().toString())
                .hasMessageContaining(another.hash().toString());
        assertClosedAndUnchanged(kv, before);
    }

    @Test
    void refusesAStoreHoldingForeignDataWithoutAGenesisMarker() throws Exception {
        KeyValueStore kv = backend.open();
        kv.write(new WriteBatch().put(new byte[] {'x'}, new byte[] {1}), true);
        SortedMap<String, String> before = StoreDump.all(kv);

        assertThatThrownBy(() -> LedgerStore.open(kv, GENESIS)).isInstanceOf(StoreCorruptedException.class)
                .hasMessageContaining(kv.describe()).hasMessageContaining("holds data but no genesis marker");
        assertClosedAndUnchanged(kv, before);
    }

    @ParameterizedTest
    @EnumSource(StoreDamage.class)
    void refusesADamagedStoreNamingTheProblem(StoreDamage damage) throws Exception {
        CommittedChain chain = CommittedChain.build(backend.open(), GENESIS, 17, 3, 5);
        KeyValueStore kv = backend.open();
        damage.apply(kv, chain);
        SortedMap<String, String> before = StoreDump.all(kv);

        assertThatThrownBy(() -> LedgerStore.open(kv, GENESIS)).isInstanceOf(StoreCorruptedException.class)
                .hasMessageContaining(kv.describe()).hasMessageContaining(damage.problem(chain));
        assertClosedAndUnchanged(kv, before);
    }

    private void assertRefused(LedgerStore store, KeyValueStore kv, ProposedBlock proposed, CommitCertificate certificate,
            String message) {
        assertRefused(store, kv, proposed.block(), certificate, proposed.execution(), message);
    }

    private void assertRefused(LedgerStore store, KeyValueStore kv, Block block, CommitCertificate certificate,
            ExecutionResult execution, String message) {
        ChainHead head = store.head();
        SortedMap<String, String> before = StoreDump.all(kv);
        assertThatThrownBy(() -> store.commit(block, certificate, execution))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
        assertThat(store.head()).isEqualTo(head);
        assertThat(StoreDump.all(kv)).isEqualTo(before);
    }

    private static void assertDamaged(ThrowingCallable read, String message) {
        assertThatThrownBy(read).isInstanceOf(StorageException.class).hasMessageContaining(message)
                .hasCauseInstanceOf(DecodeException.class);
    }

    private void assertClosedAndUnchanged(KeyValueStore kv, SortedMap<String, String> before) throws Exception {
        backend.assertClosed(kv);
        assertThat(StoreDump.all(backend.open())).isEqualTo(before);
    }

    private static String hex(byte[] bytes) {
        return Hex.encode(bytes);
    }
}
