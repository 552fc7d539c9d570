package io.cairn.consensus.messages;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.consensus.testing.Blocks;
import io.cairn.consensus.testing.TestMessages;
import io.cairn.crypto.encoding.DecodeException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The decoder accepts only the canonical encoding: each way to bend the layout is refused with a
 * DecodeException naming the field and the byte where it went wrong.
 */
class MessageCodecStrictnessTest {
    private static final String MALFORMED = "malformed consensus message: ";

    @Test
    void refusesAnUnknownType() {
        for (int code : new int[] {0, 6, 255}) {
            byte[] bytes = new WireLayout().u8(code).vote(1, 0, 1, 0, 2).bytes();
            assertRefused(bytes, "type at byte 0: unknown message type " + code);
        }
    }

    @Test
    void refusesHeightZeroAndViewZeroWhereAViewChangeNeedsOne() {
        assertRefused(new WireLayout().u8(3).vote(0, 0, 1, 0, 2).bytes(), "height at byte 1: must be at least 1");
        assertRefused(new WireLayout().u8(4).u64(0).u64(1).u8(0).u8(0).u16(0).fill(64, 1).u32(0).bytes(),
                "new view at byte 1: must be at least 1");
        assertRefused(new WireLayout().u8(5).u64(1).u64(0).bytes(), "height at byte 9: must be at least 1");
    }

    @Test
    void refusesNumbersAboveTwoToThe63() {
        assertRefused(new WireLayout().u8(3).vote(-1, 0, 1, 0, 2).bytes(), "height at byte 1: value is above 2^63 - 1");
        assertRefused(new WireLayout().u8(3).vote(1, Long.MIN_VALUE, 1, 0, 2).bytes(), "view at byte 9: value is above 2^63 - 1");
    }

    @Test
    void refusesAFlagByteOtherThanZeroOrOne() {
        assertRefused(new WireLayout().u8(4).u64(1).u64(1).u8(2).bytes(), "has last commit at byte 17: a flag must be 0 or 1, got 2");
        assertRefused(new WireLayout().u8(4).u64(1).u64(1).u8(0).u8(0xff).bytes(), "has prepared at byte 18: a flag must be 0 or 1, got 255");
        byte[] viewChange = Arrays.copyOfRange(viewChangeBody(), 1, viewChangeBody().length - 4);
        assertRefused(new WireLayout().u8(5).u64(1).u64(1).u16(1).raw(viewChange).u8(7).bytes(),
                "has pre-prepare at byte " + (19 + viewChange.length) + ": a flag must be 0 or 1, got 7");
    }

    @Test
    void refusesSignersOutOfOrderOrRepeated() {
        // A VIEW-CHANGE whose last commit is at byte 18; its second signer is at byte 134.
        for (int[] signers : new int[][] {{1, 0}, {1, 1}}) {
            byte[] bytes = new WireLayout().u8(4).u64(1).u64(2).u8(1).u64(1).u64(0).fill(32, 9).u16(2)
                    .u16(signers[0]).fill(64, 1).u16(signers[1]).fill(64, 2).bytes();
            assertRefused(bytes, "certificate signer at byte 134: validator " + signers[1]
                    + " is not above the previous one (1)");
        }
    }

    @Test
    void refusesCountsOutside1To256() {
        for (int count : new int[] {0, 257, 0xffff}) {
            byte[] certificate = new WireLayout().u8(4).u64(1).u64(2).u8(1).u64(1).u64(0).fill(32, 9).u16(count).bytes();
            assertRefused(certificate, "certificate signature count at byte 66: " + count + " is outside 1..256");
            assertRefused(new WireLayout().u8(5).u64(1).u64(1).u16(count).bytes(),
                    "view change count at byte 17: " + count + " is outside 1..256");
        }
    }

    @Test
    void refusesASenderOutsideTheLargestValidatorSet() {
        assertRefused(new WireLayout().u8(3).vote(1, 0, 1, 256, 2).bytes(), "sender at byte 49: 256 is outside 0..255");
    }

    @Test
    void refusesAProposalOverTheLimit() {
        int over = MessageCodec.MAX_PROPOSAL_BYTES + 1;
        assertRefused(new WireLayout().u8(1).vote(1, 0, 1, 0, 2).u32(over).bytes(),
                "proposal length at byte 115: " + over + " is outside 0.." + MessageCodec.MAX_PROPOSAL_BYTES);
        assertRefused(new WireLayout().u8(1).vote(1, 0, 1, 0, 2).u32(0xffffffffL).bytes(), "proposal length at byte 115");
    }

    @Test
    void refusesAMessageOverTheLimitBeforeReadingIt() {
        byte[] huge = new byte[MessageCodec.MAX_PROPOSAL_BYTES + 64 * 1024 + 1];
        assertThatThrownBy(() -> MessageCodec.decode(huge)).isInstanceOf(DecodeException.class)
                .hasMessage(MALFORMED + huge.length + " bytes is over the limit");
    }

    @Test
    void refusesTrailingBytes() {
        byte[] commit = MessageCodec.encode(new TestMessages(4).commit(1, 0, Blocks.digest("A"), 2));
        assertRefused(Arrays.copyOf(commit, commit.length + 1), "end at byte 115: 1 trailing bytes");
        byte[] newView = MessageCodec.encode(new TestMessages(4).newView(1, 1,
                List.of(new TestMessages(4).viewChange(1, 1, 2)), Optional.empty(), 1));
        assertRefused(Arrays.copyOf(newView, newView.length + 3), "end at byte " + newView.length + ": 3 trailing bytes");
    }

    @Test
    void namesTheViewChangeInsideANewView() {
        byte[] good = Arrays.copyOfRange(viewChangeBody(), 1, viewChangeBody().length - 4);
        byte[] bytes = new WireLayout().u8(5).u64(1).u64(1).u16(2).raw(good).u64(1).u64(1).u8(3).bytes();
        assertRefused(bytes, "viewChanges[1].has last commit at byte " + (19 + good.length + 16)
                + ": a flag must be 0 or 1, got 3");
    }

    @Test
    void refusesEveryTruncation() {
        TestMessages messages = new TestMessages(4);
        ViewChange full = messages.viewChange(1, 2, Optional.of(messages.commits(1, 0, Blocks.digest("A"), 0, 1, 2)),
                Optional.of(messages.prepared(2, 0, Blocks.digest("B"), 0, 2, 3)), Blocks.bytes("B"), 2);
        for (ConsensusMessage message : List.of(messages.prePrepare(1, 0, "A", 0), messages.prepare(1, 0, Blocks.digest("A"), 1),
                full, messages.newView(1, 2, List.of(full), Optional.of(messages.prePrepare(2, 1, "B", 1)), 1))) {
            byte[] bytes = MessageCodec.encode(message);
            for (int length = 0; length < bytes.length; length++) {
                byte[] cut = Arrays.copyOf(bytes, length);
                assertThatThrownBy(() -> MessageCodec.decode(cut)).as("%s cut to %d bytes", message.type(), length)
                        .isInstanceOf(DecodeException.class).hasMessageStartingWith(MALFORMED);
            }
        }
    }

    /** A plain VIEW-CHANGE as encoded: type, body, sender, signature and an empty block. */
    private static byte[] viewChangeBody() {
        return MessageCodec.encode(new TestMessages(4).viewChange(1, 1, 2));
    }

    private static void assertRefused(byte[] bytes, String problem) {
        assertThatThrownBy(() -> MessageCodec.decode(bytes)).isInstanceOf(DecodeException.class)
                .hasMessageStartingWith(MALFORMED).hasMessageContaining(problem);
    }
}
