package io.cairn.ledger.codec;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Random bytes never crash a decoder: each input either decodes to a value that re-encodes to
 * exactly the input, or is a DecodeException. Sizes lean towards each type's valid lengths and
 * bytes towards the values that pass the first checks (0, 1, small codes, 0x7f, 0x80, 0xff).
 */
class RandomBytesFuzzTest {
    private static final int TRIES = 5000;

    @Property(tries = TRIES)
    void transactionDecoderNeverCrashes(@ForAll("transactionInputs") byte[] input) {
        collect(PublicDecoder.TRANSACTION.assertCanonicalOrRejected(input));
    }

    @Property(tries = TRIES)
    void blockDecoderNeverCrashes(@ForAll("blockInputs") byte[] input) {
        collect(PublicDecoder.BLOCK.assertCanonicalOrRejected(input));
    }

    @Property(tries = TRIES)
    void headerDecoderNeverCrashes(@ForAll("headerInputs") byte[] input) {
        collect(PublicDecoder.HEADER.assertCanonicalOrRejected(input));
    }

    @Property(tries = TRIES)
    void certificateDecoderNeverCrashes(@ForAll("certificateInputs") byte[] input) {
        collect(PublicDecoder.CERTIFICATE.assertCanonicalOrRejected(input));
    }

    @Property(tries = TRIES)
    void accountDecoderNeverCrashes(@ForAll("accountInputs") byte[] input) {
        collect(PublicDecoder.ACCOUNT.assertCanonicalOrRejected(input));
    }

    @Property(tries = TRIES)
    void locationDecoderNeverCrashes(@ForAll("locationInputs") byte[] input) {
        collect(PublicDecoder.LOCATION.assertCanonicalOrRejected(input));
    }

    private static void collect(boolean decoded) {
        Statistics.collect(decoded ? "decoded" : "rejected");
    }

    @Provide
    Arbitrary<byte[]> transactionInputs() {
        // The smallest put, grant and transfer with a 1-character chain id, and the same with 32 characters.
        return inputs(113, 141, 148, 144, 172, 179);
    }

    @Provide
    Arbitrary<byte[]> blockInputs() {
        return inputs(BlockCodec.HEADER_BYTES, BlockCodec.HEADER_BYTES + 113, BlockCodec.HEADER_BYTES + 141);
    }

    @Provide
    Arbitrary<byte[]> headerInputs() {
        return inputs(BlockCodec.HEADER_BYTES);
    }

    @Provide
    Arbitrary<byte[]> certificateInputs() {
        return inputs(50 + 66, 50 + 2 * 66, 50 + 3 * 66);
    }

    @Provide
    Arbitrary<byte[]> accountInputs() {
        return inputs(StateCodec.ACCOUNT_BYTES);
    }

    @Provide
    Arbitrary<byte[]> locationInputs() {
        return inputs(13);
    }

    /** Half any size up to 600, half one of {@code validSizes}; the bytes drawn from a seed. */
    private static Arbitrary<byte[]> inputs(Integer... validSizes) {
        Arbitrary<Integer> sizes = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.integers().between(0, 600)),
                Tuple.of(1, Arbitraries.of(validSizes)));
        return Combinators.combine(sizes, Arbitraries.longs()).as(RandomBytesFuzzTest::biasedBytes);
    }

    private static final byte[] INTERESTING = {0, 1, 2, 3, 4, 5, 0x7f, (byte) 0x80, (byte) 0xff, 'a'};

    /** A quarter of the bytes are ones that pass range checks or sit at their edges. */
    static byte[] biasedBytes(int size, long seed) {
        Random random = new Random(seed);
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = random.nextInt(4) == 0 ? INTERESTING[random.nextInt(INTERESTING.length)] : (byte) random.nextInt();
        }
        return bytes;
    }
}
