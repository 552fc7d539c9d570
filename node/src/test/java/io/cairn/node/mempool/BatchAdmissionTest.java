package io.cairn.node.mempool;

import static io.cairn.node.mempool.MempoolFixture.ALICE;
import static io.cairn.node.mempool.MempoolFixture.BOB;
import static io.cairn.node.mempool.MempoolFixture.CAROL;
import static io.cairn.node.mempool.MempoolFixture.DAVE;
import static io.cairn.node.mempool.MempoolFixture.transfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.crypto.KeyPair;
import io.cairn.crypto.testing.RandomCases;
import io.cairn.ledger.Operation.Transfer;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.state.SignatureVerifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A batch is admitted as its transactions would be one by one, with one pass of the mempool. */
class BatchAdmissionTest {
    private static final List<KeyPair> SENDERS = List.of(ALICE, BOB, CAROL, DAVE);

    @Test
    void aBatchIsAnsweredAndAdmittedExactlyAsOneByOne() {
        RandomCases.forAll("batch equals one by one", 200, random -> {
            MempoolFixture batched = new MempoolFixture(MempoolFixture.limits(12, 1 << 20, 4));
            MempoolFixture single = new MempoolFixture(MempoolFixture.limits(12, 1 << 20, 4));
            for (int round = 0; round < 3; round++) {
                List<byte[]> batch = randomBatch(random);
                List<Admission> together = batched.mempool.addAll(batch, batched.state);
                List<Admission> apart = batch.stream().map(bytes -> single.mempool.add(bytes, single.state)).toList();
                assertThat(together).extracting(BatchAdmissionTest::reason)
                        .isEqualTo(apart.stream().map(BatchAdmissionTest::reason).toList());
                assertThat(batched.snapshot()).isEqualTo(single.snapshot());
                assertThat(batched.mempool.stats()).isEqualTo(single.mempool.stats());
            }
        });
    }

    @Test
    void eachSignatureInABatchIsVerifiedOnceAndNoneThatAnEarlierCheckRefused() {
        MempoolFixture fixture = new MempoolFixture();
        Transaction first = transfer(ALICE, 0, 1);
        Transaction second = transfer(ALICE, 1, 1);
        Transaction used = transfer(BOB, 0, 1);
        fixture.state.advanceNonce(BOB.publicKey(), 1);
        List<Admission> answers = fixture.mempool.addAll(
                List.of(first.encode(), second.encode(), first.encode(), used.encode()), fixture.state);
        assertThat(answers).extracting(BatchAdmissionTest::reason)
                .containsExactly("admitted", "admitted", "duplicate", "nonce_too_low");
        assertThat(fixture.verifications.calls()).isEqualTo(2);
    }

    @Test
    void aBlockCommittedWhileTheBatchIsVerifiedIsCheckedAgainst() {
        AtomicReference<Runnable> duringVerification = new AtomicReference<>(() -> {});
        AtomicInteger verified = new AtomicInteger();
        SignatureVerifier verifier = (hash, tx) -> {
            verified.incrementAndGet();
            duringVerification.getAndSet(() -> {}).run();
            return tx.hasValidSignature();
        };
        MempoolFixture fixture = new MempoolFixture();
        Mempool mempool = new Mempool(fixture.genesis, MempoolLimits.defaults(), verifier);
        Transaction rival = MempoolFixture.sign(ALICE, 0, new Transfer(BOB.publicKey(), 5));
        duringVerification.set(() -> { // another validator's block took Alice's nonce 0
            fixture.state.advanceNonce(ALICE.publicKey(), 1);
            mempool.committed(List.of(rival), fixture.state);
        });
        Transaction late = transfer(ALICE, 0, 1);
        Transaction next = transfer(ALICE, 1, 1);
        List<Admission> answers = mempool.addAll(List.of(late.encode(), next.encode()), fixture.state);
        assertThat(answers).extracting(BatchAdmissionTest::reason).containsExactly("nonce_too_low", "admitted");
        assertThat(mempool.pending()).containsExactly(next);
        int before = verified.get();
        assertThat(mempool.signatures().isValid(late.hash(), late)).isTrue();
        assertThat(verified.get()).as("a refused but verified signature is not verified again").isEqualTo(before);
    }

