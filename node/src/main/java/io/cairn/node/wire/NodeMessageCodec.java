package io.cairn.node.wire;

import io.cairn.consensus.messages.MessageCodec;
import io.cairn.crypto.encoding.ByteReader;
import io.cairn.crypto.encoding.ByteWriter;
import io.cairn.crypto.encoding.DecodeException;
import io.cairn.node.wire.NodeMessage.Blocks;
import io.cairn.node.wire.NodeMessage.BlocksRequest;
import io.cairn.node.wire.NodeMessage.CertifiedBlock;
import io.cairn.node.wire.NodeMessage.Consensus;
import io.cairn.node.wire.NodeMessage.Status;
import io.cairn.node.wire.NodeMessage.Transactions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The payload of a p2p frame, strict like every Cairn codec: one type byte, then
 * <pre>
 *   1 consensus     = consensus message (docs/consensus.md)
 *   2 transactions  = u16 count (1..MAX_BATCH) | count &times; (u32 n | n bytes)
 *   3 blocks request = u64 from (&ge; 1) | u64 to (&ge; from)
 *   4 blocks        = u16 count (0..MAX_BLOCKS) | count &times; (u32 n | block | u32 m | certificate)
 *   5 status        = u64 committed height
 * </pre>
 * The frame's own size limit bounds every length; nothing is allocated before it is checked
 * against what is left.
 */
public final class NodeMessageCodec {
    public static final int MAX_BATCH = 4_096;
    public static final int MAX_BLOCKS = 1_024;
    private static final int CONSENSUS = 1;
    private static final int TRANSACTIONS = 2;
    private static final int BLOCKS_REQUEST = 3;
    private static final int BLOCKS = 4;
    private static final int STATUS = 5;

    private NodeMessageCodec() {}

    public static byte[] encode(NodeMessage message) {
        if (message instanceof Consensus consensus) {
            byte[] body = MessageCodec.encode(consensus.message());
            byte[] out = new byte[1 + body.length];
            out[0] = CONSENSUS;
            System.arraycopy(body, 0, out, 1, body.length);
            return out;
        }
        if (message instanceof Transactions transactions) {
            ByteWriter writer = new ByteWriter(3 + 300 * transactions.encoded().size())
                    .u8(TRANSACTIONS).u16(transactions.encoded().size());
            transactions.encoded().forEach(tx -> writer.u32(tx.length).bytes(tx));
            return writer.toByteArray();
        }
        if (message instanceof BlocksRequest request) {
            return new ByteWriter(17).u8(BLOCKS_REQUEST).u64(request.from()).u64(request.to()).toByteArray();
        }
        if (message instanceof Blocks blocks) {
            ByteWriter writer = new ByteWriter(1024).u8(BLOCKS).u16(blocks.blocks().size());
            for (CertifiedBlock block : blocks.blocks()) {
                writer.u32(block.block().length).bytes(block.block())
                        .u32(block.certificate().length).bytes(block.certificate());
            }
            return writer.toByteArray();
        }
        Status status = (Status) message;
        return new ByteWriter(9).u8(STATUS).u64(status.height()).toByteArray();
    }

    public static NodeMessage decode(byte[] payload) throws DecodeException {
        ByteReader reader = new ByteReader(payload, "p2p message");
        int type = reader.u8("type");
        NodeMessage message;
        switch (type) {
            case CONSENSUS:
                return new Consensus(MessageCodec.decode(Arrays.copyOfRange(payload, 1, payload.length)));
            case TRANSACTIONS:
                message = new Transactions(readTransactions(reader));
                break;
            case BLOCKS_REQUEST:
                message = readRequest(reader);
                break;
            case BLOCKS:
                message = new Blocks(readBlocks(reader));
                break;
            case STATUS:
                message = new Status(reader.u63("height"));
                break;
            default:
                throw reader.errorAt(0, "type", "unknown message type " + type);
        }
        reader.expectEnd();
        return message;
    }

    private static List<byte[]> readTransactions(ByteReader reader) throws DecodeException {
        int count = reader.u16InRange("count", 1, MAX_BATCH);
        List<byte[]> encoded = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            encoded.add(reader.bytes(reader.u32InRange("transactions[" + i + "].length", 1, reader.remaining()),
                    "transactions[" + i + "]"));
        }
        return encoded;
    }

    private static BlocksRequest readRequest(ByteReader reader) throws DecodeException {
        int at = reader.position();
        long from = reader.u63("from");
        long to = reader.u63("to");
        if (from < 1 || to < from) {
            throw reader.errorAt(at, "from", "a block range is 1 <= from <= to, got " + from + ".." + to);
        }
        return new BlocksRequest(from, to);
    }

    private static List<CertifiedBlock> readBlocks(ByteReader reader) throws DecodeException {
        int count = reader.u16InRange("count", 0, MAX_BLOCKS);
        List<CertifiedBlock> blocks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] block = reader.bytes(reader.u32InRange("blocks[" + i + "].length", 1, reader.remaining()),
                    "blocks[" + i + "]");
            byte[] certificate = reader.bytes(reader.u32InRange("blocks[" + i + "].certificate length", 1,
                    reader.remaining()), "blocks[" + i + "].certificate");
            blocks.add(new CertifiedBlock(block, certificate));
        }
        return blocks;
    }
}
