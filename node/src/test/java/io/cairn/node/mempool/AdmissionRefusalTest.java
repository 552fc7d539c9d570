package io.cairn.node.mempool;

import static io.cairn.node.mempool.MempoolFixture.ADMIN;
import static io.cairn.node.mempool.MempoolFixture.ALICE;
import static io.cairn.node.mempool.MempoolFixture.BOB;
import static io.cairn.node.mempool.MempoolFixture.put;
import static io.cairn.node.mempool.MempoolFixture.sign;
import static io.cairn.node.mempool.MempoolFixture.transfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.ledger.ConsensusParams;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.Operation.Grant;
import io.cairn.ledger.Operation.Transfer;
import io.cairn.ledger.Permission;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every reason a transaction is refused, the sentence that says why, and that a refusal leaves no trace. */
class AdmissionRefusalTest {
    private final MempoolFixture fixture = new MempoolFixture();

    @Test
    void bytesThatAreNotACanonicalTransactionAreMalformedWithTheDecodersMessage() {
        byte[] valid = transfer(ALICE, 0, 1).encode();
        byte[] trailing = Arrays.copyOf(valid, valid.length + 1);
        byte[] truncated = Arrays.copyOf(valid, valid.length - 1);
        for (byte[] bytes : new byte[][] {trailing, truncated, {}, {9, 9, 9}}) {
            Admission.Refused refused = fixture.assertRefused(() -> fixture.mempool.add(bytes, fixture.state),
                    Admission.MALFORMED, "transaction");
            assertThatThrownBy(() -> Transaction.decode(bytes)).hasMessage(refused.message());
        }
        assertThat(fixture.mempool.add(valid, fixture.state))
                .isEqualTo(new Admission.Admitted(transfer(ALICE, 0, 1).hash()));
        assertThat(fixture.verifications.calls()).as("malformed bytes never reach the signature check").isOne();
    }

    @Test
    void aTransactionForAnotherChainIsRefused() {
        Transaction other = Transaction.sign("other-chain", ALICE, 0, new Transfer(BOB.publicKey(), 1));
        fixture.assertRefused(() -> fixture.add(other), "wrong_chain",
                "the transaction is for chain 'other-chain', this is 'cairn-test'");
        fixture.assertRefused(() -> fixture.mempool.add(other.encode(), fixture.state), "wrong_chain", "other-chain");
        assertThat(fixture.verifications.calls()).isZero();
    }

    @Test
    void aTransactionLargerThanGenesisAllowsIsTooLarge() {
        Genesis small = TestGenesis.of(1, 4, new ConsensusParams(2_000, 4 * 1024 * 1024, 256, 2_000));
        MempoolFixture tight = new MempoolFixture(small, MempoolLimits.defaults());
        Transaction large = put(ALICE, 0, 200);
        tight.assertRefused(() -> tight.add(large), "too_large",
                "the transaction is " + large.encodedSize() + " bytes, the limit is 256");
        tight.admit(put(ALICE, 0, 10));
    }

    @Test
    void aSenderWithoutAnAccountIsUnknown() {
        Transaction stranger = transfer(TestKeys.stranger(), 0, 1);
        fixture.assertRefused(() -> fixture.add(stranger), "unknown_sender",
                "account " + TestKeys.stranger().publicKey() + " does not exist");
        assertThat(fixture.verifications.calls()).as("refused before the signature is checked").isZero();
    }

    @Test
    void aSenderWithoutThePermissionIsNotPermitted() {
        fixture.assertRefused(() -> fixture.add(transfer(ADMIN, 0, 1)), "not_permitted",
                "the sender lacks the 'transfer' permission needed for a transfer");
        Transaction grant = sign(ALICE, 0, new Grant(BOB.publicKey(), Permission.ADMIN));
        fixture.assertRefused(() -> fixture.add(grant), "not_permitted",
                "the sender lacks the 'admin' permission needed for a grant");
        fixture.admit(sign(ADMIN, 0, new Grant(BOB.publicKey(), Permission.ADMIN)));
    }

    @Test
    void aNonceBelowTheAccountNonceIsTooLow() {
        fixture.state.advanceNonce(ALICE.publicKey(), 5);
        fixture.assertRefused(() -> fixture.add(transfer(ALICE, 4, 1)), "nonce_too_low",
                "nonce 4 is already used; the next nonce is 5");
        fixture.admit(transfer(ALICE, 5, 1));
    }

