package io.cairn.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.crypto.Hash;
import io.cairn.crypto.KeyPair;
import io.cairn.ledger.Account;
import io.cairn.ledger.Operation.Grant;
import io.cairn.ledger.Operation.Put;
import io.cairn.ledger.Operation.Revoke;
import io.cairn.ledger.Permission;
import io.cairn.ledger.codec.StateCodec;
import io.cairn.ledger.testing.TestKeys;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** StateChanges holds exactly the entries whose value differs from the state before the block. */
class StateChangesTest {
    private static final KeyPair ALICE = TestKeys.account(0);
    private static final KeyPair BOB = TestKeys.account(1);
    private static final KeyPair ADMIN = TestKeys.admin();
    private static final byte[] KEY = {42};

    @AutoClose
    private final StateFixture ledger = StateFixture.twoAccounts();

    @Test
    void putOfTheSameValueAgainChangesOnlyTheNonce() throws Exception {
        ledger.commit(ledger.sign(ALICE, new Put(KEY, new byte[] {1, 2, 3})));
        ExecutionResult again = ledger.commit(ledger.sign(ALICE, new Put(KEY, new byte[] {1, 2, 3})));
        assertThat(again.changes().writes().keySet()).containsExactly(StateCodec.accountKey(ALICE.publicKey()));
    }

    @Test
    void valueChangedAndRestoredInOneBlockIsNotWritten() throws Exception {
        ledger.commit(ledger.sign(ALICE, new Put(KEY, new byte[] {1})));
        ExecutionResult result = ledger.commit(
                ledger.sign(ALICE, new Put(KEY, new byte[] {2})),
                ledger.sign(ALICE, 2, new Put(KEY, new byte[] {1})));
        assertThat(result.changes().writes().keySet()).containsExactly(StateCodec.accountKey(ALICE.publicKey()));
        assertThat(ledger.store.data(ALICE.publicKey(), KEY)).hasValueSatisfying(v -> assertThat(v).containsExactly(1));
    }

    @Test
    void permissionRevokedAndGrantedBackInOneBlockIsNotWritten() throws Exception {
        ExecutionResult result = ledger.commit(
                ledger.sign(ADMIN, new Revoke(BOB.publicKey(), Permission.PUT)),
                ledger.sign(ADMIN, 1, new Grant(BOB.publicKey(), Permission.PUT)));
        assertThat(result.changes().writes().keySet()).containsExactly(StateCodec.accountKey(ADMIN.publicKey()));
    }

    @Test
    void writingWhatTheBaseAlreadyHoldsIsNoChange() {
        StateOverlay overlay = new StateOverlay(ledger.store);
        overlay.putAccount(ALICE.publicKey(), ledger.account(ALICE));
        assertThat(overlay.changes().size()).isZero();
        assertThat(overlay.changes().rootAfter(Hash.ZERO, 1)).isEqualTo(StateChanges.NONE.rootAfter(Hash.ZERO, 1));
    }

    @Test
    void writesAreInUnsignedKeyOrderWithValuesEncoded() {
        StateOverlay overlay = new StateOverlay(ledger.store);
        overlay.putData(BOB.publicKey(), new byte[] {(byte) 0xff}, new byte[] {9});
        overlay.putData(BOB.publicKey(), new byte[] {0x01}, new byte[] {8});
        Account richer = ledger.account(ALICE).withBalance(1);
        overlay.putAccount(ALICE.publicKey(), richer);

        List<byte[]> keys = new ArrayList<>(overlay.changes().writes().keySet());
        assertThat(keys).containsExactly(StateCodec.accountKey(ALICE.publicKey()),
                StateCodec.dataKey(BOB.publicKey(), new byte[] {0x01}),
                StateCodec.dataKey(BOB.publicKey(), new byte[] {(byte) 0xff}));
        assertThat(overlay.changes().writes().get(keys.get(0))).isEqualTo(StateCodec.encodeAccount(richer));
    }

    @Test
    void changesWithTheSameWritesAreEqualWhateverTheOrderOfWriting() {
        StateOverlay first = new StateOverlay(ledger.store);
        first.putData(BOB.publicKey(), KEY, new byte[] {1});
        first.putAccount(ALICE.publicKey(), ledger.account(ALICE).withBalance(5));
        StateOverlay second = new StateOverlay(ledger.store);
        second.putAccount(ALICE.publicKey(), ledger.account(ALICE).withBalance(5));
        second.putData(BOB.publicKey(), KEY.clone(), new byte[] {1});
        StateOverlay other = new StateOverlay(ledger.store);
        other.putAccount(ALICE.publicKey(), ledger.account(ALICE).withBalance(5));
        other.putData(BOB.publicKey(), KEY, new byte[] {2});

        assertThat(first.changes()).isEqualTo(second.changes()).hasSameHashCodeAs(second.changes());
        assertThat(first.changes()).isNotEqualTo(other.changes());
        assertThat(StateChanges.NONE).isEqualTo(new StateOverlay(ledger.store).changes());
    }

    @Test
    void pendingValueIsCopiedAndNotVisibleInTheBase() {
        StateOverlay overlay = new StateOverlay(ledger.store);
        overlay.putData(ALICE.publicKey(), KEY, new byte[] {1});
        byte[] read = overlay.data(ALICE.publicKey(), KEY).orElseThrow();
        read[0] = 99; // a reader's copy; the pending value must not move
        assertThat(overlay.data(ALICE.publicKey(), KEY)).hasValueSatisfying(v -> assertThat(v).containsExactly(1));
        assertThat(ledger.store.data(ALICE.publicKey(), KEY)).isEmpty();
        assertThat(overlay.changes().writes().values()).containsExactly(new byte[] {1});
    }
}
