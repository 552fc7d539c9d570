package io.cairn.consensus.messages;

import io.cairn.crypto.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Proof that a block was prepared at (height, view): the primary's signed PRE-PREPARE and the
 * PREPARE signatures of a quorum of distinct validators for the same (height, view, digest).
 * A view change carries the highest one its sender holds; the new primary must re-propose the
 * block of the highest among a quorum of them (PBFT section 4.4).
 */
public record PreparedCertificate(Vote prePrepare, List<ValidatorSignature> prepares) {
    public PreparedCertificate {
        Objects.requireNonNull(prePrepare, "prePrepare");
        if (prePrepare.type() != MessageType.PRE_PREPARE) {
            throw new IllegalArgumentException("a prepared certificate starts with a pre-prepare");
        }
        prepares = List.copyOf(prepares);
        CommitCertificate.requireAscending(prepares);
    }

    public static PreparedCertificate of(Vote prePrepare, List<Vote> prepares) {
        return new PreparedCertificate(prePrepare, CommitCertificate.signaturesOf(prepares));
    }

    public long height() {
        return prePrepare.height();
    }

    public long view() {
        return prePrepare.view();
    }

    public Hash digest() {
        return prePrepare.digest();
    }

    /** The PREPARE vote of each signer, to check each signature. */
    public List<Vote> prepareVotes() {
        List<Vote> votes = new ArrayList<>(prepares.size());
        for (ValidatorSignature signature : prepares) {
            votes.add(new Vote(MessageType.PREPARE, height(), view(), digest(), signature.validator(), signature.signature()));
        }
        return votes;
    }
}
