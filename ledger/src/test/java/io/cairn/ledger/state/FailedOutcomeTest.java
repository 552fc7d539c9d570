package io.cairn.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.crypto.KeyPair;
import io.cairn.ledger.Account;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Operation.Grant;
import io.cairn.ledger.Operation.Revoke;
import io.cairn.ledger.Operation.Transfer;
import io.cairn.ledger.Outcome;
import io.cairn.ledger.Permission;
import io.cairn.ledger.Receipt;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.codec.StateCodec;
import io.cairn.ledger.state.Rejection.Reason;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An included transaction that fails changes nothing but its sender's nonce, and that used
 * nonce is what stops the same transaction from being included again.
 */
class FailedOutcomeTest {
    private static final KeyPair ALICE = TestKeys.account(0);
    private static final KeyPair BOB = TestKeys.account(1);
    private static final KeyPair ADMIN = TestKeys.admin();

    @AutoClose
    private final StateFixture ledger = StateFixture.twoAccounts();

    static Stream<Arguments> failingTransactions() {
        return Stream.of(
                Arguments.of(ALICE, new Transfer(BOB.publicKey(), TestGenesis.INITIAL_BALANCE + 1),
                        Outcome.INSUFFICIENT_BALANCE),
                Arguments.of(ADMIN, new Grant(BOB.publicKey(), Permission.TRANSFER), Outcome.ALREADY_GRANTED),
                Arguments.of(ADMIN, new Revoke(BOB.publicKey(), Permission.ADMIN), Outcome.NOT_GRANTED),
                Arguments.of(ADMIN, new Revoke(ADMIN.publicKey(), Permission.ADMIN), Outcome.SELF_REVOKE_ADMIN));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("failingTransactions")
    void failureChangesOnlyTheSendersNonce(KeyPair sender, Operation operation, Outcome expected) throws Exception {
        Account senderBefore = ledger.account(sender);
        Account bobBefore = ledger.account(BOB);
        Transaction tx = ledger.sign(sender, operation);

        ExecutionResult result = ledger.commit(tx);

        assertThat(result.receipts()).extracting(Receipt::outcome).containsExactly(expected);
        assertOnlyNonceWritten(result.changes(), sender, senderBefore);
        assertThat(ledger.account(sender)).isEqualTo(new Account(senderBefore.balance(), senderBefore.nonce() + 1,
                senderBefore.permissions()));
        if (!sender.equals(BOB)) {
            assertThat(ledger.account(BOB)).isEqualTo(bobBefore);
        }
        assertThat(ledger.store.receipt(tx.hash())).contains(result.receipts().get(0));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("failingTransactions")
    void failedTransactionCannotBeIncludedAgain(KeyPair sender, Operation operation, Outcome expected)
            throws Exception {
        Transaction tx = ledger.sign(sender, operation);
        ledger.commit(tx);
        SortedMap<String, String> afterFirst = ledger.snapshot();

        ledger.assertRefused(tx, Reason.NONCE_TOO_LOW, "nonce 0 is already used; the next nonce is 1");
        ProposedBlock again = ledger.build(List.of(tx));
        assertThat(again.block().transactions()).isEmpty();
        assertThat(again.refused()).extracting(refused -> refused.rejection().reason())
                .containsExactly(Reason.NONCE_TOO_LOW);
        assertThatThrownBy(() -> new BlockVerifier(ledger.genesis)
                .verify(ledger.store.head(), ledger.store, ledger.blockOf(List.of(tx)), SignatureVerifier.ALWAYS))
                .isInstanceOf(InvalidBlockException.class).hasMessageContaining("nonce_too_low");
        assertThat(ledger.snapshot()).isEqualTo(afterFirst);
    }

    @Test
    void overflowingTransferChangesOnlyTheSendersNonce() throws Exception {
        // The overflow cannot happen from a valid genesis (the supply is capped), so the state is built by hand.
        StateOverlay state = new StateOverlay(ledger.store);
        state.putAccount(BOB.publicKey(), new Account(Long.MAX_VALUE, 0, EnumSet.of(Permission.TRANSFER)));
        Account aliceBefore = ledger.account(ALICE);
        Transaction tx = ledger.sign(ALICE, new Transfer(BOB.publicKey(), 1));

        ExecutionResult result = new BlockExecutor(ledger.genesis)
                .execute(ledger.store.head(), state, List.of(tx), List.of(tx.hash()), SignatureVerifier.ALWAYS);

        assertThat(result.receipts()).extracting(Receipt::outcome).containsExactly(Outcome.BALANCE_OVERFLOW);
        assertOnlyNonceWritten(result.changes(), ALICE, aliceBefore);
        assertThat(state.account(BOB.publicKey()).orElseThrow().balance()).isEqualTo(Long.MAX_VALUE);
    }

    private static void assertOnlyNonceWritten(StateChanges changes, KeyPair sender, Account before) {
        assertThat(changes.writes()).hasSize(1);
        Map.Entry<byte[], byte[]> write = changes.writes().entrySet().iterator().next();
        assertThat(write.getKey()).isEqualTo(StateCodec.accountKey(sender.publicKey()));
        assertThat(write.getValue()).isEqualTo(StateCodec.encodeAccount(before.withNextNonce()));
    }
}
