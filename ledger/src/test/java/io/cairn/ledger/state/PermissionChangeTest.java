package io.cairn.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.crypto.KeyPair;
import io.cairn.ledger.Account;
import io.cairn.ledger.Operation.Grant;
import io.cairn.ledger.Operation.Put;
import io.cairn.ledger.Operation.Revoke;
import io.cairn.ledger.Operation.Transfer;
import io.cairn.ledger.Permission;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.state.Rejection.Reason;
import io.cairn.ledger.testing.TestKeys;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Grants and revokes take effect for the very next transaction, in the same block or a later one. */
class PermissionChangeTest {
    private static final KeyPair ALICE = TestKeys.account(0);
    private static final KeyPair BOB = TestKeys.account(1);
    private static final KeyPair ADMIN = TestKeys.admin();
    private static final KeyPair NEWCOMER = TestKeys.stranger();

    @AutoClose
    private final StateFixture ledger = StateFixture.twoAccounts();

    @Test
    void grantToAnUnknownKeyCreatesAnAccountThatMayUseItInTheSameBlock() throws Exception {
        Transaction grant = ledger.sign(ADMIN, new Grant(NEWCOMER.publicKey(), Permission.PUT));
        Transaction put = ledger.sign(NEWCOMER, 0, new Put(new byte[] {7}, new byte[] {1}));

        ledger.commit(grant, put);

        assertThat(ledger.account(NEWCOMER)).isEqualTo(new Account(0, 1, Set.of(Permission.PUT)));
        assertThat(ledger.store.data(NEWCOMER.publicKey(), new byte[] {7})).isPresent();
        assertThat(ledger.account(ADMIN).nonce()).isEqualTo(1);
    }

    @Test
    void grantKeepsTheBalanceNonceAndOtherPermissions() throws Exception {
        ledger.commit(ledger.sign(ALICE, new Transfer(BOB.publicKey(), 10)));
        Account before = ledger.account(ALICE);

        ledger.commit(ledger.sign(ADMIN, new Grant(ALICE.publicKey(), Permission.ADMIN)));

        assertThat(ledger.account(ALICE)).isEqualTo(new Account(before.balance(), before.nonce(),
                Set.of(Permission.TRANSFER, Permission.PUT, Permission.ADMIN)));
    }

    @Test
    void revokedPermissionCannotBeUsedByTheNextTransaction() throws Exception {
        Transaction revoke = ledger.sign(ADMIN, new Revoke(ALICE.publicKey(), Permission.TRANSFER));
        Transaction transfer = ledger.sign(ALICE, new Transfer(BOB.publicKey(), 1));
        Transaction put = ledger.sign(ALICE, new Put(new byte[] {1}, new byte[] {1}));

        ProposedBlock proposed = ledger.build(List.of(revoke, transfer, put));

        // the transfer is refused, so the put, signed with the same nonce, gets in
        assertThat(proposed.block().transactions()).containsExactly(revoke, put);
        assertThat(proposed.refused()).singleElement().satisfies(refused -> {
            assertThat(refused.transaction()).isEqualTo(transfer);
            assertThat(refused.rejection().reason()).isEqualTo(Reason.NOT_PERMITTED);
        });
        ledger.commit(proposed);
        assertThat(ledger.account(ALICE).permissions()).containsExactly(Permission.PUT);
        ledger.assertRefused(ledger.sign(ALICE, new Transfer(BOB.publicKey(), 1)), Reason.NOT_PERMITTED,
                "lacks the 'transfer' permission");
    }

    @Test
    void permissionGrantedBackCanBeUsedAgain() throws Exception {
        ledger.commit(ledger.sign(ADMIN, new Revoke(ALICE.publicKey(), Permission.TRANSFER)));
        ledger.commit(ledger.sign(ADMIN, new Grant(ALICE.publicKey(), Permission.TRANSFER)));
        ledger.commit(ledger.sign(ALICE, new Transfer(BOB.publicKey(), 1)));
        assertThat(ledger.account(ALICE).nonce()).isEqualTo(1);
    }

    @Test
    void newAdminCanGrantAndRevokeTheAdminWhoAppointedIt() throws Exception {
        ledger.commit(ledger.sign(ADMIN, new Grant(ALICE.publicKey(), Permission.ADMIN)));
        ledger.commit(
                ledger.sign(ALICE, new Grant(NEWCOMER.publicKey(), Permission.TRANSFER)),
                ledger.sign(ALICE, 1, new Revoke(ADMIN.publicKey(), Permission.ADMIN)));

        assertThat(ledger.account(NEWCOMER).permissions()).containsExactly(Permission.TRANSFER);
        assertThat(ledger.account(ADMIN).permissions()).isEmpty();
        ledger.assertRefused(ledger.sign(ADMIN, new Grant(BOB.publicKey(), Permission.ADMIN)), Reason.NOT_PERMITTED,
                "lacks the 'admin' permission needed for a grant");
    }

    @Test
    void blockUsingAPermissionAfterItsRevokeIsInvalid() throws Exception {
        SortedMap<String, String> before = ledger.snapshot();
        var block = ledger.blockOf(List.of(
                ledger.sign(ADMIN, new Revoke(ALICE.publicKey(), Permission.PUT)),
                ledger.sign(ALICE, new Put(new byte[] {1}, new byte[] {1}))));

        assertThatThrownBy(() -> new BlockVerifier(ledger.genesis)
                .verify(ledger.store.head(), ledger.store, block, SignatureVerifier.ALWAYS))
                .isInstanceOf(InvalidBlockException.class)
                .hasMessageContaining("transaction 1")
                .hasMessageContaining("not_permitted: the sender lacks the 'put' permission");
        assertThat(ledger.snapshot()).isEqualTo(before);
    }
}