    @Test
    void aLargeBatchIsAdmittedInPassesSoABlockWaitsOnlyForThePassHoldingItsTransaction() throws Exception {
        HeldVerifier verifier = new HeldVerifier(Mempool.PASS_SIZE + 1); // the second pass's first
        MempoolLimits limits = MempoolFixture.limits(10_000, 1 << 24, 1_000);
        MempoolFixture fixture = new MempoolFixture(limits);
        Mempool mempool = new Mempool(fixture.genesis, limits, verifier, Duration.ofSeconds(30));
        List<Transaction> batch = IntStream.range(0, Mempool.PASS_SIZE + 10)
                .mapToObj(i -> transfer(SENDERS.get(i % SENDERS.size()), i / SENDERS.size(), 1)).toList();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<List<Admission>> admission = threads.submit(
                    () -> mempool.addAll(batch.stream().map(Transaction::encode).toList(), fixture.state));
            assertThat(verifier.awaitHeld()).as("the second pass is verifying").isTrue();
            Transaction fromFirstPass = batch.get(0);
            Future<Boolean> block = threads.submit(() -> mempool.signatures().isValid(fromFirstPass.hash(), fromFirstPass));
            assertThat(block.get(10, TimeUnit.SECONDS)).as("answered while the second pass still verifies").isTrue();
            verifier.release();
            assertThat(admission.get(10, TimeUnit.SECONDS)).extracting(BatchAdmissionTest::reason).containsOnly("admitted");
        } finally {
            verifier.release();
            threads.shutdownNow();
        }
        assertThat(verifier.calls()).isEqualTo(batch.size());
    }

    @Test
    void aVerifierThatFailsReleasesTheWholeBatch() {
        AtomicReference<Boolean> broken = new AtomicReference<>(true);
        SignatureVerifier verifier = (hash, tx) -> {
            if (broken.get()) {
                throw new IllegalStateException("verifier down");
            }
            return tx.hasValidSignature();
        };
        MempoolFixture fixture = new MempoolFixture();
        Mempool mempool = new Mempool(fixture.genesis, MempoolLimits.defaults(), verifier);
        List<byte[]> batch = List.of(transfer(ALICE, 0, 1).encode(), transfer(BOB, 0, 1).encode());
        assertThatThrownBy(() -> mempool.addAll(batch, fixture.state)).hasMessage("verifier down");
        assertThat(mempool.size()).isZero();
        broken.set(false);
        assertThat(mempool.addAll(batch, fixture.state)).extracting(BatchAdmissionTest::reason)
                .containsExactly("admitted", "admitted");
    }

    /** Transfers with nonces around each sender's window, copies, forgeries, garbage and overspending. */
    private static List<byte[]> randomBatch(Random random) {
        List<byte[]> batch = new ArrayList<>();
        int size = 1 + random.nextInt(10);
        for (int i = 0; i < size; i++) {
            KeyPair sender = SENDERS.get(random.nextInt(SENDERS.size()));
            Transaction tx = transfer(sender, random.nextInt(6), 1 + random.nextInt(3) * 400_000_000L);
            switch (random.nextInt(8)) {
                case 0 -> batch.add(RandomCases.bytes(random, 80));
                case 1 -> batch.add(new Transaction(tx.chainId(), tx.sender(), tx.nonce(),
                        new Transfer(BOB.publicKey(), 7), tx.signature()).encode());
                case 2 -> batch.add(batch.isEmpty() ? tx.encode() : batch.get(random.nextInt(batch.size())));
                default -> batch.add(tx.encode());
            }
        }
        return batch;
    }

    private static String reason(Admission admission) {
        return admission instanceof Admission.Refused refused ? refused.reason() : "admitted";
    }
}
