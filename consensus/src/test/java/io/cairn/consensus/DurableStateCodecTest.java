package io.cairn.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.consensus.messages.MessageCodec;
import io.cairn.consensus.messages.MessageType;
import io.cairn.consensus.testing.Blocks;
import io.cairn.consensus.testing.RandomMessages;
import io.cairn.consensus.testing.TestMessages;
import io.cairn.crypto.Hash;
import io.cairn.crypto.encoding.DecodeException;
import io.cairn.crypto.testing.RandomCases;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a validator persists before any vote leaves it must read back exactly, or not at all: a
 * state misread after a crash could let it sign a second block for a (height, view).
 */
class DurableStateCodecTest {
    private static final String MALFORMED = "malformed consensus state: ";
    private static final Hash A = Blocks.digest("A");

    @Test
    void roundTripsTheInitialAndAFullState() throws DecodeException {
        TestMessages messages = new TestMessages(4);
        DurableState full = new DurableState(5, 3, true,
                List.of(new DurableState.Signed(MessageType.PREPARE, 2, A), new DurableState.Signed(MessageType.COMMIT, 2, A)),
                Optional.of(messages.prepared(5, 2, A, 0, 1, 3)), Blocks.bytes("A"));
        for (DurableState state : List.of(DurableState.initial(1), DurableState.initial(Long.MAX_VALUE), full)) {
            assertRoundTrip(state);
        }
    }

    @Test
    void roundTripsRandomStates() {
        RandomCases.forAll("durable states round-trip", 2000, random -> assertRoundTrip(RandomMessages.durableState(random)));
    }

    @Test
    void writesTheDocumentedLayout() {
        // u8 version 1 | u64 height | u64 view | u8 changing | u16 count | (u8 type | u64 view | digest)* | u8 has prepared | u32 n | block
        DurableState state = new DurableState(7, 2, true, List.of(new DurableState.Signed(MessageType.PREPARE, 2, A)),
                Optional.empty(), new byte[0]);
        byte[] expected = ByteBuffer.allocate(1 + 8 + 8 + 1 + 2 + 41 + 1 + 4).put((byte) 1).putLong(7).putLong(2)
                .put((byte) 1).putShort((short) 1).put((byte) 2).putLong(2).put(A.toByteArray()).put((byte) 0).putInt(0)
                .array();
        assertThat(state.encode()).isEqualTo(expected);
    }

    @Test
    void refusesAnotherVersion() {
        byte[] bytes = DurableState.initial(1).encode();
        bytes[0] = 2;
        assertRefused(bytes, "version at byte 0: unsupported consensus state version 2");
    }

    @Test
    void refusesFlagBytesOtherThanZeroOrOne() {
        byte[] changing = DurableState.initial(1).encode();
        changing[17] = 2;
        assertRefused(changing, "changing view at byte 17: a flag must be 0 or 1, got 2");
        byte[] prepared = DurableState.initial(1).encode();
        prepared[20] = (byte) 0x80;
        assertRefused(prepared, "has prepared at byte 20: a flag must be 0 or 1, got 128");
    }

    @Test
    void refusesAnUnknownSignedType() {
        byte[] bytes = new DurableState(1, 0, false, List.of(new DurableState.Signed(MessageType.COMMIT, 0, A)),
                Optional.empty(), new byte[0]).encode();
        for (int code : new int[] {0, 6, 255}) {
            bytes[20] = (byte) code;
            assertRefused(bytes, "signed type at byte 20: unknown type " + code);
        }
    }

    @Test
    void refusesMoreThan64SignedVotes() {
        byte[] bytes = DurableState.initial(1).encode();
        bytes[18] = 0;
        bytes[19] = 65;
        assertRefused(bytes, "signed count at byte 18: 65 is outside 0..64");
    }

    @Test
    void refusesHeightZero() {
        byte[] bytes = DurableState.initial(1).encode();
        bytes[8] = 0;
        assertThatThrownBy(() -> DurableState.decode(bytes)).isInstanceOf(DecodeException.class)
                .hasMessage(MALFORMED + "height 0");
    }

    @Test
    void refusesAKeptBlockOverTheLimit() {
        byte[] bytes = DurableState.initial(1).encode();
        ByteBuffer.wrap(bytes).putInt(21, MessageCodec.MAX_PROPOSAL_BYTES + 1);
        assertRefused(bytes, "prepared proposal length at byte 21: " + (MessageCodec.MAX_PROPOSAL_BYTES + 1) + " is outside");
    }

    @Test
    void refusesTrailingBytes() {
        byte[] bytes = DurableState.initial(1).encode();
        assertRefused(Arrays.copyOf(bytes, bytes.length + 1), "end at byte " + bytes.length + ": 1 trailing bytes");
    }

    @Test
    void refusesEveryTruncation() {
        TestMessages messages = new TestMessages(4);
        byte[] bytes = new DurableState(5, 3, true, List.of(new DurableState.Signed(MessageType.PREPARE, 3, A)),
                Optional.of(messages.prepared(5, 2, A, 0, 1, 3)), Blocks.bytes("A")).encode();
        for (int length = 0; length < bytes.length; length++) {
            byte[] cut = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> DurableState.decode(cut)).as("cut to %d bytes", length)
                    .isInstanceOf(DecodeException.class).hasMessageStartingWith(MALFORMED);
        }
    }

    private static void assertRoundTrip(DurableState state) throws DecodeException {
        byte[] bytes = state.encode();
        DurableState decoded = DurableState.decode(bytes);
        assertThat(decoded).isEqualTo(state);
        assertThat(decoded.encode()).as("canonical").isEqualTo(bytes);
    }

    private static void assertRefused(byte[] bytes, String problem) {
        assertThatThrownBy(() -> DurableState.decode(bytes)).isInstanceOf(DecodeException.class)
                .hasMessageStartingWith(MALFORMED).hasMessageContaining(problem);
    }
}
