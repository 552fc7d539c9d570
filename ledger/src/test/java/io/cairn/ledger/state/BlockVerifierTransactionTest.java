package io.cairn.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.crypto.KeyPair;
import io.cairn.ledger.Block;
import io.cairn.ledger.ConsensusParams;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.Operation.Put;
import io.cairn.ledger.Operation.Transfer;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A block holding a transaction that may not enter a block is invalid as a whole. Each case puts
 * a good transaction first, so the message must name the bad one by its index and hash.
 */
class BlockVerifierTransactionTest {
    private static final KeyPair ALICE = TestKeys.account(0);
    private static final KeyPair BOB = TestKeys.account(1);
    private static final KeyPair ADMIN = TestKeys.admin();

    private StateFixture ledger;
    private Transaction good;

    @BeforeEach
    void open() throws Exception {
        open(TestGenesis.of(4, 2));
    }

    private void open(Genesis genesis) throws Exception {
        if (ledger != null) {
            ledger.close();
        }
        ledger = new StateFixture(genesis);
        good = ledger.sign(BOB, new Transfer(ALICE.publicKey(), 1));
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void refusesTransactionForAnotherChain() {
        Transaction bad = Transaction.sign("other-chain", ALICE, 0, new Transfer(BOB.publicKey(), 1));
        assertSecondRefused(bad, "wrong_chain: the transaction is for chain 'other-chain'");
    }

    @Test
    void refusesTransactionOverTheSizeLimit() throws Exception {
        open(TestGenesis.of(4, 2, new ConsensusParams(100, 100_000, ConsensusParams.MIN_TRANSACTION_BYTES, 1_000)));
        Transaction bad = ledger.sign(ALICE, new Put(new byte[] {1}, new byte[ConsensusParams.MIN_TRANSACTION_BYTES]));
        assertSecondRefused(bad, "too_large: the transaction is " + bad.encodedSize() + " bytes");
    }

    @Test
    void refusesBadSignature() {
        Transaction signed = ledger.sign(ALICE, new Transfer(BOB.publicKey(), 1));
        Transaction bad = new Transaction(signed.chainId(), signed.sender(), signed.nonce(),
                new Transfer(ADMIN.publicKey(), 1), signed.signature());
        assertSecondRefused(bad, "bad_signature");
    }

    @Test
    void refusesWhatTheGivenSignatureVerifierRejects() {
        // The node passes a verifier that remembers earlier checks; its answer is what counts.
        Transaction tx = ledger.sign(ALICE, new Transfer(BOB.publicKey(), 1));
        Block block = ledger.blockOf(List.of(good, tx));
        SortedMap<String, String> before = ledger.snapshot();
        assertThatThrownBy(() -> new BlockVerifier(ledger.genesis).verify(ledger.store.head(), ledger.store, block,
                (hash, t) -> !hash.equals(tx.hash())))
                .isInstanceOf(InvalidBlockException.class)
                .hasMessageContainingAll("transaction 1 (" + tx.hash() + ")", "bad_signature");
        assertThat(ledger.snapshot()).isEqualTo(before);
    }

    @Test
    void refusesUnknownSender() {
        Transaction bad = ledger.sign(TestKeys.stranger(), new Transfer(BOB.publicKey(), 1));
        assertSecondRefused(bad, "unknown_sender: account " + TestKeys.stranger().publicKey() + " does not exist");
    }

    @Test
    void refusesSenderWithoutThePermission() {
        Transaction bad = ledger.sign(ADMIN, new Transfer(BOB.publicKey(), 1));
        assertSecondRefused(bad, "not_permitted: the sender lacks the 'transfer' permission");
    }

    @Test
    void refusesNonceGap() {
        Transaction bad = ledger.sign(ALICE, 1, new Transfer(BOB.publicKey(), 1));
        assertSecondRefused(bad, "nonce_too_high: nonce 1 is ahead; the next nonce is 0");
    }

    @Test
    void refusesTheSameTransactionTwiceInOneBlock() {
        ledger.assertInvalid(ledger.blockOf(List.of(good, good)),
                "block 1, transaction 1 (" + good.hash() + ")", "nonce_too_low: nonce 0 is already used");
    }

    @Test
    void refusesTransactionCommittedInAnEarlierBlock() throws Exception {
        Transaction earlier = ledger.sign(ALICE, new Transfer(BOB.publicKey(), 1));
        ledger.commit(earlier);
        Transaction next = ledger.sign(BOB, new Transfer(ALICE.publicKey(), 1));
        ledger.assertInvalid(ledger.blockOf(List.of(next, earlier)),
                "block 2, transaction 1 (" + earlier.hash() + ")", "nonce_too_low: nonce 0 is already used");
    }

    @Test
    void refusesBadTransactionAtTheStartToo() {
        Transaction bad = ledger.sign(ALICE, 5, new Transfer(BOB.publicKey(), 1));
        ledger.assertInvalid(ledger.blockOf(List.of(bad, good)),
                "block 1, transaction 0 (" + bad.hash() + ")", "nonce_too_high");
    }

    private void assertSecondRefused(Transaction bad, String problem) {
        ledger.assertInvalid(ledger.blockOf(List.of(good, bad)), "block 1, transaction 1 (" + bad.hash() + ")", problem);
    }
}
