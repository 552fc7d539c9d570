package io.cairn.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.consensus.messages.MessageCodec;
import io.cairn.consensus.testing.RandomMessages;
import io.cairn.crypto.Hex;
import io.cairn.crypto.encoding.DecodeException;
import io.cairn.crypto.testing.RandomCases;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Bytes from the network (MessageCodec) and from disk (DurableState) never crash the decoder:
 * random and mutated inputs may only be refused with DecodeException, and whatever is accepted
 * re-encodes to exactly the input (one encoding per value).
 */
class CodecFuzzTest {
    private static final int TRIES = 5000;

    interface Decoder {
        byte[] roundTrip(byte[] bytes) throws DecodeException;
    }

    private static final Decoder MESSAGES = bytes -> MessageCodec.encode(MessageCodec.decode(bytes));
    private static final Decoder STATES = bytes -> DurableState.decode(bytes).encode();

    @Test
    void randomBytesNeverCrashTheMessageDecoder() {
        RandomCases.forAll("random message bytes", TRIES, random -> check(MESSAGES, randomInput(random, 1 + random.nextInt(5))));
    }

    @Test
    void randomBytesNeverCrashTheStateDecoder() {
        RandomCases.forAll("random state bytes", TRIES, random -> check(STATES, randomInput(random, 1)));
    }

    @Test
    void mutatedMessagesNeverCrashTheDecoder() {
        RandomCases.forAll("mutated messages", TRIES,
                random -> check(MESSAGES, mutate(random, MessageCodec.encode(RandomMessages.message(random)))));
    }

    @Test
    void mutatedStatesNeverCrashTheDecoder() {
        RandomCases.forAll("mutated states", TRIES,
                random -> check(STATES, mutate(random, RandomMessages.durableState(random).encode())));
    }

    /** Random bytes; half of them start with a valid leading byte, to get past the first check. */
    private static byte[] randomInput(Random random, int leading) {
        byte[] bytes = RandomCases.bytes(random, 400);
        if (bytes.length > 0 && random.nextBoolean()) {
            bytes[0] = (byte) leading;
        }
        return bytes;
    }

    /** One to three edits: flip a bit, overwrite, insert or delete a byte, or cut the input short. */
    private static byte[] mutate(Random random, byte[] valid) {
        byte[] bytes = valid;
        for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
            int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            byte value = random.nextBoolean() ? (byte) random.nextInt(256) : new byte[] {0, 1, 2, (byte) 0xff, (byte) 0x80}[random.nextInt(5)];
            switch (random.nextInt(5)) {
                case 0 -> bytes = edit(bytes, at, b -> b[at] ^= (byte) (1 << random.nextInt(8)));
                case 1 -> bytes = edit(bytes, at, b -> b[at] = value);
                case 2 -> {
                    byte[] longer = new byte[bytes.length + 1];
                    System.arraycopy(bytes, 0, longer, 0, at);
                    longer[at] = value;
                    System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                    bytes = longer;
                }
                case 3 -> {
                    if (bytes.length > 0) {
                        byte[] shorter = new byte[bytes.length - 1];
                        System.arraycopy(bytes, 0, shorter, 0, at);
                        System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
                        bytes = shorter;
                    }
                }
                default -> bytes = Arrays.copyOf(bytes, at);
            }
        }
        return bytes;
    }

    private static byte[] edit(byte[] bytes, int at, java.util.function.Consumer<byte[]> change) {
        if (bytes.length == 0) {
            return bytes;
        }
        byte[] copy = bytes.clone();
        change.accept(copy);
        return copy;
    }

    private static void check(Decoder decoder, byte[] input) {
        try {
            assertThat(decoder.roundTrip(input)).as("accepted input re-encodes to itself: %s", Hex.encode(input))
                    .isEqualTo(input);
        } catch (DecodeException expected) {
            assertThat(expected.getMessage()).startsWith("malformed consensus");
        } catch (RuntimeException crash) {
            throw new AssertionError("decoding " + Hex.encode(input) + " threw " + crash, crash);
        }
    }
}
