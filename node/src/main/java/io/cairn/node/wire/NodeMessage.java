package io.cairn.node.wire;

import io.cairn.consensus.messages.ConsensusMessage;
import java.util.List;
import java.util.Objects;

/**
 * What validators say to each other over p2p, one message per frame (see {@link NodeMessageCodec}):
 * consensus messages, gossiped transactions, block sync requests and answers, and head status.
 */
public sealed interface NodeMessage {

    /** A PBFT message, signed by its sender (the core checks the signature). */
    record Consensus(ConsensusMessage message) implements NodeMessage {
        public Consensus {
            Objects.requireNonNull(message, "message");
        }
    }

    /** Transactions in their canonical encoding, flooded to peers in batches. */
    record Transactions(List<byte[]> encoded) implements NodeMessage {
        public Transactions {
            encoded = List.copyOf(encoded);
        }
    }

    /** Asks for the committed blocks {@code from..to} (inclusive) with their certificates. */
    record BlocksRequest(long from, long to) implements NodeMessage {
        public BlocksRequest {
            if (from < 1 || to < from) {
                throw new IllegalArgumentException("a block range is 1 <= from <= to, got " + from + ".." + to);
            }
        }
    }

    /** Consecutive committed blocks, each with the ledger encoding of its certificate. */
    record Blocks(List<CertifiedBlock> blocks) implements NodeMessage {
        public Blocks {
            blocks = List.copyOf(blocks);
        }
    }

    /** A block and its commit certificate, both in the ledger's canonical encoding. */
    record CertifiedBlock(byte[] block, byte[] certificate) {
        public CertifiedBlock {
            Objects.requireNonNull(block, "block");
            Objects.requireNonNull(certificate, "certificate");
        }
    }

    /** The sender's committed height, sent on connect and then every few seconds. */
    record Status(long height) implements NodeMessage {
        public Status {
            if (height < 0) {
                throw new IllegalArgumentException("height must not be negative");
            }
        }
    }
}
