package io.cairn.node.mempool;

import static io.cairn.node.mempool.MempoolFixture.ALICE;
import static io.cairn.node.mempool.MempoolFixture.BOB;
import static io.cairn.node.mempool.MempoolFixture.put;
import static io.cairn.node.mempool.MempoolFixture.transfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.ledger.Operation.Transfer;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.state.BlockVerifier;
import io.cairn.ledger.state.ProposedBlock;
import io.cairn.ledger.state.SignatureVerifier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.time.Duration;
import org.awaitility.Awaitility;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Each signature is verified once on this node: on admission, or for a block, and never again. */
class SignatureOnceTest {

    @Test
    void admittedTransactionsAreNotVerifiedAgainToBuildOrVerifyTheBlock() throws Exception {
        try (ChainFixture chain = new ChainFixture(MempoolFixture.GENESIS, MempoolLimits.defaults())) {
            chain.admit(transfer(ALICE, 0, 1), transfer(ALICE, 1, 1), put(BOB, 0, 4));
            assertThat(chain.verifications.calls()).isEqualTo(3);
            ProposedBlock proposed = chain.propose();
            assertThat(proposed.block().transactions()).hasSize(3);
            new BlockVerifier(chain.genesis).verify(chain.store.head(), chain.store, proposed.block(),
                    chain.mempool.signatures());
            assertThat(chain.verifications.calls()).as("verifications after building and verifying").isEqualTo(3);
        }
    }

    @Test
    void anUnknownTransactionIsVerifiedOnceAndTheAnswerRemembered() {
        MempoolFixture fixture = new MempoolFixture();
        SignatureVerifier signatures = fixture.mempool.signatures();
        Transaction good = transfer(ALICE, 0, 1);
        Transaction forged = forge(good);
        assertThat(signatures.isValid(good.hash(), good)).isTrue();
        assertThat(signatures.isValid(forged.hash(), forged)).isFalse();
        assertThat(signatures.isValid(good.hash(), good)).isTrue();
        assertThat(signatures.isValid(forged.hash(), forged)).isFalse();
        assertThat(fixture.verifications.calls()).isEqualTo(2);
        assertThat(fixture.mempool.size()).as("checking a signature admits nothing").isZero();
    }

    @Test
    void aTransactionVerifiedForABlockIsAdmittedWithoutVerifyingAgain() {
        MempoolFixture fixture = new MempoolFixture();
        Transaction tx = transfer(ALICE, 0, 1);
        assertThat(fixture.mempool.signatures().isValid(tx.hash(), tx)).isTrue();
        fixture.admit(tx);
        assertThat(fixture.verifications.calls()).isOne();
    }

    @Test
    void aForgeryFirstSeenInABlockIsThenADuplicate() {
        MempoolFixture fixture = new MempoolFixture();
        Transaction forged = forge(transfer(ALICE, 0, 1));
        assertThat(fixture.mempool.signatures().isValid(forged.hash(), forged)).isFalse();
        fixture.assertRefused(() -> fixture.add(forged), "duplicate", "was refused for a bad signature");
        assertThat(fixture.verifications.calls()).isOne();
    }

    @Test
    void aCopyArrivingWhileTheFirstIsVerifiedIsADuplicateAndIsNotVerified() throws Exception {
        HeldVerifier slow = new HeldVerifier(1);
        AccountsState state = new AccountsState(MempoolFixture.GENESIS);
        Mempool mempool = new Mempool(MempoolFixture.GENESIS, MempoolLimits.defaults(), slow);
        Transaction tx = transfer(ALICE, 0, 1);
        ExecutorService network = Executors.newSingleThreadExecutor();
        try {
            Future<Admission> first = network.submit(() -> mempool.add(tx, state));
            assertThat(slow.awaitHeld()).as("the first copy reached verification").isTrue();
            assertThat(mempool.add(tx.encode(), state))
                    .isEqualTo(new Admission.Refused("duplicate", "transaction " + tx.hash() + " is already pending"));
            assertThat(mempool.size()).as("not yet admitted").isZero();
            slow.release();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(new Admission.Admitted(tx.hash()));
        } finally {
            slow.release();
            network.shutdownNow();
        }
        assertThat(slow.calls()).isOne();
        assertThat(mempool.size()).isOne();
    }

    @Test
    void aBlockHoldingATransactionBeingAdmittedWaitsForThatAdmissionInsteadOfVerifyingTwice() throws Exception {
        HeldVerifier slow = new HeldVerifier(1);
        AccountsState state = new AccountsState(MempoolFixture.GENESIS);
        Mempool mempool = new Mempool(MempoolFixture.GENESIS, MempoolLimits.defaults(), slow, Duration.ofSeconds(30));
        Transaction tx = transfer(ALICE, 0, 1);
        ExecutorService gossip = Executors.newSingleThreadExecutor();
        FutureTask<Boolean> block = new FutureTask<>(() -> mempool.signatures().isValid(tx.hash(), tx));
        Thread consensus = new Thread(block, "consensus");
        try {
            Future<Admission> admission = gossip.submit(() -> mempool.add(tx, state));
            assertThat(slow.awaitHeld()).as("the gossiped copy reached verification").isTrue();
            consensus.start();
            // Until the block's check either waits for the admission or (wrongly) verifies on its own.
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(
                    () -> consensus.getState() == Thread.State.TIMED_WAITING || slow.calls() > 1);
            slow.release();
            assertThat(block.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(admission.get(10, TimeUnit.SECONDS)).isEqualTo(new Admission.Admitted(tx.hash()));
        } finally {
            slow.release();
            gossip.shutdownNow();
        }
        assertThat(slow.calls()).as("verifications").isOne();
    }

    @Test
    void aVerifierThatThrowsLeavesNothingBehind() {
        AccountsState state = new AccountsState(MempoolFixture.GENESIS);
        boolean[] fail = {true};
        SignatureVerifier flaky = (hash, tx) -> {
            if (fail[0]) {
                throw new IllegalStateException("verifier broke");
            }
            return tx.hasValidSignature();
        };
        Mempool mempool = new Mempool(MempoolFixture.GENESIS, MempoolLimits.defaults(), flaky);
        Transaction tx = transfer(ALICE, 0, 1);
        assertThatThrownBy(() -> mempool.add(tx, state)).hasMessage("verifier broke");
        fail[0] = false;
        assertThat(mempool.add(tx, state)).as("not left as a pending duplicate")
                .isEqualTo(new Admission.Admitted(tx.hash()));
    }

    private static Transaction forge(Transaction tx) {
        Transfer changed = new Transfer(BOB.publicKey(), 1_000);
        return new Transaction(tx.chainId(), tx.sender(), tx.nonce(), changed, tx.signature());
    }
}
