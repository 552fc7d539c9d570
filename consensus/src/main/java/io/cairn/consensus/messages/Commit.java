package io.cairn.consensus.messages;

import java.util.Objects;

/** A validator that saw the block prepared commits to it for (height, view). */
public record Commit(Vote vote) implements VoteMessage {
    public Commit {
        Objects.requireNonNull(vote, "vote");
        if (vote.type() != MessageType.COMMIT) {
            throw new IllegalArgumentException("a commit carries a commit vote, not " + vote.type());
        }
    }
}
