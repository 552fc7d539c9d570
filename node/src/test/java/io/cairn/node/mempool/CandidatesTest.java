package io.cairn.node.mempool;

import static io.cairn.node.mempool.MempoolFixture.ALICE;
import static io.cairn.node.mempool.MempoolFixture.BOB;
import static io.cairn.node.mempool.MempoolFixture.CAROL;
import static io.cairn.node.mempool.MempoolFixture.TRANSFER_BYTES;
import static io.cairn.node.mempool.MempoolFixture.put;
import static io.cairn.node.mempool.MempoolFixture.transfer;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ledger.Permission;
import io.cairn.ledger.Transaction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the proposer gets: each sender's nonces in order without a gap, senders taking turns, within the bounds. */
class CandidatesTest {
    private final MempoolFixture fixture = new MempoolFixture();

    @Test
    void noncesAdmittedOutOfOrderComeOutInNonceOrder() {
        Transaction n0 = transfer(ALICE, 0, 1);
        Transaction n1 = transfer(ALICE, 1, 1);
        Transaction n2 = transfer(ALICE, 2, 1);
        fixture.admit(n2);
        assertThat(fixture.candidates()).as("nonce 2 waits for 0 and 1").isEmpty();
        assertThat(fixture.mempool.hasIncludable(fixture.state)).isFalse();
        fixture.admit(n0);
        assertThat(fixture.candidates()).containsExactly(n0);
        assertThat(fixture.mempool.hasIncludable(fixture.state)).isTrue();
        fixture.admit(n1);
        assertThat(fixture.candidates()).containsExactly(n0, n1, n2);
    }

    @Test
    void aGapEndsTheSendersRunAndTheRunStartsAtTheCommittedNonce() {
        fixture.state.advanceNonce(ALICE.publicKey(), 3);
        Transaction n3 = transfer(ALICE, 3, 1);
        Transaction n4 = transfer(ALICE, 4, 1);
        fixture.admit(n3, n4, transfer(ALICE, 6, 1), transfer(ALICE, 7, 1));
        assertThat(fixture.candidates()).containsExactly(n3, n4);
        assertThat(fixture.mempool.size()).isEqualTo(4);
    }

    @Test
    void sendersTakeTurnsInTheOrderTheirFirstTransactionArrived() {
        Transaction b0 = transfer(BOB, 0, 1);
        Transaction b1 = transfer(BOB, 1, 1);
        Transaction a0 = transfer(ALICE, 0, 1);
        Transaction a1 = transfer(ALICE, 1, 1);
        Transaction a2 = transfer(ALICE, 2, 1);
        Transaction c0 = transfer(CAROL, 0, 1);
        fixture.admit(b0, a0, a1, a2, c0, b1);
        assertThat(fixture.candidates()).containsExactly(b0, a0, c0, b1, a1, a2);
    }

    @Test
    void aSenderWhoseTransactionsAllLeftQueuesAgainAtTheBack() {
        Transaction a0 = transfer(ALICE, 0, 1);
        Transaction b0 = transfer(BOB, 0, 1);
        fixture.admit(a0, b0);
        fixture.state.advanceNonce(ALICE.publicKey(), 1);
        fixture.mempool.committed(List.of(a0), fixture.state);
        Transaction a1 = transfer(ALICE, 1, 1);
        fixture.admit(a1);
        assertThat(fixture.candidates()).containsExactly(b0, a1);
    }

    @Test
    void theCountBoundStopsAfterWholeTurns() {
        Transaction a0 = transfer(ALICE, 0, 1);
        Transaction b0 = transfer(BOB, 0, 1);
        Transaction a1 = transfer(ALICE, 1, 1);
        fixture.admit(a0, a1, b0, transfer(BOB, 1, 1));
        assertThat(fixture.mempool.candidates(fixture.state, 3, Long.MAX_VALUE)).containsExactly(a0, b0, a1);
        assertThat(fixture.mempool.candidates(fixture.state, 1, Long.MAX_VALUE)).containsExactly(a0);
        assertThat(fixture.mempool.candidates(fixture.state, 0, Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void theByteBoundEndsASenderWhoseNextDoesNotFitWhileSmallerOnesOfOthersStillDo() {
        Transaction a0 = put(ALICE, 0, 1_000);
        Transaction a1 = transfer(ALICE, 1, 1);
        Transaction b0 = transfer(BOB, 0, 1);
        Transaction b1 = transfer(BOB, 1, 1);
        fixture.admit(a0, a1, b0, b1);
        // After Alice's large put and Bob's first transfer, one byte short of another transfer is left.
        long room = a0.encodedSize() + 2L * TRANSFER_BYTES - 1;
        assertThat(fixture.mempool.candidates(fixture.state, 10, room)).containsExactly(a0, b0);
        // Alice's put does not fit at all, and her transfer may not jump it: only Bob's run is left.
        assertThat(fixture.mempool.candidates(fixture.state, 10, 2L * TRANSFER_BYTES)).containsExactly(b0, b1);
        assertThat(fixture.mempool.candidates(fixture.state, 10, 2L * TRANSFER_BYTES - 1)).containsExactly(b0);
        assertThat(fixture.mempool.candidates(fixture.state, 10, TRANSFER_BYTES - 1)).isEmpty();
    }

    @Test
    void aSenderWhoLostThePermissionOrTheAccountContributesNothing() {
        Transaction a0 = transfer(ALICE, 0, 1);
        Transaction b0 = transfer(BOB, 0, 1);
        fixture.admit(a0, b0);
        AccountsState revoked = new AccountsState(fixture.genesis);
        revoked.update(ALICE.publicKey(), account -> account.without(Permission.TRANSFER));
        assertThat(fixture.candidates(revoked)).containsExactly(b0);
        AccountsState bobOnly = new AccountsState(fixture.genesis);
        bobOnly.update(BOB.publicKey(), account -> account.without(Permission.TRANSFER));
        bobOnly.update(ALICE.publicKey(), account -> account.without(Permission.TRANSFER));
        assertThat(fixture.candidates(bobOnly)).isEmpty();
        assertThat(fixture.mempool.hasIncludable(bobOnly)).isFalse();
        assertThat(fixture.mempool.hasIncludable(revoked)).isTrue();
    }

    @Test
    void anEmptyMempoolHasNothingToInclude() {
        assertThat(fixture.candidates()).isEmpty();
        assertThat(fixture.mempool.hasIncludable(fixture.state)).isFalse();
    }

    @Test
    void takingCandidatesLeavesThemPending() {
        Transaction a0 = transfer(ALICE, 0, 1);
        fixture.admit(a0);
        fixture.candidates();
        assertThat(fixture.mempool.contains(a0.hash())).isTrue();
        assertThat(fixture.candidates()).containsExactly(a0);
    }
}
