package io.cairn.consensus.messages;

import java.util.Arrays;
import java.util.Objects;

/** The primary proposes a block (opaque bytes whose digest the vote signs) for (height, view). */
public record PrePrepare(Vote vote, byte[] proposal) implements VoteMessage {
    public PrePrepare {
        Objects.requireNonNull(vote, "vote");
        if (vote.type() != MessageType.PRE_PREPARE) {
            throw new IllegalArgumentException("a pre-prepare carries a pre-prepare vote, not " + vote.type());
        }
        proposal = proposal.clone();
    }

    @Override
    public byte[] proposal() {
        return proposal.clone();
    }

    /** The proposal's length, without copying it. */
    public int proposalSize() {
        return proposal.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrePrepare other && vote.equals(other.vote) && Arrays.equals(proposal, other.proposal);
    }

    @Override
    public int hashCode() {
        return vote.hashCode();
    }

    @Override
    public String toString() {
        return "PrePrepare[" + vote + ", " + proposal.length + " bytes]";
    }
}
