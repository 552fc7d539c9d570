package io.cairn.ledger.codec;

import io.cairn.crypto.Hex;
import io.cairn.crypto.testing.RandomCases;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Valid encodings with a few bytes flipped, overwritten, inserted, deleted or cut off: these get
 * past the version and length checks that stop most random bytes, into the deep paths (lengths
 * that lie, counts that disagree, orders that break). The oracle is the same as for random bytes.
 * A failure prints the mutated input and the valid encoding it came from in hex, the edits, and
 * the case seed to replay.
 */
class MutationFuzzTest {
    private static final int TRIES = 5000;
    /** Bytes at the edges of range checks, written half the time. */
    private static final Byte[] EDGE_BYTES = {0, 1, 2, 3, 4, 0x7f, (byte) 0x80, (byte) 0xff};

    enum Edit { FLIP_BIT, OVERWRITE, INSERT, DELETE, TRUNCATE }

    /** One edit at {@code position} (taken modulo the length); {@code value} is the byte written or the bit flipped. */
    record Mutation(Edit edit, int position, byte value) {
        byte[] applyTo(byte[] input) {
            int n = input.length;
            switch (edit) {
                case INSERT: {
                    int at = position % (n + 1);
                    byte[] out = new byte[n + 1];
                    System.arraycopy(input, 0, out, 0, at);
                    out[at] = value;
                    System.arraycopy(input, at, out, at + 1, n - at);
                    return out;
                }
                case TRUNCATE:
                    return Arrays.copyOf(input, position % (n + 1));
                default:
                    break;
            }
            if (n == 0) {
                return input;
            }
            int at = position % n;
            byte[] out = input.clone();
            switch (edit) {
                case FLIP_BIT:
                    out[at] ^= (byte) (1 << (value & 7));
                    return out;
                case OVERWRITE:
                    out[at] = value;
                    return out;
                case DELETE: {
                    byte[] shorter = new byte[n - 1];
                    System.arraycopy(input, 0, shorter, 0, at);
                    System.arraycopy(input, at + 1, shorter, at, n - at - 1);
                    return shorter;
                }
                default:
                    throw new IllegalStateException("unhandled edit " + edit);
            }
        }
    }

    @Test
    void mutatedTransactionsNeverCrashTheDecoder() {
        fuzz(PublicDecoder.TRANSACTION, random -> CodecGenerators.transaction(random, false));
    }

    @Test
    void mutatedBlocksNeverCrashTheDecoder() {
        fuzz(PublicDecoder.BLOCK, random -> CodecGenerators.block(random, 5, false));
    }

    @Test
    void mutatedHeadersNeverCrashTheDecoder() {
        fuzz(PublicDecoder.HEADER, CodecGenerators::header);
    }

    @Test
    void mutatedCertificatesNeverCrashTheDecoder() {
        fuzz(PublicDecoder.CERTIFICATE, random -> CodecGenerators.certificate(random, 8));
    }

    @Test
    void mutatedAccountsNeverCrashTheDecoder() {
        fuzz(PublicDecoder.ACCOUNT, CodecGenerators::account);
    }

    @Test
    void mutatedLocationsNeverCrashTheDecoder() {
        fuzz(PublicDecoder.LOCATION, CodecGenerators::location);
    }

    /** Both outcomes must occur, or the mutations are too weak (never rejected) or too wild (never accepted). */
    private static <T> void fuzz(PublicDecoder<T> decoder, Function<Random, T> values) {
        Coverage coverage = new Coverage();
        RandomCases.forAll("mutated " + decoder + " never crashes the decoder", TRIES, random -> {
            boolean decoded = check(decoder, values.apply(random), mutations(random));
            coverage.collect("outcome", decoded ? "decoded" : "rejected");
        });
        coverage.assertEverySeen("outcome", "decoded", "rejected");
    }

    private static <T> boolean check(PublicDecoder<T> decoder, T valid, List<Mutation> mutations) {
        byte[] original = decoder.encode(valid);
        byte[] input = original;
        for (Mutation mutation : mutations) {
            input = mutation.applyTo(input);
        }
        try {
            return decoder.assertCanonicalOrRejected(input);
        } catch (AssertionError failure) {
            throw new AssertionError(failure.getMessage() + "\n  after applying " + mutations + " to the valid encoding "
                    + Hex.encode(original), failure);
        }
    }

    /** One to four edits; half the written values are ones at the edges of range checks. */
    private static List<Mutation> mutations(Random random) {
        int count = 1 + random.nextInt(4);
        List<Mutation> mutations = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Edit edit = CodecGenerators.oneOf(random, Edit.values());
            int position = random.nextInt() & Integer.MAX_VALUE;
            byte value = random.nextBoolean() ? (byte) random.nextInt() : CodecGenerators.oneOf(random, EDGE_BYTES);
            mutations.add(new Mutation(edit, position, value));
        }
        return mutations;
    }
}
