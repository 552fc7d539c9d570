package io.cairn.ledger.bench;

import io.cairn.ledger.CommitCertificate;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.state.BlockVerifier;
import io.cairn.ledger.state.InvalidBlockException;
import io.cairn.ledger.state.ProposedBlock;
import io.cairn.ledger.store.InMemoryKeyValueStore;
import io.cairn.ledger.store.LedgerStore;
import io.cairn.ledger.store.LevelDbKeyValueStore;
import io.cairn.ledger.store.StoreCorruptedException;
import io.cairn.ledger.testing.TestChain;
import io.cairn.ledger.testing.TestGenesis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Committing blocks of 1,000 transactions to LevelDB, one synced batch each, into a fresh store
 * per invocation. {@code commit} is the store alone; {@code verifyAndCommit} adds what a backup
 * does first, re-executing the block against the stored state (signatures are checked once at
 * admission, so they are not re-checked here). Scores are per transaction.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BlockCommitBenchmark {
    static final int BLOCKS = 20;
    static final int TRANSACTIONS_PER_BLOCK = 1_000;

    private Genesis genesis;
    private final List<ProposedBlock> blocks = new ArrayList<>();
    private final List<CommitCertificate> certificates = new ArrayList<>();
    private Path directory;
    private LedgerStore store;

    @Setup(Level.Trial)
    public void buildBlocks() throws StoreCorruptedException {
        genesis = TestGenesis.of(4, 2_000);
        TestChain chain = new TestChain(genesis, 7);
        try (LedgerStore memory = LedgerStore.open(new InMemoryKeyValueStore(), genesis)) {
            for (int i = 0; i < BLOCKS; i++) {
                ProposedBlock proposed = chain.nextBlock(memory.head(), memory, TRANSACTIONS_PER_BLOCK);
                CommitCertificate certificate = chain.certify(proposed.block());
                memory.commit(proposed.block(), certificate, proposed.execution());
                blocks.add(proposed);
                certificates.add(certificate);
            }
        }
    }

    @Setup(Level.Invocation)
    public void openFreshStore() throws IOException, StoreCorruptedException {
        directory = Files.createTempDirectory("cairn-bench-");
        store = LedgerStore.open(LevelDbKeyValueStore.open(directory), genesis);
    }

    @TearDown(Level.Invocation)
    public void deleteStore() throws IOException {
        store.close();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(BLOCKS * TRANSACTIONS_PER_BLOCK)
    public long commit() {
        for (int i = 0; i < BLOCKS; i++) {
            ProposedBlock proposed = blocks.get(i);
            store.commit(proposed.block(), certificates.get(i), proposed.execution());
        }
        return store.head().height();
    }

    @Benchmark
    @OperationsPerInvocation(BLOCKS * TRANSACTIONS_PER_BLOCK)
    public long verifyAndCommit() throws InvalidBlockException {
        BlockVerifier verifier = new BlockVerifier(genesis);
        for (int i = 0; i < BLOCKS; i++) {
            ProposedBlock proposed = blocks.get(i);
            var execution = verifier.verify(store.head(), store, proposed.block(), (hash, tx) -> true);
            store.commit(proposed.block(), certificates.get(i), execution);
        }
        return store.head().height();
    }
}
