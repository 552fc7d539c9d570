package io.cairn.consensus.messages;

import io.cairn.crypto.Signature;
import java.util.Objects;

/** A validator that saw the block prepared commits to it for (height, view). */
public record Commit(Vote vote) implements ConsensusMessage {
    public Commit {
        Objects.requireNonNull(vote, "vote");
        if (vote.type() != MessageType.COMMIT) {
            throw new IllegalArgumentException("a commit carries a commit vote, not " + vote.type());
        }
    }

    @Override
    public MessageType type() {
        return MessageType.COMMIT;
    }

    @Override
    public long height() {
        return vote.height();
    }

    @Override
    public long view() {
        return vote.view();
    }

    @Override
    public int sender() {
        return vote.sender();
    }

    @Override
    public Signature signature() {
        return vote.signature();
    }

    @Override
    public byte[] signBytes(String chainId) {
        return vote.signBytes(chainId);
    }
}
