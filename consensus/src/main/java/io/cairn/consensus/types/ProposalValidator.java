package io.cairn.consensus.types;

import io.cairn.crypto.Hash;
import java.util.Optional;

/** The port through which a backup checks a proposed block; the node decodes and executes it. */
public interface ProposalValidator {
    /**
     * The digest of {@code proposal} when it is a valid block for {@code height} on the chain
     * applied so far; empty when it is not. Honest nodes on the same chain must agree. {@code view}
     * is the view it is proposed in now: a block re-proposed after a view change was built in an
     * earlier view (and by an earlier primary), so its validity must not depend on being built in
     * this one.
     */
    Optional<Hash> validate(long height, long view, byte[] proposal);

    /** The digest of {@code proposal}, if it has one (a block that decodes), without checking it. */
    Optional<Hash> digest(byte[] proposal);
}
