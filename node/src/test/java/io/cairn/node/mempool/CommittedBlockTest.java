package io.cairn.node.mempool;

import static io.cairn.node.mempool.MempoolFixture.ADMIN;
import static io.cairn.node.mempool.MempoolFixture.ALICE;
import static io.cairn.node.mempool.MempoolFixture.BOB;
import static io.cairn.node.mempool.MempoolFixture.put;
import static io.cairn.node.mempool.MempoolFixture.sign;
import static io.cairn.node.mempool.MempoolFixture.transfer;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ledger.Operation.Grant;
import io.cairn.ledger.Operation.Revoke;
import io.cairn.ledger.Operation.Transfer;
import io.cairn.ledger.Permission;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.state.ProposedBlock;
import io.cairn.ledger.testing.TestGenesis;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** After each block: what it included leaves, and what it made invalid is dropped; the rest stays proposable. */
class CommittedBlockTest {
    private final ChainFixture chain = new ChainFixture(MempoolFixture.GENESIS, MempoolLimits.defaults());

    @AfterEach
    void close() {
        chain.close();
    }

    @Test
    void includedTransactionsLeaveAndALateCopyIsADuplicate() {
        Transaction a0 = transfer(ALICE, 0, 5);
        Transaction a1 = put(ALICE, 1, 10);
        Transaction b0 = transfer(BOB, 0, 7);
        chain.admit(a0, a1, b0);
        ProposedBlock block = chain.commit(chain.propose());
        assertThat(block.block().transactions()).containsExactly(a0, b0, a1);
        assertThat(chain.mempool.size()).isZero();
        assertThat(chain.mempool.bytes()).isZero();
        assertThat(chain.mempool.hasIncludable(chain.store)).isFalse();
        assertThat(chain.add(a0))
                .isEqualTo(new Admission.Refused("duplicate", "transaction " + a0.hash() + " was committed"));
        MempoolStats stats = chain.mempool.stats();
        assertThat(stats.committed()).isEqualTo(3);
        assertThat(stats.dropped()).isZero();
    }

    @Test
    void aBlockTakingOnlyPartLeavesTheRestProposableInOrder() {
        Transaction a0 = transfer(ALICE, 0, 1);
        Transaction a1 = transfer(ALICE, 1, 1);
        Transaction a2 = transfer(ALICE, 2, 1);
        chain.admit(a2, a0, a1);
        chain.commit(chain.propose(chain.mempool.candidates(chain.store, 1, Long.MAX_VALUE)));
        assertThat(chain.mempool.candidates(chain.store, 10, Long.MAX_VALUE)).containsExactly(a1, a2);
        assertThat(chain.mempool.hasIncludable(chain.store)).isTrue();
    }

    @Test
    void aPendingTransactionWhoseNonceAnotherProposerUsedIsDropped() {
        Transaction mine = transfer(ALICE, 0, 1);
        Transaction next = transfer(ALICE, 1, 1);
        chain.admit(mine, next);
        chain.commitBlockOf(put(ALICE, 0, 3)); // Alice's nonce 0 went to a transaction gossiped elsewhere
        assertThat(chain.mempool.contains(mine.hash())).isFalse();
        assertThat(chain.mempool.candidates(chain.store, 10, Long.MAX_VALUE)).containsExactly(next);
        assertThat(chain.mempool.stats().dropped()).isOne();
        assertThat(chain.mempool.stats().committed()).isZero();
    }

    @Test
    void aRevokedPermissionDropsTheTargetsPendingTransactionsThatNeedIt() {
        Transaction alicePut = put(ALICE, 0, 3);
        Transaction aliceTransfer = transfer(ALICE, 1, 1);
        chain.admit(alicePut, aliceTransfer);
        chain.commitBlockOf(sign(ADMIN, 0, new Revoke(ALICE.publicKey(), Permission.PUT)));
        assertThat(chain.mempool.contains(alicePut.hash())).as("Alice may no longer put").isFalse();
        assertThat(chain.mempool.contains(aliceTransfer.hash())).isTrue();
        assertThat(chain.mempool.hasIncludable(chain.store)).as("nonce 0 is now missing").isFalse();
        assertThat(chain.mempool.candidates(chain.store, 10, Long.MAX_VALUE)).isEmpty();

        Transaction refill = transfer(ALICE, 0, 1);
        chain.admit(refill);
        assertThat(chain.mempool.candidates(chain.store, 10, Long.MAX_VALUE)).containsExactly(refill, aliceTransfer);
    }

