package io.cairn.consensus.messages;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.consensus.testing.Blocks;
import io.cairn.consensus.testing.RandomMessages;
import io.cairn.consensus.testing.TestMessages;
import io.cairn.crypto.Hash;
import io.cairn.crypto.Signature;
import io.cairn.crypto.encoding.DecodeException;
import io.cairn.crypto.testing.RandomCases;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every message survives encode then decode unchanged, and its encoding is the one documented. */
class MessageCodecTest {
    private static final Hash A = Blocks.digest("A");

    private final TestMessages messages = new TestMessages(4);

    @Test
    void roundTripsEachKindOfMessage() throws DecodeException {
        CommitCertificate last = messages.commits(1, 0, A, 0, 1, 2);
        PreparedCertificate prepared = messages.prepared(2, 0, A, 0, 1, 3);
        ViewChange plain = messages.viewChange(1, 2, 3);
        ViewChange full = messages.viewChange(1, 2, Optional.of(last), Optional.of(prepared), Blocks.bytes("A"), 1);
        List<ConsensusMessage> all = List.of(
                messages.prePrepare(1, 0, "A", 0),
                new PrePrepare(messages.vote(MessageType.PRE_PREPARE, 9, 4, A, 0), new byte[0]),
                messages.prepare(1, 0, A, 2),
                messages.commit(1, 0, A, 3),
                plain,
                full,
                messages.viewChange(1, 2, Optional.of(last), Optional.empty(), new byte[0], 0),
                messages.newView(1, 2, List.of(full, plain), Optional.of(messages.prePrepare(2, 1, "A", 1)), 1),
                messages.newView(1, 2, List.of(plain), Optional.empty(), 1));
        for (ConsensusMessage message : all) {
            assertRoundTrip(message);
        }
    }

    @Test
    void roundTripsRandomMessages() {
        RandomCases.forAll("messages round-trip", 2000, random -> assertRoundTrip(RandomMessages.message(random)));
    }

    @Test
    void aNewViewCarriesItsViewChangesWithoutTheirBlocks() throws DecodeException {
        ViewChange withBlock = messages.viewChange(1, 1, Optional.empty(),
                Optional.of(messages.prepared(1, 0, A, 0, 1, 2)), Blocks.bytes("A"), 2);
        NewView newView = new NewView(1, 1, List.of(withBlock), Optional.empty(), 1, Signature.wrap(new byte[64]));
        NewView decoded = (NewView) MessageCodec.decode(MessageCodec.encode(newView));
        assertThat(decoded.viewChanges()).containsExactly(withBlock.withoutProposal());
        assertThat(decoded.bodyDigest()).isEqualTo(newView.bodyDigest());
    }

    @Test
    void writesACommitAsDocumented() {
        // COMMIT = u8 3 | u64 height | u64 view | digest | u16 sender | signature
        Vote vote = new Vote(MessageType.COMMIT, 0x0102030405060708L, 9, Hash.wrap(filled(32, 0xdd)), 0x0203,
                Signature.wrap(filled(64, 0x55)));
        byte[] expected = new WireLayout().u8(3).vote(0x0102030405060708L, 9, 0xdd, 0x0203, 0x55).bytes();
        assertThat(MessageCodec.encode(new Commit(vote))).isEqualTo(expected);
    }

    @Test
    void writesAPrePrepareAndAPrepareAsDocumented() {
        Vote vote = new Vote(MessageType.PRE_PREPARE, 5, 6, Hash.wrap(filled(32, 0xd1)), 7, Signature.wrap(filled(64, 0x51)));
        assertThat(MessageCodec.encode(new PrePrepare(vote, new byte[] {9, 8, 7})))
                .isEqualTo(new WireLayout().u8(1).vote(5, 6, 0xd1, 7, 0x51).u32(3).raw(new byte[] {9, 8, 7}).bytes());
        Vote prepare = new Vote(MessageType.PREPARE, 5, 6, Hash.wrap(filled(32, 0xd1)), 2, Signature.wrap(filled(64, 0x52)));
        assertThat(MessageCodec.encode(new Prepare(prepare, Signature.wrap(filled(64, 0x51)))))
                .isEqualTo(new WireLayout().u8(2).vote(5, 6, 0xd1, 2, 0x52).fill(64, 0x51).bytes());
    }

    @Test
    void writesAViewChangeAsDocumented() {
        // VIEW-CHANGE = u8 4 | u64 new view | u64 height | u8 0 | u8 1 | prepared cert | u16 sender | signature | u32 n | block
        Vote prePrepare = new Vote(MessageType.PRE_PREPARE, 2, 0, Hash.wrap(filled(32, 0xd2)), 0, Signature.wrap(filled(64, 0x50)));
        PreparedCertificate prepared = new PreparedCertificate(prePrepare,
                List.of(new ValidatorSignature(1, Signature.wrap(filled(64, 0x61))),
                        new ValidatorSignature(3, Signature.wrap(filled(64, 0x63)))));
        ViewChange viewChange = new ViewChange(1, 2, Optional.empty(), Optional.of(prepared), 3,
                Signature.wrap(filled(64, 0x70)), new byte[] {4, 2});
        byte[] expected = new WireLayout().u8(4).u64(1).u64(2).u8(0).u8(1)
                .vote(2, 0, 0xd2, 0, 0x50).u16(2).u16(1).fill(64, 0x61).u16(3).fill(64, 0x63)
                .u16(3).fill(64, 0x70).u32(2).raw(new byte[] {4, 2}).bytes();
        assertThat(MessageCodec.encode(viewChange)).isEqualTo(expected);
    }

    private static void assertRoundTrip(ConsensusMessage message) throws DecodeException {
        byte[] bytes = MessageCodec.encode(message);
        ConsensusMessage decoded = MessageCodec.decode(bytes);
        assertThat(decoded).isEqualTo(message);
        assertThat(MessageCodec.encode(decoded)).as("canonical").isEqualTo(bytes);
    }

    static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
