package io.cairn.ledger.testing;

import io.cairn.crypto.KeyPair;
import io.cairn.crypto.PublicKey;
import io.cairn.ledger.Block;
import io.cairn.ledger.ChainHead;
import io.cairn.ledger.CommitCertificate;
import io.cairn.ledger.CommitCertificate.ValidatorSignature;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.state.BlockBuilder;
import io.cairn.ledger.state.ProposedBlock;
import io.cairn.ledger.state.SignatureVerifier;
import io.cairn.ledger.state.WorldState;
import io.cairn.ledger.store.LedgerStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A deterministic chain for tests: from the same genesis, seed and state, the same blocks.
 * Blocks hold random transfers and puts between the genesis accounts, with correct nonces.
 */
public final class TestChain {
    private final Genesis genesis;
    private final int accounts;
    private final Random random;
    private final BlockBuilder builder;

    public TestChain(Genesis genesis, long seed) {
        this.genesis = genesis;
        this.accounts = genesis.accounts().size();
        this.random = new Random(seed);
        this.builder = new BlockBuilder(genesis);
    }

    public Genesis genesis() {
        return genesis;
    }

    /** A block of {@code transactions} random transactions on top of {@code head} and {@code state}. */
    public ProposedBlock nextBlock(ChainHead head, WorldState state, int transactions) {
        Map<PublicKey, Long> nonces = new HashMap<>();
        List<Transaction> candidates = new ArrayList<>(transactions);
        for (int i = 0; i < transactions; i++) {
            KeyPair sender = TestKeys.account(random.nextInt(accounts));
            long nonce = nonces.computeIfAbsent(sender.publicKey(),
                    key -> state.account(key).orElseThrow().nonce());
            nonces.put(sender.publicKey(), nonce + 1);
            candidates.add(Transaction.sign(genesis.chainId(), sender, nonce, randomOperation()));
        }
        PublicKey proposer = genesis.validators().get((int) (head.height() % genesis.validators().size())).publicKey();
        return builder.build(head, state, head.timestampMillis() + 1_000, proposer, 0, candidates,
                SignatureVerifier.ALWAYS);
    }

    /** Builds the next block on {@code store} and commits it with a certificate. */
    public ProposedBlock commitNext(LedgerStore store, int transactions) {
        ProposedBlock proposed = nextBlock(store.head(), store, transactions);
        store.commit(proposed.block(), certify(proposed.block()), proposed.execution());
        return proposed;
    }

    /**
     * A certificate signed by a quorum of the test validators. Consensus owns the real COMMIT
     * sign-bytes; here the validators sign the block hash, which is all storage needs.
     */
    public CommitCertificate certify(Block block) {
        int n = genesis.validators().size();
        int quorum = 2 * ((n - 1) / 3) + 1;
        List<ValidatorSignature> signatures = new ArrayList<>();
        for (int i = 0; i < quorum; i++) {
            signatures.add(new ValidatorSignature(i, TestKeys.validator(i).sign(block.hash().toByteArray())));
        }
        return new CommitCertificate(block.height(), block.header().view(), block.hash(), signatures);
    }

    /** A random transfer (to another genesis account) or put, as the workload mixes them. */
    private Operation randomOperation() {
        if (random.nextInt(4) == 0) {
            byte[] key = new byte[1 + random.nextInt(16)];
            byte[] value = new byte[random.nextInt(64)];
            random.nextBytes(key);
            random.nextBytes(value);
            return new Operation.Put(key, value);
        }
        return new Operation.Transfer(TestKeys.account(random.nextInt(accounts)).publicKey(), 1 + random.nextInt(1_000));
    }

}
