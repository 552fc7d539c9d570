package io.cairn.consensus.types;

import io.cairn.crypto.Hash;
import java.util.Optional;

/** The port through which a backup checks a proposed block; the node decodes and executes it. */
public interface ProposalValidator {
    /**
     * The digest of {@code proposal} when it is a valid block for {@code height} on the chain
     * applied so far, proposed in {@code view}; empty when it is not. Honest nodes on the same
     * chain must agree.
     */
    Optional<Hash> validate(long height, long view, byte[] proposal);

    /** The digest of {@code proposal}, if it has one (a block that decodes), without checking it. */
    Optional<Hash> digest(byte[] proposal);
}
