package io.cairn.consensus.messages;

import io.cairn.crypto.Signature;
import java.util.Objects;

/**
 * A backup accepts the primary's proposal for (height, view). It carries the primary's
 * PRE-PREPARE signature as well: a node holding a different PRE-PREPARE from the same primary for
 * the same (height, view) then has two signed proposals, proof that the primary equivocated.
 */
public record Prepare(Vote vote, Signature primarySignature) implements VoteMessage {
    public Prepare {
        Objects.requireNonNull(vote, "vote");
        Objects.requireNonNull(primarySignature, "primarySignature");
        if (vote.type() != MessageType.PREPARE) {
            throw new IllegalArgumentException("a prepare carries a prepare vote, not " + vote.type());
        }
    }

    /** The primary's PRE-PREPARE vote this prepare vouches for, as the primary signed it. */
    public Vote primaryVote(int primary) {
        return new Vote(MessageType.PRE_PREPARE, vote.height(), vote.view(), vote.digest(), primary, primarySignature);
    }
}
