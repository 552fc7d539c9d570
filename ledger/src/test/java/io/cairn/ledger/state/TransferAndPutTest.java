package io.cairn.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.crypto.KeyPair;
import io.cairn.ledger.Account;
import io.cairn.ledger.Operation.Put;
import io.cairn.ledger.Operation.Transfer;
import io.cairn.ledger.Outcome;
import io.cairn.ledger.Permission;
import io.cairn.ledger.Receipt;
import io.cairn.ledger.codec.StateCodec;
import io.cairn.ledger.state.Rejection.Reason;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Applying transfers and puts through committed blocks: exactly their effect, and the nonce. */
class TransferAndPutTest {
    private static final KeyPair ALICE = TestKeys.account(0);
    private static final KeyPair BOB = TestKeys.account(1);
    private static final KeyPair CAROL = TestKeys.account(2);
    private static final byte[] KEY = bytes("invoice-17");

    private StateFixture ledger;

    @BeforeEach
    void open() throws Exception {
        ledger = new StateFixture(TestGenesis.of(1, 3));
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void transferMovesExactlyTheAmountAndAdvancesOnlyTheSendersNonce() throws Exception {
        Account alice = ledger.account(ALICE);
        Account bob = ledger.account(BOB);
        Account carol = ledger.account(CAROL);

        ExecutionResult result = ledger.commit(ledger.sign(ALICE, new Transfer(BOB.publicKey(), 123)));

        assertThat(result.receipts()).extracting(Receipt::outcome).containsExactly(Outcome.SUCCESS);
        assertThat(ledger.account(ALICE)).isEqualTo(new Account(alice.balance() - 123, 1, alice.permissions()));
        assertThat(ledger.account(BOB)).isEqualTo(new Account(bob.balance() + 123, 0, bob.permissions()));
        assertThat(ledger.account(CAROL)).isEqualTo(carol);
        assertThat(result.changes().writes().keySet()).containsExactlyInAnyOrder(
                StateCodec.accountKey(ALICE.publicKey()), StateCodec.accountKey(BOB.publicKey()));
    }

    @Test
    void transferOfTheWholeBalanceLeavesZero() throws Exception {
        long all = ledger.account(ALICE).balance();
        ledger.commit(ledger.sign(ALICE, new Transfer(BOB.publicKey(), all)));
        assertThat(ledger.account(ALICE).balance()).isZero();
        assertThat(ledger.account(BOB).balance()).isEqualTo(TestGenesis.INITIAL_BALANCE + all);
    }

    @Test
    void transferToSelfKeepsTheBalanceAndUsesTheNonce() throws Exception {
        Account alice = ledger.account(ALICE);
        ExecutionResult result = ledger.commit(ledger.sign(ALICE, new Transfer(ALICE.publicKey(), 77)));

        assertThat(result.receipts()).extracting(Receipt::outcome).containsExactly(Outcome.SUCCESS);
        assertThat(ledger.account(ALICE)).isEqualTo(new Account(alice.balance(), 1, alice.permissions()));
        assertThat(result.changes().writes().keySet()).containsExactly(StateCodec.accountKey(ALICE.publicKey()));
    }

    @Test
    void transferToSelfOfMoreThanTheBalanceFails() throws Exception {
        long balance = ledger.account(ALICE).balance();
        ExecutionResult result = ledger.commit(ledger.sign(ALICE, new Transfer(ALICE.publicKey(), balance + 1)));
        assertThat(result.receipts()).extracting(Receipt::outcome).containsExactly(Outcome.INSUFFICIENT_BALANCE);
        assertThat(ledger.account(ALICE).balance()).isEqualTo(balance);
    }

    @Test
    void transferToAnUnknownKeyCreatesAnAccountWithNoPermissions() throws Exception {
        KeyPair stranger = TestKeys.stranger();
        assertThat(ledger.store.account(stranger.publicKey())).isEmpty();

        ledger.commit(ledger.sign(ALICE, new Transfer(stranger.publicKey(), 500)));

        assertThat(ledger.store.account(stranger.publicKey())).contains(new Account(500, 0, Set.of()));
        // holding coins is not permission to move them
        ledger.assertRefused(ledger.sign(stranger, new Transfer(ALICE.publicKey(), 1)), Reason.NOT_PERMITTED,
                "'" + Permission.TRANSFER.jsonName() + "' permission");
    }

    @Test
    void putStoresTheValueUnderTheSendersNamespace() throws Exception {
        ledger.commit(ledger.sign(ALICE, new Put(KEY, bytes("paid"))));

        assertThat(ledger.store.data(ALICE.publicKey(), KEY)).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("paid")));
        assertThat(ledger.store.data(BOB.publicKey(), KEY)).isEmpty();
        assertThat(ledger.account(ALICE).nonce()).isEqualTo(1);
        assertThat(ledger.account(ALICE).balance()).isEqualTo(TestGenesis.INITIAL_BALANCE);
    }

    @Test
    void sameKeyFromAnotherSenderIsIndependent() throws Exception {
        ledger.commit(ledger.sign(ALICE, new Put(KEY, bytes("alice's"))));
        ledger.commit(ledger.sign(BOB, new Put(KEY, bytes("bob's"))));

        assertThat(ledger.store.data(ALICE.publicKey(), KEY)).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("alice's")));
        assertThat(ledger.store.data(BOB.publicKey(), KEY)).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("bob's")));
    }

    @Test
    void ownerOverwritesItsValue() throws Exception {
        ledger.commit(ledger.sign(ALICE, new Put(KEY, bytes("draft"))));
        ExecutionResult result = ledger.commit(ledger.sign(ALICE, new Put(KEY, bytes("final"))));

        assertThat(ledger.store.data(ALICE.publicKey(), KEY)).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("final")));
        assertThat(result.changes().writes().keySet()).containsExactlyInAnyOrder(
                StateCodec.accountKey(ALICE.publicKey()), StateCodec.dataKey(ALICE.publicKey(), KEY));
    }

    @Test
    void emptyValueIsStoredAndDiffersFromNoValue() throws Exception {
        ledger.commit(ledger.sign(ALICE, new Put(KEY, new byte[0])));
        assertThat(ledger.store.data(ALICE.publicKey(), KEY)).hasValueSatisfying(v -> assertThat(v).isEmpty());
        assertThat(ledger.store.data(ALICE.publicKey(), bytes("other"))).isEmpty();
    }

    @Test
    void laterTransactionsInABlockSeeTheEarlierOnes() throws Exception {
        // Carol can only pay Bob what Alice paid her first, in the same block.
        long carolBalance = ledger.account(CAROL).balance();
        ExecutionResult result = ledger.commit(
                ledger.sign(ALICE, new Transfer(CAROL.publicKey(), 1_000)),
                ledger.sign(CAROL, new Transfer(BOB.publicKey(), carolBalance + 1_000)));

        assertThat(result.receipts()).extracting(Receipt::outcome).containsExactly(Outcome.SUCCESS, Outcome.SUCCESS);
        assertThat(ledger.account(CAROL).balance()).isZero();
        assertThat(ledger.account(BOB).balance()).isEqualTo(TestGenesis.INITIAL_BALANCE + carolBalance + 1_000);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
