package io.cairn.consensus.messages;

import io.cairn.crypto.Hash;
import io.cairn.crypto.Signature;
import java.util.Objects;

/**
 * A validator's signed statement about one block at one (height, view): the shape shared by
 * PRE-PREPARE (the primary proposes it), PREPARE and COMMIT.
 */
public record Vote(MessageType type, long height, long view, Hash digest, int sender, Signature signature) {
    public Vote {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(signature, "signature");
        if (type == MessageType.VIEW_CHANGE || type == MessageType.NEW_VIEW) {
            throw new IllegalArgumentException("a vote is a pre-prepare, prepare or commit, not " + type);
        }
        if (height < 1 || view < 0 || sender < 0) {
            throw new IllegalArgumentException("height must be at least 1, view and sender not negative");
        }
    }

    public byte[] signBytes(String chainId) {
        return SignBytes.of(chainId, type, height, view, digest);
    }
}
