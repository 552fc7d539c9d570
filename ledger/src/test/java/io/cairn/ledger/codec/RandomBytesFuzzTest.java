package io.cairn.ledger.codec;

import io.cairn.crypto.encoding.DecodeException;
import io.cairn.crypto.testing.RandomCases;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random bytes never crash a decoder: each input either decodes to a value that re-encodes to
 * exactly the input, or is a DecodeException. Sizes lean towards each type's valid lengths and
 * bytes towards the values that pass the first checks (0, 1, small codes, 0x7f, 0x80, 0xff).
 * A failure prints the input in hex (see {@link PublicDecoder#assertCanonicalOrRejected}) and
 * the case seed to replay.
 */
class RandomBytesFuzzTest {
    private static final int TRIES = 5000;

    @Test
    void transactionDecoderNeverCrashes() {
        // The smallest put, grant and transfer with a 1-character chain id, and the same with 32 characters.
        fuzz(PublicDecoder.TRANSACTION, 113, 141, 148, 144, 172, 179);
    }

    @Test
    void blockDecoderNeverCrashes() {
        fuzz(PublicDecoder.BLOCK, BlockCodec.HEADER_BYTES, BlockCodec.HEADER_BYTES + 113, BlockCodec.HEADER_BYTES + 141);
    }

    @Test
    void headerDecoderNeverCrashes() {
        fuzz(PublicDecoder.HEADER, BlockCodec.HEADER_BYTES);
    }

    @Test
    void certificateDecoderNeverCrashes() {
        fuzz(PublicDecoder.CERTIFICATE, 50 + 66, 50 + 2 * 66, 50 + 3 * 66);
    }

    @Test
    void accountDecoderNeverCrashes() {
        fuzz(PublicDecoder.ACCOUNT, StateCodec.ACCOUNT_BYTES);
    }

    @Test
    void locationDecoderNeverCrashes() {
        fuzz(PublicDecoder.LOCATION, 13);
    }

    private static void fuzz(PublicDecoder<?> decoder, int... validSizes) {
        RandomCases.forAll(decoder + " decoder never crashes on random bytes", TRIES,
                random -> decoder.assertCanonicalOrRejected(input(random, validSizes)));
    }

    /** Half any size up to 600, half one of {@code validSizes}. */
    private static byte[] input(Random random, int... validSizes) {
        int size = random.nextBoolean() ? random.nextInt(601) : validSizes[random.nextInt(validSizes.length)];
        return biasedBytes(random, size);
    }

    private static final byte[] INTERESTING = {0, 1, 2, 3, 4, 5, 0x7f, (byte) 0x80, (byte) 0xff, 'a'};

    /** A quarter of the bytes are ones that pass range checks or sit at their edges. */
    private static byte[] biasedBytes(Random random, int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = random.nextInt(4) == 0 ? INTERESTING[random.nextInt(INTERESTING.length)] : (byte) random.nextInt();
        }
        return bytes;
    }
}
