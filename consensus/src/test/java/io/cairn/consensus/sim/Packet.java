package io.cairn.consensus.sim;

import io.cairn.consensus.messages.MessageCodec;
import io.cairn.consensus.sim.Chain.StoredBlock;
import io.cairn.crypto.encoding.ByteWriter;
import java.util.List;

/** What travels between simulated nodes: consensus messages as encoded bytes, and block sync. */
public sealed interface Packet permits Packet.Consensus, Packet.BlockRequest, Packet.BlockResponse {

    /** The bytes that go into the trace digest: the packet's full content. */
    byte[] traceBytes();

    /** An encoded consensus message (or, from a Byzantine node, bytes that may not decode). */
    record Consensus(byte[] bytes) implements Packet {
        @Override
        public byte[] traceBytes() {
            return new ByteWriter(bytes.length + 1).u8(1).bytes(bytes).toByteArray();
        }
    }

    /** Asks for blocks {@code from} to {@code to} with their certificates. */
    record BlockRequest(long from, long to) implements Packet {
        @Override
        public byte[] traceBytes() {
            return new ByteWriter(17).u8(2).u64(from).u64(to).toByteArray();
        }
    }

    /** Blocks with certificates, in height order. */
    record BlockResponse(List<StoredBlock> blocks) implements Packet {
        public BlockResponse {
            blocks = List.copyOf(blocks);
        }

        @Override
        public byte[] traceBytes() {
            ByteWriter writer = new ByteWriter(256).u8(3).u16(blocks.size());
            for (StoredBlock block : blocks) {
                writer.u64(block.height()).u32(block.bytes().length).bytes(block.bytes());
                MessageCodec.writeCommitCertificate(writer, block.certificate());
            }
            return writer.toByteArray();
        }
    }
}
