package io.cairn.node.sync;

import io.cairn.ledger.store.BlockStore;
import io.cairn.node.wire.NodeMessage.Blocks;
import io.cairn.node.wire.NodeMessage.BlocksRequest;
import io.cairn.node.wire.NodeMessage.CertifiedBlock;
import io.cairn.node.wire.NodeMessageCodec;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers block sync requests from the store: consecutive committed blocks with their
 * certificates, from the requested height, as many as fit in one frame (at least one).
 */
public final class BlockServer {
    private final BlockStore store;
    private final long maxAnswerBytes;

    public BlockServer(BlockStore store, long maxAnswerBytes) {
        this.store = store;
        this.maxAnswerBytes = maxAnswerBytes;
    }

    public Blocks answer(BlocksRequest request) {
        long last = Math.min(request.to(), store.head().height());
        List<CertifiedBlock> blocks = new ArrayList<>();
        long bytes = 3;
        for (long height = request.from(); height <= last && blocks.size() < NodeMessageCodec.MAX_BLOCKS; height++) {
            // Encoded bytes straight from the store would avoid a decode and re-encode; the store
            // API hands out records, which keeps its checks in one place.
            byte[] block = store.block(height).orElseThrow().encode();
            byte[] certificate = store.certificate(height).orElseThrow().encode();
            bytes += 8 + block.length + certificate.length;
            if (!blocks.isEmpty() && bytes > maxAnswerBytes) {
                break;
            }
            blocks.add(new CertifiedBlock(block, certificate));
        }
        return new Blocks(blocks);
    }
}
