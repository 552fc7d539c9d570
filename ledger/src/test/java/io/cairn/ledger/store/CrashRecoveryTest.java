package io.cairn.ledger.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ledger.Block;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.state.ProposedBlock;
import io.cairn.ledger.store.LevelDbKeyValueStore.Engine;
import io.cairn.ledger.testing.TestGenesis;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * kill -9 while committing: a child JVM commits blocks of 1000 transactions in a loop and is
 * killed at a moment drawn from a seed: as it starts a commit, as LevelDB writes the batch, or
 * as it builds the next block. The store
 * must then open, hold every block the child reported committed and at most the one it was
 * writing, match a replay of the same chain entry for entry, hold nothing of the block after its
 * head, and commit on. Several kills per run reuse the directory, each continuing the chain.
 * Rerun a failure with -Dcairn.crash.seed=SEED.
 */
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CrashRecoveryTest {
    static final Genesis GENESIS = TestGenesis.of(4, 50);
    private static final int TRANSACTIONS = 1000;
    private static final int KILLS = 4;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<String> PHASES =
            List.of(CommittingChild.WRITING, CommittingChild.STORING, CommittingChild.COMMITTED);

    @TempDir
    Path directory;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Engine.class)
    void keepsEveryReportedCommitAndNothingOfTheInterruptedOne(Engine engine) throws Exception {
        long seed = Long.getLong("cairn.crash.seed", new Random().nextLong());
        Random random = new Random(seed);
        HeightSeededChain chain = new HeightSeededChain(GENESIS, seed, TRANSACTIONS);
        InMemoryKeyValueStore replayKv = new InMemoryKeyValueStore();
        LedgerStore replay = LedgerStore.open(replayKv, GENESIS);

        for (int kill = 1; kill <= KILLS; kill++) {
            long start = replay.head().height();
            long target = start + 1 + random.nextInt(3);
            String trigger = PHASES.get(random.nextInt(PHASES.size())) + target;
            String context = "seed " + seed + ", " + engine + ", kill " + kill + " on '" + trigger + "'";
            long reported = runUntilKilled(engine, seed, trigger, start, context);
            context += ", last reported commit " + reported;

            KeyValueStore kv = LevelDbKeyValueStore.open(directory, engine);
            try (LedgerStore store = open(kv, context)) {
                long head = store.head().height();
                assertThat(head).as(context).isBetween(reported, reported + 1);
                while (replay.head().height() < head) {
                    chain.commitNext(replay);
                }
                assertThat(store.head()).as(context).isEqualTo(replay.head());
                assertThat(StoreDump.differences(StoreDump.all(kv), StoreDump.all(replayKv))).as(context).isEmpty();

                ProposedBlock next = chain.next(replay); // what the child was building or writing, if head = reported
                assertNothingOf(next.block(), store, context);
                chain.commit(store, next);
                chain.commit(replay, next);
                assertThat(store.head()).as(context).isEqualTo(replay.head());
            }
        }
    }

    /** Runs the committing child until it prints {@code trigger}, kills it, and returns the last height it reported committed. */
    private long runUntilKilled(Engine engine, long seed, String trigger, long start, String context) throws Exception {
        try (ChildJvm child = ChildJvm.start(CommittingChild.class, List.of(), directory.toString(), engine.name(),
                Long.toString(seed), Integer.toString(TRANSACTIONS))) {
            child.await(trigger::equals, "'" + trigger + "'", WAIT);
            List<String> output = child.kill(WAIT);
            assertThat(child.exitValue()).as("%s: killed by SIGKILL; output:%n%s", context, child.output()).isEqualTo(137);
            return output.stream().filter(line -> line.startsWith(CommittingChild.COMMITTED))
                    .mapToLong(line -> Long.parseLong(line.substring(CommittingChild.COMMITTED.length())))
                    .max().orElse(start);
        }
    }

    private static LedgerStore open(KeyValueStore kv, String context) {
        try {
            return LedgerStore.open(kv, GENESIS);
        } catch (StoreCorruptedException e) {
            throw new AssertionError(context + ": the store was refused after the kill", e);
        }
    }

    private static void assertNothingOf(Block block, LedgerStore store, String context) {
        long height = block.height();
        assertThat(store.block(height)).as(context).isEmpty();
        assertThat(store.header(height)).as(context).isEmpty();
        assertThat(store.certificate(height)).as(context).isEmpty();
        assertThat(store.heightOf(block.hash())).as(context).isEmpty();
        assertThat(block.transactionHashes()).as("%s: transactions of block %d indexed", context, height)
                .hasSize(TRANSACTIONS).filteredOn(hash -> store.receipt(hash).isPresent()).isEmpty();
    }
}
