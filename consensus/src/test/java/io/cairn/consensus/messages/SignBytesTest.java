package io.cairn.consensus.messages;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.consensus.Ready;
import io.cairn.consensus.testing.Blocks;
import io.cairn.consensus.testing.CoreHarness;
import io.cairn.consensus.testing.TestMessages;
import io.cairn.consensus.testing.TestValidators;
import io.cairn.crypto.Hash;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What validators sign, pinned byte for byte to the documented layout:
 * {@code "cairn-pbft" | u8 n, chain id | u8 type | u64 height | u64 view | digest (32)}.
 */
class SignBytesTest {
    private static final String CHAIN = TestValidators.CHAIN_ID;
    private static final Hash A = Blocks.digest("A");

    @Test
    void votesSignTheDocumentedLayout() {
        for (MessageType type : new MessageType[] {MessageType.PRE_PREPARE, MessageType.PREPARE, MessageType.COMMIT}) {
            byte[] expected = layout(CHAIN, type.code(), 0x0102030405060708L, 0x1112131415161718L, A);
            assertThat(SignBytes.of(CHAIN, type, 0x0102030405060708L, 0x1112131415161718L, A)).isEqualTo(expected);
            Vote vote = new TestMessages(4).vote(type, 0x0102030405060708L, 0x1112131415161718L, A, 1);
            assertThat(vote.signBytes(CHAIN)).isEqualTo(expected);
        }
    }

    @Test
    void theTypeCodesAreFixed() {
        assertThat(MessageType.PRE_PREPARE.code()).isEqualTo(1);
        assertThat(MessageType.PREPARE.code()).isEqualTo(2);
        assertThat(MessageType.COMMIT.code()).isEqualTo(3);
        assertThat(MessageType.VIEW_CHANGE.code()).isEqualTo(4);
        assertThat(MessageType.NEW_VIEW.code()).isEqualTo(5);
    }

    @Test
    void aViewChangeSignsTheHashOfItsBody() {
        // body = u64 new view | u64 height | u8 has last commit | u8 has prepared
        ViewChange viewChange = new TestMessages(4).viewChange(3, 7, 2);
        Hash body = Hash.of(new WireLayout().u64(3).u64(7).u8(0).u8(0).bytes());
        assertThat(viewChange.signBytes(CHAIN)).isEqualTo(layout(CHAIN, 4, 7, 3, body));
        assertThat(TestValidators.key(2).publicKey().verify(layout(CHAIN, 4, 7, 3, body), viewChange.signature())).isTrue();
    }

    @Test
    void aNewViewSignsTheHashOfItsBody() {
        // body = u64 view | u64 height | u16 count | (view-change body | u16 sender | signature)* | u8 has pre-prepare
        TestMessages messages = new TestMessages(4);
        ViewChange viewChange = messages.viewChange(1, 7, 2);
        NewView newView = messages.newView(1, 7, java.util.List.of(viewChange), Optional.empty(), 1);
        byte[] body = new WireLayout().u64(1).u64(7).u16(1).u64(1).u64(7).u8(0).u8(0).u16(2)
                .raw(viewChange.signature().toByteArray()).u8(0).bytes();
        assertThat(newView.signBytes(CHAIN)).isEqualTo(layout(CHAIN, 5, 7, 1, Hash.of(body)));
    }

    @Test
    void theChainIdIsPartOfWhatIsSigned() {
        assertThat(SignBytes.of("chain-a", MessageType.COMMIT, 1, 0, A))
                .isNotEqualTo(SignBytes.of("chain-b", MessageType.COMMIT, 1, 0, A));
    }

    @Test
    void aCoresVotesVerifyOverTheHandBuiltBytes() {
        CoreHarness harness = CoreHarness.of(4, 1, 10);
        harness.start();
        Ready ready = harness.deliver(new TestMessages(4).prePrepare(1, 0, "A", 0));
        Prepare prepare = (Prepare) ready.messages().get(0).message();
        assertThat(TestValidators.key(1).publicKey().verify(layout(CHAIN, 2, 1, 0, A), prepare.signature())).isTrue();
        assertThat(TestValidators.key(0).publicKey().verify(layout(CHAIN, 1, 1, 0, A), prepare.primarySignature())).isTrue();
        assertThat(TestValidators.key(1).publicKey().verify(layout("other-chain", 2, 1, 0, A), prepare.signature())).isFalse();
    }

    private static byte[] layout(String chainId, int type, long height, long view, Hash digest) {
        return new WireLayout().ascii("cairn-pbft").u8(chainId.length()).ascii(chainId).u8(type).u64(height).u64(view)
                .raw(digest.toByteArray()).bytes();
    }
}
