package io.cairn.node.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.consensus.messages.Commit;
import io.cairn.consensus.messages.MessageType;
import io.cairn.consensus.messages.Vote;
import io.cairn.crypto.Hash;
import io.cairn.crypto.KeyPair;
import io.cairn.crypto.encoding.DecodeException;
import io.cairn.crypto.testing.RandomCases;
import io.cairn.node.wire.NodeMessage.Blocks;
import io.cairn.node.wire.NodeMessage.BlocksRequest;
import io.cairn.node.wire.NodeMessage.CertifiedBlock;
import io.cairn.node.wire.NodeMessage.Consensus;
import io.cairn.node.wire.NodeMessage.Status;
import io.cairn.node.wire.NodeMessage.Transactions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeMessageCodecTest {
    private static final Commit COMMIT = new Commit(new Vote(MessageType.COMMIT, 3, 1,
            Hash.of("block".getBytes(StandardCharsets.UTF_8)), 2, KeyPair.fromLabel("v2").sign(new byte[] {1})));

    private static List<NodeMessage> samples() {
        return List.of(new Consensus(COMMIT), new Transactions(List.of(new byte[] {1, 2, 3}, new byte[] {4})),
                new BlocksRequest(5, 9), new Blocks(List.of(new CertifiedBlock(new byte[] {7}, new byte[] {8, 9}))),
                new Blocks(List.of()), new Status(42));
    }

    @Test
    void everyMessageRoundTrips() throws Exception {
        for (NodeMessage message : samples()) {
            byte[] encoded = NodeMessageCodec.encode(message);
            assertThat(NodeMessageCodec.encode(NodeMessageCodec.decode(encoded))).isEqualTo(encoded);
        }
    }

    @Test
    void layoutsArePinned() {
        assertThat(NodeMessageCodec.encode(new Status(258))).containsExactly(5, 0, 0, 0, 0, 0, 0, 1, 2);
        assertThat(NodeMessageCodec.encode(new BlocksRequest(1, 2)))
                .containsExactly(3, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2);
        assertThat(NodeMessageCodec.encode(new Transactions(List.of(new byte[] {9}))))
                .containsExactly(2, 0, 1, 0, 0, 0, 1, 9);
    }

    @Test
    void refusesAnUnknownType() {
        assertThatThrownBy(() -> NodeMessageCodec.decode(new byte[] {99})).isInstanceOf(DecodeException.class)
                .hasMessageContaining("unknown message type 99");
    }

    @Test
    void refusesAnEmptyPayload() {
        assertThatThrownBy(() -> NodeMessageCodec.decode(new byte[0])).isInstanceOf(DecodeException.class)
                .hasMessageContaining("type");
    }

    @Test
    void refusesTrailingBytes() {
        byte[] encoded = NodeMessageCodec.encode(new Status(1));
        byte[] longer = java.util.Arrays.copyOf(encoded, encoded.length + 1);
        assertThatThrownBy(() -> NodeMessageCodec.decode(longer)).isInstanceOf(DecodeException.class);
    }

    @Test
    void refusesABackwardsRange() {
        byte[] encoded = NodeMessageCodec.encode(new BlocksRequest(5, 9));
        encoded[16] = 4; // to = 4 < from = 5
        assertThatThrownBy(() -> NodeMessageCodec.decode(encoded)).isInstanceOf(DecodeException.class)
                .hasMessageContaining("5..4");
    }

    @Test
    void refusesAnEmptyOrOversizedTransactionBatch() {
        assertThatThrownBy(() -> NodeMessageCodec.decode(new byte[] {2, 0, 0})).isInstanceOf(DecodeException.class)
                .hasMessageContaining("count");
        assertThatThrownBy(() -> NodeMessageCodec.decode(new byte[] {2, (byte) 0xff, (byte) 0xff}))
                .isInstanceOf(DecodeException.class).hasMessageContaining("count");
    }

    @Test
    void refusesALengthBeyondThePayloadBeforeAllocating() {
        byte[] lying = {2, 0, 1, (byte) 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1};
        assertThatThrownBy(() -> NodeMessageCodec.decode(lying)).isInstanceOf(DecodeException.class)
                .hasMessageContaining("transactions[0]");
    }

    @Test
    void everyTruncationIsADecodeException() {
        for (NodeMessage message : samples()) {
            byte[] encoded = NodeMessageCodec.encode(message);
            for (int length = 0; length < encoded.length; length++) {
                byte[] cut = java.util.Arrays.copyOf(encoded, length);
                if (message instanceof Blocks blocks && blocks.blocks().isEmpty() && length == encoded.length) {
                    continue;
                }
                assertThatThrownBy(() -> NodeMessageCodec.decode(cut)).as("%s cut to %d bytes", message, length)
                        .isInstanceOf(DecodeException.class);
            }
        }
    }

    @Test
    void randomAndMutatedBytesOnlyEverGiveADecodeException() {
        List<byte[]> encodings = samples().stream().map(NodeMessageCodec::encode).toList();
        RandomCases.forAll("node message garbage", 20_000, random -> {
            byte[] bytes;
            if (random.nextBoolean()) {
                bytes = new byte[random.nextInt(64)];
                random.nextBytes(bytes);
            } else {
                bytes = encodings.get(random.nextInt(encodings.size())).clone();
                bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
            }
            try {
                NodeMessage decoded = NodeMessageCodec.decode(bytes);
                assertThat(NodeMessageCodec.encode(decoded)).isEqualTo(bytes); // accepted means canonical
            } catch (DecodeException expected) {
                // the only failure allowed
            }
        });
    }
}
