package io.cairn.consensus.types;

import java.util.Optional;

/** The port through which a primary gets a block to propose; the node builds it from its mempool. */
@FunctionalInterface
public interface ProposalBuilder {
    /**
     * A block for {@code height} on the chain applied so far, proposed in {@code view}; empty when
     * there is nothing worth proposing.
     */
    Optional<Proposal> build(long height, long view);
}
