package io.cairn.ledger.bench;

import io.cairn.crypto.Hash;
import io.cairn.crypto.KeyPair;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Transaction;
import io.cairn.crypto.encoding.DecodeException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What admitting one 250-byte transaction costs: decode, hash, verify, and all three. The
 * transactions come from 1,024 different senders so no key or message is warm in a cache.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TransactionBenchmark {
    static final int TRANSACTION_BYTES = 250;
    private static final int POOL = 1024;

    private byte[][] encoded;
    private Transaction[] decoded;
    private int next;

    @Setup
    public void signPool() {
        encoded = new byte[POOL][];
        decoded = new Transaction[POOL];
        Random random = new Random(42);
        for (int i = 0; i < POOL; i++) {
            decoded[i] = transaction250(KeyPair.fromLabel("bench-" + i), random);
            encoded[i] = decoded[i].encode();
        }
        if (encoded[0].length != TRANSACTION_BYTES) {
            throw new IllegalStateException("bench transaction is " + encoded[0].length + " bytes");
        }
    }

    /** A put whose key and value make the encoding exactly 250 bytes. */
    static Transaction transaction250(KeyPair sender, Random random) {
        byte[] key = new byte[32];
        byte[] value = new byte[96];
        random.nextBytes(key);
        random.nextBytes(value);
        return Transaction.sign("cairn-bench", sender, random.nextInt(1_000_000), new Operation.Put(key, value));
    }

    @Benchmark
    public Transaction decode() throws DecodeException {
        return Transaction.decode(encoded[next++ & (POOL - 1)]);
    }

    @Benchmark
    public Hash hash() {
        return Hash.of(encoded[next++ & (POOL - 1)]);
    }

    @Benchmark
    public boolean verify() {
        return decoded[next++ & (POOL - 1)].hasValidSignature();
    }

    @Benchmark
    public boolean decodeHashVerify() throws DecodeException {
        byte[] bytes = encoded[next++ & (POOL - 1)];
        Transaction tx = Transaction.decode(bytes);
        Hash hash = Hash.of(bytes);
        return tx.hasValidSignature() && hash != null;
    }
}
