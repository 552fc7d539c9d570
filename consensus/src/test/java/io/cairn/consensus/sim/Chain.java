package io.cairn.consensus.sim;

import io.cairn.consensus.messages.CommitCertificate;
import io.cairn.crypto.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A node's committed blocks with their certificates: its store, which survives a crash. Heights
 * start at 1; block h is at index h - 1.
 */
public final class Chain {
    /** One committed block as stored and as served to peers that sync. */
    public record StoredBlock(long height, byte[] bytes, Hash digest, CommitCertificate certificate) {}

    private final List<StoredBlock> blocks = new ArrayList<>();

    public long height() {
        return blocks.size();
    }

    /** The digest of the last block, or the genesis parent when empty. */
    public Hash head() {
        return blocks.isEmpty() ? SimBlocks.GENESIS_PARENT : blocks.get(blocks.size() - 1).digest();
    }

    /** The digest of block {@code height} (the genesis parent for height 0). */
    public Hash digestAt(long height) {
        return height == 0 ? SimBlocks.GENESIS_PARENT : get(height).digest();
    }

    public StoredBlock get(long height) {
        return blocks.get((int) (height - 1));
    }

    public Optional<CommitCertificate> lastCertificate() {
        return blocks.isEmpty() ? Optional.empty() : Optional.of(blocks.get(blocks.size() - 1).certificate());
    }

    void append(StoredBlock block) {
        if (block.height() != height() + 1) {
            throw new IllegalStateException("the driver applied height " + block.height() + " on a chain at " + height());
        }
        blocks.add(block);
    }

    /** Blocks {@code from} to {@code to}, as many as this chain has, at most {@code max}. */
    public List<StoredBlock> range(long from, long to, int max) {
        List<StoredBlock> result = new ArrayList<>();
        for (long h = Math.max(1, from); h <= Math.min(to, height()) && result.size() < max; h++) {
            result.add(get(h));
        }
        return result;
    }
}
