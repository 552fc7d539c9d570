package io.cairn.testnet.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cairn.crypto.KeyPair;
import io.cairn.crypto.PublicKey;
import io.cairn.ledger.testing.TestKeys;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The submit loop against fake JSON-RPC nodes: nonce order, retries, refusals, pacing and commits. */
class SubmitLoopTest {
    private static final String CHAIN = "cairn-bench";
    private static final List<KeyPair> ACCOUNTS = IntStream.range(0, 6).mapToObj(TestKeys::account).toList();
    private static final long[] FIRST = {0, 3, 0, 7, 1, 0};

    private static Map<PublicKey, Long> chainAccounts() {
        Map<PublicKey, Long> accounts = new HashMap<>();
        for (int k = 0; k < ACCOUNTS.size(); k++) {
            accounts.put(ACCOUNTS.get(k).publicKey(), FIRST[k]);
        }
        return accounts;
    }

    private static SubmitLoop loop(FakeChainServer chain, PresignedLoad load, SubmitLoop.Settings settings,
            RejectionTally tally) {
        return new SubmitLoop(chain.uris().stream().map(NodeRpc::new).toList(), load, settings, tally,
                System::currentTimeMillis);
    }

    private static SubmitLoop.Settings asFastAsPossible(int batch, int window) {
        return new SubmitLoop.Settings(batch, window, 0, Long.MAX_VALUE, 20);
    }

