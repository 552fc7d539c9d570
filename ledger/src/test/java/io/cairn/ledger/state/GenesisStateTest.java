package io.cairn.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.crypto.KeyPair;
import io.cairn.ledger.Account;
import io.cairn.ledger.ChainHead;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.GenesisAccount;
import io.cairn.ledger.Permission;
import io.cairn.ledger.codec.StateCodec;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The state and head at height 0, as every node derives them from the genesis alone. */
class GenesisStateTest {
    private static final KeyPair PAYER = TestKeys.account(0);
    private static final KeyPair ANCHOR = TestKeys.account(1);
    private static final KeyPair ADMIN_WITH_ACCOUNT = TestKeys.account(2);
    private static final KeyPair ADMIN_ONLY = TestKeys.admin();

    private static Genesis genesis(long payerBalance) {
        return StateFixture.withAccounts(TestGenesis.of(4, 0),
                List.of(ADMIN_ONLY.publicKey(), ADMIN_WITH_ACCOUNT.publicKey()), List.of(
                        new GenesisAccount(PAYER.publicKey(), payerBalance, EnumSet.of(Permission.TRANSFER)),
                        new GenesisAccount(ANCHOR.publicKey(), 0, EnumSet.of(Permission.PUT)),
                        new GenesisAccount(ADMIN_WITH_ACCOUNT.publicKey(), 40, EnumSet.of(Permission.TRANSFER))));
    }

    @Test
    void everyGenesisAccountStartsWithItsBalancePermissionsAndNonceZero() throws Exception {
        try (StateFixture ledger = new StateFixture(genesis(1_000))) {
            assertThat(ledger.account(PAYER)).isEqualTo(new Account(1_000, 0, Set.of(Permission.TRANSFER)));
            assertThat(ledger.account(ANCHOR)).isEqualTo(new Account(0, 0, Set.of(Permission.PUT)));
            assertThat(ledger.store.account(TestKeys.stranger().publicKey())).isEmpty();
            assertThat(ledger.store.account(TestKeys.validator(0).publicKey())).isEmpty(); // validators hold no account
        }
    }

    @Test
    void adminsHoldAdminMergedWithTheirAccountEntry() throws Exception {
        try (StateFixture ledger = new StateFixture(genesis(1_000))) {
            assertThat(ledger.account(ADMIN_ONLY)).isEqualTo(new Account(0, 0, Set.of(Permission.ADMIN)));
            assertThat(ledger.account(ADMIN_WITH_ACCOUNT))
                    .isEqualTo(new Account(40, 0, Set.of(Permission.TRANSFER, Permission.ADMIN)));
        }
    }

    @Test
    void changesHoldOneEntryPerAccount() {
        StateChanges changes = GenesisState.changes(genesis(1_000));
        assertThat(changes.writes().keySet()).containsExactlyInAnyOrder(
                StateCodec.accountKey(PAYER.publicKey()), StateCodec.accountKey(ANCHOR.publicKey()),
                StateCodec.accountKey(ADMIN_WITH_ACCOUNT.publicKey()), StateCodec.accountKey(ADMIN_ONLY.publicKey()));
    }

    @Test
    void headIsHeightZeroAtTheGenesisHashAndTime() throws Exception {
        Genesis genesis = genesis(1_000);
        ChainHead head = GenesisState.head(genesis);
        assertThat(head.height()).isZero();
        assertThat(head.blockHash()).isEqualTo(genesis.hash());
        assertThat(head.timestampMillis()).isEqualTo(TestGenesis.GENESIS_TIME);
        try (StateFixture ledger = new StateFixture(genesis)) {
            assertThat(ledger.store.head()).isEqualTo(head);
        }
    }

    @Test
    void headIsTheSameWheneverItIsDerived() {
        assertThat(GenesisState.head(genesis(1_000))).isEqualTo(GenesisState.head(genesis(1_000)));
        assertThat(GenesisState.changes(genesis(1_000))).isEqualTo(GenesisState.changes(genesis(1_000)));
    }

    @Test
    void oneDifferentBalanceGivesADifferentStateRoot() {
        assertThat(GenesisState.head(genesis(1_001)).stateRoot()).isNotEqualTo(GenesisState.head(genesis(1_000)).stateRoot());
    }

    @Test
    void oneDifferentPermissionGivesADifferentStateRoot() {
        Genesis base = genesis(1_000);
        Genesis other = StateFixture.withAccounts(base, base.admins(), List.of(
                new GenesisAccount(PAYER.publicKey(), 1_000, EnumSet.of(Permission.TRANSFER, Permission.PUT)),
                base.accounts().get(1), base.accounts().get(2)));
        assertThat(GenesisState.head(other).stateRoot()).isNotEqualTo(GenesisState.head(base).stateRoot());
    }

    @Test
    void firstBlockBuildsOnTheGenesisHead() throws Exception {
        try (StateFixture ledger = new StateFixture(genesis(1_000))) {
            ProposedBlock first = ledger.build(List.of());
            assertThat(first.block().header().parentHash()).isEqualTo(ledger.genesis.hash());
            assertThat(first.block().height()).isEqualTo(1);
            ledger.commit(first);
        }
    }
}
