package io.cairn.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.crypto.Hash;
import io.cairn.crypto.Hex;
import io.cairn.crypto.KeyPair;
import io.cairn.crypto.MerkleTree;
import io.cairn.crypto.PublicKey;
import io.cairn.ledger.Account;
import io.cairn.ledger.Block;
import io.cairn.ledger.BlockHeader;
import io.cairn.ledger.ChainHead;
import io.cairn.ledger.ConsensusParams;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.GenesisAccount;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.store.InMemoryKeyValueStore;
import io.cairn.ledger.store.LedgerStore;
import io.cairn.ledger.testing.TestChain;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** A ledger in memory for state-transition tests: sign, build, verify and commit in a line each. */
final class StateFixture implements AutoCloseable {
    final Genesis genesis;
    final InMemoryKeyValueStore kv = new InMemoryKeyValueStore();
    final LedgerStore store;

    StateFixture(Genesis genesis) throws Exception {
        this.genesis = genesis;
        this.store = LedgerStore.open(kv, genesis);
    }

    /** The usual chain of these tests: one validator, two funded accounts and the test admin. */
    static StateFixture twoAccounts() {
        try {
            return new StateFixture(TestGenesis.of(1, 2));
        } catch (Exception e) {
            throw new AssertionError("an empty in-memory store always opens", e);
        }
    }

    /** {@code base} with other admins and accounts; chain id, validators and limits unchanged. */
    static Genesis withAccounts(Genesis base, List<PublicKey> admins, List<GenesisAccount> accounts) {
        return new Genesis(base.chainId(), base.genesisTimeMillis(), base.consensus(), base.validators(), admins,
                accounts);
    }

    /** {@code base} with other consensus limits; everything else unchanged. */
    static Genesis withParams(Genesis base, ConsensusParams params) {
        return new Genesis(base.chainId(), base.genesisTimeMillis(), params, base.validators(), base.admins(),
                base.accounts());
    }

    /** Signs {@code operation} for this chain with the sender's next nonce in the committed state. */
    Transaction sign(KeyPair sender, Operation operation) {
        return sign(sender, nonce(sender), operation);
    }

    Transaction sign(KeyPair sender, long nonce, Operation operation) {
        return Transaction.sign(genesis.chainId(), sender, nonce, operation);
    }

    long nonce(KeyPair key) {
        return store.account(key.publicKey()).map(Account::nonce).orElse(0L);
    }

    Account account(KeyPair key) {
        return store.account(key.publicKey()).orElseThrow();
    }

    /** The next block on the committed head with exactly these candidates, proposed by validator 0. */
    ProposedBlock build(List<Transaction> candidates) {
        return new BlockBuilder(genesis).build(store.head(), store, store.head().timestampMillis() + 1_000,
                TestKeys.validator(0).publicKey(), 0, candidates, SignatureVerifier.ALWAYS);
    }

    /** Builds, verifies and commits a block holding all of {@code transactions}; returns its execution. */
    ExecutionResult commit(Transaction... transactions) throws InvalidBlockException {
        ProposedBlock proposed = build(List.of(transactions));
        assertThat(proposed.refused()).as("refused candidates").isEmpty();
        assertThat(proposed.block().transactions()).containsExactly(transactions);
        return commit(proposed);
    }

    /** Verifies {@code proposed} on the committed head, then commits it; returns the verifier's execution. */
    ExecutionResult commit(ProposedBlock proposed) throws InvalidBlockException {
        ExecutionResult verified = new BlockVerifier(genesis)
                .verify(store.head(), store, proposed.block(), SignatureVerifier.ALWAYS);
        store.commit(proposed.block(), new TestChain(genesis, 0).certify(proposed.block()), verified);
        return verified;
    }

    /** Every key and value in the store, as hex: to show that something changed nothing. */
    SortedMap<String, String> snapshot() {
        SortedMap<String, String> entries = new TreeMap<>();
        kv.scan(new byte[0], (key, value) -> entries.put(Hex.encode(key), Hex.encode(value)));
        return entries;
    }

    /** A block with these transactions and a correct transactions root, on the committed head. */
    Block blockOf(List<Transaction> transactions) {
        List<Hash> hashes = new ArrayList<>();
        for (Transaction tx : transactions) {
            hashes.add(tx.hash());
        }
        BlockHeader header = new BlockHeader(store.head().height() + 1, store.head().blockHash(),
                store.head().timestampMillis() + 1, TestKeys.validator(0).publicKey(), 0, MerkleTree.root(hashes),
                store.head().stateRoot(), transactions.size());
        return new Block(header, transactions);
    }

    /** Asserts that check() admits {@code tx} and writes nothing. */
    void assertAccepted(Transaction tx) {
        SortedMap<String, String> before = snapshot();
        assertThat(new TransactionRules(genesis).check(tx, store)).as("rejection of %s", tx).isEmpty();
        assertThat(snapshot()).as("store after check").isEqualTo(before);
    }

    /** Asserts that check() refuses {@code tx} for {@code reason}, saying {@code messagePart}, and writes nothing. */
    void assertRefused(Transaction tx, Rejection.Reason reason, String messagePart) {
        SortedMap<String, String> before = snapshot();
        Optional<Rejection> rejection = new TransactionRules(genesis).check(tx, store);
        assertThat(rejection).as("rejection of %s", tx).map(Rejection::reason).contains(reason);
        assertThat(rejection.get().message()).contains(messagePart);
        assertThat(snapshot()).as("store after check").isEqualTo(before);
    }

    /** Asserts that the verifier refuses {@code block} on the committed head with all of {@code messageParts}. */
    void assertInvalid(Block block, String... messageParts) {
        SortedMap<String, String> before = snapshot();
        ChainHead head = store.head();
        assertThatThrownBy(() -> new BlockVerifier(genesis).verify(head, store, block, SignatureVerifier.ALWAYS))
                .isInstanceOf(InvalidBlockException.class)
                .hasMessageContainingAll(messageParts);
        assertThat(snapshot()).as("store after a refused block").isEqualTo(before);
        assertThat(store.head()).isEqualTo(head);
    }

    @Override
    public void close() {
        store.close();
    }

    /** A header to change one field of: copy, assign, {@link #toHeader()}. */
    static final class HeaderCopy {
        long height;
        Hash parentHash;
        long timestampMillis;
        PublicKey proposer;
        long view;
        Hash transactionsRoot;
        Hash stateRoot;
        int transactionCount;

        HeaderCopy(BlockHeader header) {
            height = header.height();
            parentHash = header.parentHash();
            timestampMillis = header.timestampMillis();
            proposer = header.proposer();
            view = header.view();
            transactionsRoot = header.transactionsRoot();
            stateRoot = header.stateRoot();
            transactionCount = header.transactionCount();
        }

        BlockHeader toHeader() {
            return new BlockHeader(height, parentHash, timestampMillis, proposer, view, transactionsRoot, stateRoot,
                    transactionCount);
        }
    }
}