    @Test
    void everyTransactionIsAdmittedInNonceOrderDespiteFullMempoolsAndIsSeenCommitted() throws Exception {
        PresignedLoad load = PresignedLoad.sign(CHAIN, ACCOUNTS, FIRST, 300);
        RejectionTally tally = new RejectionTally();
        try (FakeChainServer chain = new FakeChainServer(2, chainAccounts(), 7, tx -> false)) {
            SubmitLoop loop = loop(chain, load, asFastAsPossible(50, 8), tally);
            loop.run();

            assertThat(loop.submitted()).isEqualTo(300);
            for (int k = 0; k < ACCOUNTS.size(); k++) {
                // the chain admits only the exact next nonce, so this list is the order the loop achieved
                assertThat(chain.admittedNonces(ACCOUNTS.get(k).publicKey()))
                        .containsExactlyElementsOf(LongStream.range(FIRST[k], FIRST[k] + 50).boxed().toList());
            }
            assertThat(chain.refusals()).containsKey("mempool_full");
            Map<String, Long> expected = new HashMap<>();
            chain.refusals().forEach((reason, count) -> expected.put(reason, (long) count));
            assertThat(tally.snapshot()).isEqualTo(expected);

            CommitWatcher watcher = new CommitWatcher(chain.uris().stream().map(NodeRpc::new).toList(),
                    System::currentTimeMillis, load.hashes());
            watcher.poll();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                watcher.poll();
                return loop.submittedAt().keySet().stream().allMatch(h -> watcher.committedAt(h) != null);
            });
            assertThat(watcher.blocks()).isEqualTo(chain.blockCount());
            assertThat(watcher.transactions()).isEqualTo(300);
            assertThat(watcher.committedOfWatched()).isEqualTo(300);
        }
    }

    @Test
    void aPermanentRefusalEndsOnlyThatAccountAndIsCountedOnce() throws Exception {
        PresignedLoad load = PresignedLoad.sign(CHAIN, ACCOUNTS, FIRST, 60);
        PublicKey broke = ACCOUNTS.get(1).publicKey();
        RejectionTally tally = new RejectionTally();
        try (FakeChainServer chain = new FakeChainServer(2, chainAccounts(), 0,
                tx -> tx.sender().equals(broke) && tx.nonce() == FIRST[1] + 4)) {
            SubmitLoop loop = loop(chain, load, asFastAsPossible(20, 1), tally);
            loop.run();

            assertThat(chain.admittedNonces(broke)).containsExactly(3L, 4L, 5L, 6L);
            assertThat(loop.submitted()).isEqualTo(60 - 10 + 4);
            assertThat(tally.snapshot()).isEqualTo(Map.of("insufficient_balance", 1L));
        }
    }

    @Test
    void aFixedRateSpreadsSubmissionsOverTimeAndTheDeadlineStopsThem() throws Exception {
        PresignedLoad load = PresignedLoad.sign(CHAIN, ACCOUNTS, FIRST, 1_000);
        try (FakeChainServer chain = new FakeChainServer(2, chainAccounts(), 0, tx -> false)) {
            long started = System.currentTimeMillis();
            SubmitLoop loop = loop(chain, load,
                    new SubmitLoop.Settings(10, 8, 100, started + 600, 20), new RejectionTally());
            loop.run();
            long elapsed = System.currentTimeMillis() - started;

            assertThat(loop.submitted()).isPositive();
            // 100 tx/s for at most `elapsed` ms, plus one batch per node sent at the start of its interval
            assertThat(loop.submitted()).isLessThanOrEqualTo(100 * elapsed / 1000 + 2 * 10);
            assertThat(elapsed).isLessThan(5_000);
        }
    }

    @Test
    void atAFixedRateEachBatchHoldsAtMostAPacingIntervalOfItsNodesShareSoTheLoadArrivesSmoothly() throws Exception {
        PresignedLoad load = PresignedLoad.sign(CHAIN, ACCOUNTS, FIRST, 600);
        try (FakeChainServer chain = new FakeChainServer(2, chainAccounts(), 0, tx -> false)) {
            // 1,000 tx/s over 2 nodes: 500 per node per second, 10 per 20 ms interval, though batches may hold 200
            SubmitLoop loop = loop(chain, load, new SubmitLoop.Settings(200, 64, 1_000, Long.MAX_VALUE, 20),
                    new RejectionTally());
            loop.run();

            assertThat(loop.submitted()).isEqualTo(600);
            assertThat(chain.submitBatchSizes()).isNotEmpty().allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(
                    (int) Math.ceil(500 * SubmitLoop.PACED_BATCH_MILLIS / 1000.0)));
        }
    }

    @Test
    void aNodeThatDoesNotAnswerCountsFailedRequestsUntilTheDeadlineWhileTheOthersGoOn() throws Exception {
        PresignedLoad load = PresignedLoad.sign(CHAIN, ACCOUNTS, FIRST, 60);
        RejectionTally tally = new RejectionTally();
        try (FakeChainServer chain = new FakeChainServer(2, chainAccounts(), 0, tx -> false)) {
            chain.stopNode(1);
            SubmitLoop loop = loop(chain, load,
                    new SubmitLoop.Settings(20, 8, 0, System.currentTimeMillis() + 500, 50), tally);
            loop.run();

            // node 0 holds accounts 0, 2, 4: their 30 transfers; node 1's accounts got nowhere
            assertThat(loop.submitted()).isEqualTo(30);
            assertThat(tally.snapshot()).containsOnlyKeys(SubmitLoop.REQUEST_FAILED);
            assertThat(chain.admittedNonces(ACCOUNTS.get(1).publicKey())).isEmpty();
        }
    }

    @Test
    void aDuplicateAnswerCountsAsAdmittedBecauseAnEarlierAttemptGotItIn() throws Exception {
        PresignedLoad load = PresignedLoad.sign(CHAIN, ACCOUNTS.subList(0, 1), new long[] {0}, 3);
        Map<PublicKey, Long> accounts = Map.of(ACCOUNTS.get(0).publicKey(), 0L);
        RejectionTally tally = new RejectionTally();
        try (FakeChainServer chain = new FakeChainServer(1, accounts, 0, tx -> false)) {
            // a request whose answer was lost admitted the first transfer already: sent again, it is a duplicate
            new NodeRpc(chain.uris().get(0)).call("tx_submit", Map.of("tx", load.of(0).get(0).encodedHex()));
            SubmitLoop loop = loop(chain, load, asFastAsPossible(10, 4), tally);
            loop.run();

            assertThat(chain.admittedNonces(ACCOUNTS.get(0).publicKey())).containsExactly(0L, 1L, 2L);
            assertThat(loop.submitted()).isEqualTo(3);
            assertThat(loop.submittedAt()).containsKey(load.of(0).get(0).hash());
            assertThat(tally.snapshot()).isEqualTo(Map.of("duplicate", 1L));
        }
    }

    @Test
    void aNonceAnotherTransactionUsedIsSkippedNotRetried() throws Exception {
        PresignedLoad load = PresignedLoad.sign(CHAIN, ACCOUNTS.subList(0, 1), new long[] {0}, 3);
        // the chain is one nonce ahead of what the transfers were signed from
        Map<PublicKey, Long> accounts = Map.of(ACCOUNTS.get(0).publicKey(), 1L);
        RejectionTally tally = new RejectionTally();
        try (FakeChainServer chain = new FakeChainServer(1, accounts, 0, tx -> false)) {
            SubmitLoop loop = loop(chain, load, asFastAsPossible(10, 4), tally);
            loop.run();

            assertThat(chain.admittedNonces(ACCOUNTS.get(0).publicKey())).containsExactly(1L, 2L);
            assertThat(loop.submitted()).isEqualTo(2);
            assertThat(tally.snapshot()).isEqualTo(Map.of("nonce_too_low", 1L));
        }
    }
}
