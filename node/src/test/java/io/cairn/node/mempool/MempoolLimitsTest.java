package io.cairn.node.mempool;

import static io.cairn.node.mempool.MempoolFixture.ALICE;
import static io.cairn.node.mempool.MempoolFixture.BOB;
import static io.cairn.node.mempool.MempoolFixture.TRANSFER_BYTES;
import static io.cairn.node.mempool.MempoolFixture.limits;
import static io.cairn.node.mempool.MempoolFixture.put;
import static io.cairn.node.mempool.MempoolFixture.transfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.ledger.Transaction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mempool holds at most its limits of transactions and bytes, exactly, and says so when full. */
class MempoolLimitsTest {

    @Test
    void theLastTransactionThatFitsTheCountIsAdmittedAndTheNextIsRefused() {
        MempoolFixture fixture = new MempoolFixture(limits(3, 1 << 20, 64));
        fixture.admit(transfer(ALICE, 0, 1), transfer(ALICE, 1, 1), transfer(BOB, 0, 1));
        fixture.assertRefused(() -> fixture.add(transfer(BOB, 1, 1)), "mempool_full",
                "mempool full: 3 transactions / 1048576 bytes");
        assertThat(fixture.mempool.size()).isEqualTo(3);
        assertThat(fixture.verifications.calls()).as("a full mempool does not verify signatures").isEqualTo(3);
    }

    @Test
    void theLastTransactionThatFitsTheBytesIsAdmittedAndOneByteMoreIsRefused() {
        Transaction first = put(ALICE, 0, 100);
        Transaction second = transfer(ALICE, 1, 1);
        long exact = first.encodedSize() + second.encodedSize();
        MempoolFixture fixture = new MempoolFixture(limits(100, exact, 64));
        fixture.admit(first, second);
        assertThat(fixture.mempool.bytes()).isEqualTo(exact);
        fixture.assertRefused(() -> fixture.add(transfer(BOB, 0, 1)), "mempool_full",
                "mempool full: 100 transactions / " + exact + " bytes");

        MempoolFixture oneShort = new MempoolFixture(limits(100, exact - 1, 64));
        oneShort.admit(first);
        oneShort.assertRefused(() -> oneShort.add(second), "mempool_full", "mempool full");
        // A put one byte smaller than the transfer fills the mempool to its last byte.
        Transaction filling = put(BOB, 0, TRANSFER_BYTES - 1 - put(BOB, 0, 0).encodedSize());
        oneShort.admit(filling);
        assertThat(oneShort.mempool.bytes()).isEqualTo(exact - 1);
    }

    @Test
    void aBlockThatTakesTransactionsOutMakesRoomAgain() {
        MempoolFixture fixture = new MempoolFixture(limits(2, 1 << 20, 64));
        Transaction first = transfer(ALICE, 0, 1);
        fixture.admit(first, transfer(ALICE, 1, 1));
        fixture.assertRefused(() -> fixture.add(transfer(BOB, 0, 1)), "mempool_full", "mempool full");
        fixture.state.advanceNonce(ALICE.publicKey(), 1);
        fixture.mempool.committed(List.of(first), fixture.state);
        fixture.admit(transfer(BOB, 0, 1));
        assertThat(fixture.mempool.size()).isEqualTo(2);
    }

    @Test
    void limitsBelowOneAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new MempoolLimits(0, 1, 1, 1))
                .hasMessage("mempool.maxTransactions: must be at least 1, got 0");
        assertThatThrownBy(() -> new MempoolLimits(1, -5, 1, 1))
                .hasMessage("mempool.maxBytes: must be at least 1, got -5");
        assertThatThrownBy(() -> new MempoolLimits(1, 1, 0, 1))
                .hasMessage("mempool.nonceWindow: must be at least 1, got 0");
        assertThatThrownBy(() -> new MempoolLimits(1, 1, 1, 0))
                .hasMessage("mempool.seenCapacity: must be at least 1, got 0");
    }

    @Test
    void theDefaultsAreFiftyThousandTransactionsAndSixtyFourMebibytes() {
        assertThat(MempoolLimits.defaults()).isEqualTo(new MempoolLimits(50_000, 67_108_864L, 64, 200_000));
    }
}