    @Test
    void aNonceAtOrBeyondTheWindowIsTooHigh() {
        MempoolFixture windowed = new MempoolFixture(MempoolFixture.limits(1_000, 1 << 20, 8));
        windowed.state.advanceNonce(ALICE.publicKey(), 5);
        windowed.admit(transfer(ALICE, 12, 1)); // 5 + 8 - 1: the last nonce inside the window
        windowed.assertRefused(() -> windowed.add(transfer(ALICE, 13, 1)), "nonce_too_high",
                "nonce 13 is too far ahead: the next nonce is 5 and the mempool takes nonces up to 12");
        windowed.assertRefused(() -> windowed.add(transfer(ALICE, Long.MAX_VALUE, 1)), "nonce_too_high",
                "nonce " + Long.MAX_VALUE + " is too far ahead");
    }

    @Test
    void aSecondTransactionForAPendingNonceIsRefusedAsTaken() {
        Transaction first = transfer(ALICE, 0, 1);
        fixture.admit(first);
        fixture.assertRefused(() -> fixture.add(transfer(ALICE, 0, 2)), "nonce_taken",
                "transaction " + first.hash() + " from this sender with nonce 0 is already pending");
        assertThat(fixture.mempool.get(first.hash())).contains(first);
    }

    @Test
    void aTransferThatThePendingTransfersLeaveUncoveredIsInsufficientBalance() {
        long balance = TestGenesis.INITIAL_BALANCE;
        fixture.admit(transfer(ALICE, 0, 600_000_000), put(ALICE, 1, 5));
        fixture.assertRefused(() -> fixture.add(transfer(ALICE, 2, balance - 600_000_000 + 1)),
                "insufficient_balance", "the balance " + balance
                        + " minus 600000000 in pending transfers does not cover the amount 400000001");
        fixture.admit(transfer(ALICE, 2, balance - 600_000_000)); // exactly what is left
        fixture.assertRefused(() -> fixture.add(transfer(ALICE, 3, 1)), "insufficient_balance",
                "minus " + balance + " in pending transfers does not cover the amount 1");
        fixture.admit(put(ALICE, 3, 5)); // a put spends nothing
    }

    @Test
    void aBadSignatureIsRefusedAndACopyOfItIsThenADuplicate() {
        Transaction good = transfer(ALICE, 0, 1);
        Transaction forged = new Transaction(good.chainId(), ALICE.publicKey(), 0, new Transfer(BOB.publicKey(), 99),
                good.signature());
        fixture.assertRefused(() -> fixture.add(forged), "bad_signature",
                "the signature does not verify against the sender's key over the sign-bytes");
        fixture.assertRefused(() -> fixture.mempool.add(forged.encode(), fixture.state), "duplicate",
                "transaction " + forged.hash() + " was refused for a bad signature");
        assertThat(fixture.verifications.calls()).as("the copy is not verified again").isOne();
        fixture.admit(good);
    }

    @Test
    void aPendingTransactionOfferedAgainIsADuplicate() {
        Transaction tx = transfer(ALICE, 0, 1);
        fixture.admit(tx);
        fixture.assertRefused(() -> fixture.add(tx), "duplicate", "transaction " + tx.hash() + " is already pending");
        fixture.assertRefused(() -> fixture.mempool.add(tx.encode(), fixture.state), "duplicate", "already pending");
        assertThat(fixture.verifications.calls()).isOne();
    }

    @Test
    void aCommittedTransactionOfferedLateIsADuplicate() {
        Transaction tx = transfer(ALICE, 0, 1);
        fixture.admit(tx);
        fixture.state.advanceNonce(ALICE.publicKey(), 1);
        fixture.mempool.committed(List.of(tx), fixture.state);
        fixture.assertRefused(() -> fixture.add(tx), "duplicate", "transaction " + tx.hash() + " was committed");
        fixture.admit(transfer(ALICE, 1, 1));
    }

    @Test
    void refusalsAreCountedByReason() {
        fixture.add(transfer(TestKeys.stranger(), 0, 1));
        fixture.add(transfer(TestKeys.stranger(), 1, 1));
        fixture.mempool.add(new byte[] {1}, fixture.state);
        fixture.admit(transfer(ALICE, 0, 1));
        MempoolStats stats = fixture.mempool.stats();
        assertThat(stats.refused()).containsExactly(
                Map.entry("malformed", 1L), Map.entry("unknown_sender", 2L));
        assertThat(stats.refusedTotal()).isEqualTo(3);
        assertThat(stats.admitted()).isOne();
        assertThat(stats.pending()).isOne();
        assertThat(stats.pendingBytes()).isEqualTo(MempoolFixture.TRANSFER_BYTES);
    }
}
