package io.cairn.ledger.codec;

import io.cairn.ledger.Account;
import io.cairn.ledger.Block;
import io.cairn.ledger.BlockHeader;
import io.cairn.ledger.CommitCertificate;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.codec.StateCodec.TransactionLocation;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Valid encodings with a few bytes flipped, overwritten, inserted, deleted or cut off: these get
 * past the version and length checks that stop most random bytes, into the deep paths (lengths
 * that lie, counts that disagree, orders that break). The oracle is the same as for random bytes.
 */
class MutationFuzzTest {
    private static final int TRIES = 5000;

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

    @Property(tries = TRIES)
    void mutatedTransactionsNeverCrashTheDecoder(@ForAll("transactions") Transaction tx,
            @ForAll("mutations") List<Mutation> mutations) {
        check(PublicDecoder.TRANSACTION, tx, mutations);
    }

    @Property(tries = TRIES)
    void mutatedBlocksNeverCrashTheDecoder(@ForAll("blocks") Block block, @ForAll("mutations") List<Mutation> mutations) {
        check(PublicDecoder.BLOCK, block, mutations);
    }

    @Property(tries = TRIES)
    void mutatedHeadersNeverCrashTheDecoder(@ForAll("headers") BlockHeader header,
            @ForAll("mutations") List<Mutation> mutations) {
        check(PublicDecoder.HEADER, header, mutations);
    }

    @Property(tries = TRIES)
    void mutatedCertificatesNeverCrashTheDecoder(@ForAll("certificates") CommitCertificate certificate,
            @ForAll("mutations") List<Mutation> mutations) {
        check(PublicDecoder.CERTIFICATE, certificate, mutations);
    }

    @Property(tries = TRIES)
    void mutatedAccountsNeverCrashTheDecoder(@ForAll("accounts") Account account,
            @ForAll("mutations") List<Mutation> mutations) {
        check(PublicDecoder.ACCOUNT, account, mutations);
    }

    @Property(tries = TRIES)
    void mutatedLocationsNeverCrashTheDecoder(@ForAll("locations") TransactionLocation location,
            @ForAll("mutations") List<Mutation> mutations) {
        check(PublicDecoder.LOCATION, location, mutations);
    }

    /** Both outcomes must occur, or the mutations are too weak (never rejected) or too wild (never accepted). */
    private static <T> void check(PublicDecoder<T> decoder, T valid, List<Mutation> mutations) {
        byte[] input = decoder.encode(valid);
        for (Mutation mutation : mutations) {
            input = mutation.applyTo(input);
        }
        boolean decoded = decoder.assertCanonicalOrRejected(input);
        Statistics.collect(decoded ? "decoded" : "rejected");
        Statistics.coverage(coverage -> {
            coverage.check("decoded").count(n -> n > 0);
            coverage.check("rejected").count(n -> n > 0);
        });
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Byte> values = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.bytes()),
                Tuple.of(1, Arbitraries.of((byte) 0, (byte) 1, (byte) 2, (byte) 3, (byte) 4, (byte) 0x7f,
                        (byte) 0x80, (byte) 0xff)));
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.of(Edit.class),
                Arbitraries.integers().greaterOrEqual(0), values).as(Mutation::new);
        return mutation.list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<Transaction> transactions() {
        return CodecArbitraries.transactions(false);
    }

    @Provide
    Arbitrary<Block> blocks() {
        return CodecArbitraries.blocks(5, false);
    }

    @Provide
    Arbitrary<BlockHeader> headers() {
        return CodecArbitraries.headers();
    }

    @Provide
    Arbitrary<CommitCertificate> certificates() {
        return CodecArbitraries.certificates(8);
    }

    @Provide
    Arbitrary<Account> accounts() {
        return CodecArbitraries.accounts();
    }

    @Provide
    Arbitrary<TransactionLocation> locations() {
        return CodecArbitraries.locations();
    }
}
