package io.cairn.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.crypto.KeyPair;
import io.cairn.ledger.ConsensusParams;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.Operation.Grant;
import io.cairn.ledger.Operation.Put;
import io.cairn.ledger.Operation.Revoke;
import io.cairn.ledger.Operation.Transfer;
import io.cairn.ledger.Permission;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.state.Rejection.Reason;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link TransactionRules#check}: the refusals that make a transaction unfit for any block
 * (chain, size, signature, sender, permission, nonce). Each also shows check() writes nothing.
 */
class AdmissionCheckTest {
    private static final KeyPair ALICE = TestKeys.account(0);
    private static final KeyPair BOB = TestKeys.account(1);
    private static final KeyPair ADMIN = TestKeys.admin();

    private StateFixture ledger;

    private void open(Genesis genesis) throws Exception {
        ledger = new StateFixture(genesis);
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void acceptsEachKindWhenEverythingHolds() throws Exception {
        open(TestGenesis.of(1, 2));
        ledger.assertAccepted(ledger.sign(ALICE, new Transfer(BOB.publicKey(), 5)));
        ledger.assertAccepted(ledger.sign(ALICE, new Put(new byte[] {1}, new byte[] {2})));
        ledger.assertAccepted(ledger.sign(ADMIN, new Grant(BOB.publicKey(), Permission.ADMIN)));
        ledger.assertAccepted(ledger.sign(ADMIN, new Revoke(BOB.publicKey(), Permission.PUT)));
    }

    @Test
    void refusesTransactionForAnotherChain() throws Exception {
        open(TestGenesis.of(1, 2));
        Transaction tx = Transaction.sign("other-chain", ALICE, 0, new Transfer(BOB.publicKey(), 5));
        ledger.assertRefused(tx, Reason.WRONG_CHAIN, "for chain 'other-chain', this is '" + TestGenesis.CHAIN_ID + "'");
    }

    @Test
    void refusesTransactionOverTheGenesisSizeLimit() throws Exception {
        int limit = ConsensusParams.MIN_TRANSACTION_BYTES;
        open(TestGenesis.of(1, 2, new ConsensusParams(100, 10_000, limit, 1_000)));
        Transaction fits = ledger.sign(ALICE, new Put(new byte[] {1}, new byte[0]));
        int room = limit - fits.encodedSize();
        ledger.assertAccepted(ledger.sign(ALICE, new Put(new byte[] {1}, new byte[room])));

        Transaction tooLarge = ledger.sign(ALICE, new Put(new byte[] {1}, new byte[room + 1]));
        ledger.assertRefused(tooLarge, Reason.TOO_LARGE, "is " + (limit + 1) + " bytes, the limit is " + limit);
    }

    @Test
    void refusesSignatureOverDifferentBytes() throws Exception {
        open(TestGenesis.of(1, 2));
        Transaction signed = ledger.sign(ALICE, new Transfer(BOB.publicKey(), 5));
        Transaction altered = new Transaction(signed.chainId(), signed.sender(), signed.nonce(),
                new Transfer(BOB.publicKey(), 500), signed.signature());
        ledger.assertRefused(altered, Reason.BAD_SIGNATURE, "signature does not verify");
    }

    @Test
    void refusesSignatureMadeForAnotherChainThenRelabelled() throws Exception {
        open(TestGenesis.of(1, 2));
        Transaction other = Transaction.sign("other-chain", ALICE, 0, new Transfer(BOB.publicKey(), 5));
        Transaction relabelled = new Transaction(TestGenesis.CHAIN_ID, other.sender(), other.nonce(),
                other.operation(), other.signature());
        ledger.assertRefused(relabelled, Reason.BAD_SIGNATURE, "signature does not verify");
    }

    @Test
    void refusesSenderWithoutAccount() throws Exception {
        open(TestGenesis.of(1, 2));
        KeyPair stranger = TestKeys.stranger();
        ledger.assertRefused(ledger.sign(stranger, new Transfer(BOB.publicKey(), 1)), Reason.UNKNOWN_SENDER,
                "account " + stranger.publicKey() + " does not exist");
    }

    @Test
    void refusesTransferWithoutTransferPermission() throws Exception {
        open(TestGenesis.of(1, 2)); // the test admin holds only ADMIN
        ledger.assertRefused(ledger.sign(ADMIN, new Transfer(BOB.publicKey(), 1)), Reason.NOT_PERMITTED,
                "lacks the 'transfer' permission needed for a transfer");
    }

    @Test
    void refusesPutWithoutPutPermission() throws Exception {
        open(TestGenesis.of(1, 2));
        ledger.assertRefused(ledger.sign(ADMIN, new Put(new byte[] {1}, new byte[] {1})), Reason.NOT_PERMITTED,
                "lacks the 'put' permission needed for a put");
    }

    @Test
    void refusesGrantFromNonAdmin() throws Exception {
        open(TestGenesis.of(1, 2));
        ledger.assertRefused(ledger.sign(ALICE, new Grant(ALICE.publicKey(), Permission.ADMIN)), Reason.NOT_PERMITTED,
                "lacks the 'admin' permission needed for a grant");
    }

    @Test
    void refusesRevokeFromNonAdmin() throws Exception {
        open(TestGenesis.of(1, 2));
        ledger.assertRefused(ledger.sign(ALICE, new Revoke(BOB.publicKey(), Permission.TRANSFER)), Reason.NOT_PERMITTED,
                "lacks the 'admin' permission needed for a revoke");
    }

    @Test
    void refusesNonceAlreadyUsed() throws Exception {
        open(TestGenesis.of(1, 2));
        Transaction first = ledger.sign(ALICE, new Transfer(BOB.publicKey(), 1));
        ledger.commit(first, ledger.sign(ALICE, 1, new Transfer(BOB.publicKey(), 1)));
        ledger.assertRefused(first, Reason.NONCE_TOO_LOW, "nonce 0 is already used; the next nonce is 2");
        ledger.assertRefused(ledger.sign(ALICE, 1, new Transfer(BOB.publicKey(), 7)), Reason.NONCE_TOO_LOW,
                "nonce 1 is already used; the next nonce is 2");
    }

    @Test
    void refusesNonceAheadOfTheNext() throws Exception {
        open(TestGenesis.of(1, 2));
        ledger.assertRefused(ledger.sign(ALICE, 1, new Transfer(BOB.publicKey(), 1)), Reason.NONCE_TOO_HIGH,
                "nonce 1 is ahead; the next nonce is 0");
    }

    @Test
    void checksAgainstTheStateItIsGivenAndLeavesAnOverlayUnchanged() throws Exception {
        open(TestGenesis.of(1, 2));
        TransactionRules rules = new TransactionRules(ledger.genesis);
        StateOverlay pending = new StateOverlay(ledger.store);
        rules.apply(ledger.sign(ALICE, new Transfer(BOB.publicKey(), 1)), pending);
        int changesBefore = pending.changes().size();

        // nonce 1 is next only on the pending state, not on the committed one
        Transaction second = ledger.sign(ALICE, 1, new Transfer(BOB.publicKey(), 1));
        assertThat(rules.check(second, pending)).isEmpty();
        assertThat(rules.check(second, ledger.store)).map(Rejection::reason).contains(Reason.NONCE_TOO_HIGH);
        assertThat(pending.changes().size()).isEqualTo(changesBefore);
        assertThat(pending.account(ALICE.publicKey()).orElseThrow().nonce()).isEqualTo(1);
    }
}