    @Test
    void aRevokedAdminLosesItsPendingGrants() {
        chain.commitBlockOf(sign(ADMIN, 0, new Grant(BOB.publicKey(), Permission.ADMIN)));
        Transaction bobGrant = sign(BOB, 0, new Grant(ALICE.publicKey(), Permission.ADMIN));
        chain.admit(bobGrant);
        chain.commitBlockOf(sign(ADMIN, 1, new Revoke(BOB.publicKey(), Permission.ADMIN)));
        assertThat(chain.mempool.contains(bobGrant.hash())).isFalse();
        assertThat(chain.mempool.size()).isZero();
    }

    @Test
    void transfersTheNewBalanceNoLongerCoversAreDroppedInNonceOrder() {
        long half = TestGenesis.INITIAL_BALANCE / 2;
        Transaction first = transfer(ALICE, 1, half / 2);
        Transaction second = transfer(ALICE, 2, half / 2 + 1);
        Transaction third = put(ALICE, 3, 1);
        chain.admit(first, second, third);
        chain.commitBlockOf(transfer(ALICE, 0, half)); // spent elsewhere: half is left
        assertThat(chain.mempool.pending()).containsExactly(first, third);
        assertThat(chain.mempool.bytes()).isEqualTo(first.encodedSize() + third.encodedSize());
        assertThat(chain.mempool.candidates(chain.store, 10, Long.MAX_VALUE)).containsExactly(first);
        assertThat(chain.mempool.stats().dropped()).isOne();
    }

    @Test
    void aReceivedTransferLetsALargerTransferIn() {
        long balance = TestGenesis.INITIAL_BALANCE;
        chain.admit(transfer(ALICE, 0, balance));
        assertThat(chain.add(transfer(ALICE, 1, 1)).admitted()).isFalse();
        chain.commitBlockOf(sign(BOB, 0, new Transfer(ALICE.publicKey(), 10)));
        chain.admit(transfer(ALICE, 1, 10));
    }

    @Test
    void betweenTheLedgerCommitAndTheMempoolHearingOfItTheIncludedTransfersAreNotCountedTwice() {
        long balance = TestGenesis.INITIAL_BALANCE;
        Transaction first = transfer(ALICE, 0, balance - 400);
        chain.admit(first);
        ProposedBlock block = chain.propose();
        chain.commitToLedgerOnly(block); // the balance is now 400, and the first transfer is still pending
        Transaction next = transfer(ALICE, 1, 400);
        chain.admit(next);
        chain.mempool.committed(block.block().transactions(), chain.store);
        assertThat(chain.mempool.pending()).containsExactly(next);
        assertThat(chain.mempool.candidates(chain.store, 10, Long.MAX_VALUE)).containsExactly(next);
    }

    @Test
    void removedTransactionsLeaveAndTheSendersLaterNoncesWait() {
        Transaction a0 = transfer(ALICE, 0, 1);
        Transaction a1 = transfer(ALICE, 1, 1);
        Transaction b0 = transfer(BOB, 0, 1);
        chain.admit(a0, a1, b0);
        chain.mempool.remove(List.of(a0.hash(), transfer(BOB, 5, 5).hash()));
        assertThat(chain.mempool.pending()).containsExactlyInAnyOrder(a1, b0);
        assertThat(chain.mempool.bytes()).isEqualTo(a1.encodedSize() + b0.encodedSize());
        assertThat(chain.mempool.candidates(chain.store, 10, Long.MAX_VALUE)).containsExactly(b0);
        assertThat(chain.mempool.stats().dropped()).isOne();
        chain.admit(a0); // removed is not refused: it may come again
    }

    @Test
    void aBlockOfTransactionsNeverPendingHereChangesNothingPending() {
        Transaction b0 = transfer(BOB, 0, 1);
        chain.admit(b0);
        Transaction elsewhere = put(ALICE, 0, 1);
        chain.commitBlockOf(elsewhere);
        assertThat(chain.mempool.pending()).containsExactly(b0);
        assertThat(chain.add(elsewhere)).extracting(admission -> ((Admission.Refused) admission).reason())
                .isEqualTo("duplicate");
    }
}
