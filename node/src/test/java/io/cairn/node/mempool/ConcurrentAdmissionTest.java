package io.cairn.node.mempool;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.crypto.KeyPair;
import io.cairn.crypto.PublicKey;
import io.cairn.ledger.Account;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.Operation.Transfer;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * RPC and network threads admit at once, each offering every transaction in its own order, while
 * the consensus thread reads candidates or commits blocks: each transaction is admitted exactly
 * once, and the counts always add up.
 */
class ConcurrentAdmissionTest {
    private static final int SENDERS = 12;
    private static final int NONCES = 40;
    private static final int THREADS = 6;
    private static final Genesis GENESIS = TestGenesis.of(1, SENDERS);
    private static final List<Transaction> ALL = signAll();

    private final ExecutorService threads = Executors.newFixedThreadPool(THREADS + 1);

    @AfterEach
    void stop() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void everyTransactionIsAdmittedOnceWhileTheProposerReadsCandidates() throws Exception {
        MempoolFixture fixture = new MempoolFixture(GENESIS, MempoolLimits.defaults());
        AtomicBoolean admitting = new AtomicBoolean(true);
        Future<Integer> proposer = threads.submit(() -> {
            int reads = 0;
            while (admitting.get() || reads == 0) {
                assertRunsFromZeroWithoutGaps(fixture.candidates());
                fixture.mempool.hasIncludable(fixture.state);
                MempoolStats stats = fixture.mempool.stats();
                assertThat(stats.admitted()).isEqualTo(stats.pending() + stats.committed() + stats.dropped());
                reads++;
            }
            return reads;
        });
        List<Future<?>> adders = startAdders(fixture.mempool, fixture.state);
        for (Future<?> adder : adders) {
            adder.get(30, TimeUnit.SECONDS);
        }
        admitting.set(false);
        assertThat(proposer.get(30, TimeUnit.SECONDS)).isPositive();

        assertThat(fixture.mempool.size()).isEqualTo(ALL.size());
        assertThat(fixture.mempool.bytes()).isEqualTo(ALL.stream().mapToLong(Transaction::encodedSize).sum());
        MempoolStats stats = fixture.mempool.stats();
        assertThat(stats.admitted()).isEqualTo(ALL.size());
        assertThat(stats.refused()).containsOnlyKeys("duplicate");
        assertThat(stats.refusedTotal()).isEqualTo((long) ALL.size() * (THREADS - 1));
        assertThat(fixture.verifications.calls()).as("one verification per transaction").isEqualTo(ALL.size());
        List<Transaction> candidates = fixture.candidates();
        assertThat(candidates).containsExactlyInAnyOrderElementsOf(ALL);
        assertRunsFromZeroWithoutGaps(candidates);
    }

    @Test
    void everyTransactionIsAdmittedOnceAndCommittedOnceWhileBlocksCommit() throws Exception {
        MempoolFixture fixture = new MempoolFixture(GENESIS, MempoolLimits.defaults());
        AtomicBoolean admitting = new AtomicBoolean(true);
        Future<Integer> consensus = threads.submit(() -> {
            int included = 0;
            while (admitting.get() || fixture.mempool.hasIncludable(fixture.state)) {
                List<Transaction> block = fixture.mempool.candidates(fixture.state, 25, Long.MAX_VALUE);
                assertRunsFromNonces(block, fixture.state);
                block.forEach(tx -> execute(fixture.state, tx)); // the store commits first, then the mempool hears
                fixture.mempool.committed(block, fixture.state);
                included += block.size();
                MempoolStats stats = fixture.mempool.stats();
                assertThat(stats.admitted()).isEqualTo(stats.pending() + stats.committed() + stats.dropped());
            }
            return included;
        });
        for (Future<?> adder : startAdders(fixture.mempool, fixture.state)) {
            adder.get(30, TimeUnit.SECONDS);
        }
        admitting.set(false);

        assertThat(consensus.get(30, TimeUnit.SECONDS)).isEqualTo(ALL.size());
        assertThat(fixture.mempool.size()).isZero();
        assertThat(fixture.mempool.bytes()).isZero();
        MempoolStats stats = fixture.mempool.stats();
        assertThat(stats.admitted()).isEqualTo(ALL.size());
        assertThat(stats.committed()).isEqualTo(ALL.size());
        assertThat(stats.dropped()).isZero();
        assertThat(stats.refused()).containsOnlyKeys("duplicate");
        assertThat(fixture.verifications.calls()).as("one verification per transaction").isEqualTo(ALL.size());
        for (int i = 0; i < SENDERS; i++) {
            assertThat(fixture.state.account(TestKeys.account(i).publicKey()).orElseThrow().nonce()).isEqualTo(NONCES);
        }
    }

    private List<Future<?>> startAdders(Mempool mempool, AccountsState state) {
        List<Future<?>> adders = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            List<Transaction> order = new ArrayList<>(ALL);
            Collections.shuffle(order, new Random(t));
            boolean encoded = t % 2 == 0; // half as bytes from the network, half as decoded transactions
            adders.add(threads.submit((Callable<Void>) () -> {
                for (Transaction tx : order) {
                    Admission admission = encoded ? mempool.add(tx.encode(), state) : mempool.add(tx, state);
                    if (admission instanceof Admission.Refused refused && !refused.reason().equals("duplicate")) {
                        throw new AssertionError("refused " + tx + ": " + refused);
                    }
                }
                return null;
            }));
        }
        return adders;
    }

    /** As the ledger would: the nonce moves on and a transfer's amount changes hands. */
    private static void execute(AccountsState state, Transaction tx) {
        state.advanceNonce(tx.sender(), 1);
        Transfer transfer = (Transfer) tx.operation();
        state.update(tx.sender(), account -> account.withBalance(account.balance() - transfer.amount()));
        state.update(transfer.to(), account -> account.withBalance(account.balance() + transfer.amount()));
    }

    private static void assertRunsFromZeroWithoutGaps(List<Transaction> candidates) {
        assertRunsFromNonces(candidates, new AccountsState(GENESIS));
    }

    /** Each sender's candidates are its consecutive nonces from its account nonce. */
    private static void assertRunsFromNonces(List<Transaction> candidates, AccountsState state) {
        Map<PublicKey, Long> expected = new HashMap<>();
        for (Transaction tx : candidates) {
            long next = expected.computeIfAbsent(tx.sender(),
                    key -> state.account(key).map(Account::nonce).orElseThrow());
            assertThat(tx.nonce()).as("nonce of %s in %s", tx.sender(), candidates).isEqualTo(next);
            expected.put(tx.sender(), next + 1);
        }
    }

    private static List<Transaction> signAll() {
        List<Transaction> all = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) {
            KeyPair sender = TestKeys.account(i);
            PublicKey to = TestKeys.account((i + 1) % SENDERS).publicKey();
            for (int nonce = 0; nonce < NONCES; nonce++) {
                all.add(Transaction.sign(TestGenesis.CHAIN_ID, sender, nonce, new Transfer(to, 1 + nonce)));
            }
        }
        return List.copyOf(all);
    }
}
