package io.cairn.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.crypto.KeyPair;
import io.cairn.ledger.Account;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.GenesisAccount;
import io.cairn.ledger.Operation.Grant;
import io.cairn.ledger.Operation.Revoke;
import io.cairn.ledger.Operation.Transfer;
import io.cairn.ledger.Permission;
import io.cairn.ledger.state.Rejection.Reason;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * {@link TransactionRules#check}: transactions that could be included but would fail are
 * refused at admission too, with the failing outcome as the reason, and check() writes nothing.
 */
class AdmissionOutcomeCheckTest {
    private static final KeyPair ALICE = TestKeys.account(0);
    private static final KeyPair BOB = TestKeys.account(1);
    private static final KeyPair ADMIN = TestKeys.admin();
    private static final EnumSet<Permission> TRANSFER_PUT = EnumSet.of(Permission.TRANSFER, Permission.PUT);

    @AutoClose
    private final StateFixture ledger = StateFixture.twoAccounts();

    @Test
    void refusesTransferOfMoreThanTheBalance() {
        long balance = ledger.account(ALICE).balance();
        ledger.assertAccepted(ledger.sign(ALICE, new Transfer(BOB.publicKey(), balance)));
        ledger.assertRefused(ledger.sign(ALICE, new Transfer(BOB.publicKey(), balance + 1)), Reason.INSUFFICIENT_BALANCE,
                "balance is lower than the amount");
    }

    @Test
    void fullSupplyInOneAccountCanStillBeTransferredWithoutOverflow() throws Exception {
        // Genesis caps the total supply at 2^63 - 1 and transfers conserve it ...
        assertThatThrownBy(() -> supplyGenesis(1, Long.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("total supply exceeds 2^63 - 1");
        try (StateFixture full = new StateFixture(supplyGenesis(5, Long.MAX_VALUE - 5))) {
            // ... so the recipient reaches exactly Long.MAX_VALUE and no further.
            full.commit(full.sign(ALICE, new Transfer(BOB.publicKey(), 5)));
            assertThat(full.account(BOB).balance()).isEqualTo(Long.MAX_VALUE);
            assertThat(full.account(ALICE).balance()).isZero();
        }
    }

    @Test
    void refusesTransferThatWouldOverflowTheRecipient() throws Exception {
        // Unreachable from a valid genesis (see above), so the state is built by hand.
        try (StateFixture full = new StateFixture(supplyGenesis(5, Long.MAX_VALUE - 5))) {
            StateOverlay state = new StateOverlay(full.store);
            state.putAccount(BOB.publicKey(), new Account(Long.MAX_VALUE, 0, TRANSFER_PUT));
            int changesBefore = state.changes().size();

            Optional<Rejection> rejection = new TransactionRules(full.genesis)
                    .check(full.sign(ALICE, new Transfer(BOB.publicKey(), 1)), state);

            assertThat(rejection).map(Rejection::reason).contains(Reason.BALANCE_OVERFLOW);
            assertThat(rejection.get().message()).contains("recipient's balance would overflow");
            assertThat(state.changes().size()).isEqualTo(changesBefore);
            assertThat(state.account(BOB.publicKey()).orElseThrow().balance()).isEqualTo(Long.MAX_VALUE);
            assertThat(state.account(ALICE.publicKey()).orElseThrow().nonce()).isZero();
        }
    }

    @Test
    void refusesGrantOfAPermissionAlreadyHeld() {
        ledger.assertRefused(ledger.sign(ADMIN, new Grant(BOB.publicKey(), Permission.PUT)), Reason.ALREADY_GRANTED,
                "already holds this permission");
        ledger.assertRefused(ledger.sign(ADMIN, new Grant(ADMIN.publicKey(), Permission.ADMIN)), Reason.ALREADY_GRANTED,
                "already holds this permission");
    }

    @Test
    void refusesRevokeOfAPermissionNotHeld() {
        ledger.assertRefused(ledger.sign(ADMIN, new Revoke(BOB.publicKey(), Permission.ADMIN)), Reason.NOT_GRANTED,
                "does not hold this permission");
        // an account that does not exist holds nothing
        ledger.assertRefused(ledger.sign(ADMIN, new Revoke(TestKeys.stranger().publicKey(), Permission.TRANSFER)),
                Reason.NOT_GRANTED, "does not hold this permission");
    }

    @Test
    void refusesAdminRevokingItsOwnAdminPermission() {
        ledger.assertRefused(ledger.sign(ADMIN, new Revoke(ADMIN.publicKey(), Permission.ADMIN)), Reason.SELF_REVOKE_ADMIN,
                "cannot revoke its own admin permission");
    }

    @Test
    void reasonCodesAreTheSnakeCaseNames() {
        assertThat(Reason.SELF_REVOKE_ADMIN.code()).isEqualTo("self_revoke_admin");
        assertThat(new Rejection(Reason.NONCE_TOO_LOW, "nonce 0 is already used"))
                .hasToString("nonce_too_low: nonce 0 is already used");
    }

    /** Two accounts holding {@code alice} and {@code bob}: the whole supply when they sum to 2^63 - 1. */
    private static Genesis supplyGenesis(long alice, long bob) {
        return StateFixture.withAccounts(TestGenesis.of(1, 0), List.of(ADMIN.publicKey()), List.of(
                new GenesisAccount(ALICE.publicKey(), alice, TRANSFER_PUT),
                new GenesisAccount(BOB.publicKey(), bob, TRANSFER_PUT)));
    }
}
