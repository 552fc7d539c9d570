package io.cairn.consensus.messages;

import io.cairn.crypto.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Proof that a block is final: COMMIT signatures of a quorum of distinct validators for one
 * (height, view, digest), in strictly ascending validator order. Check it with
 * {@link io.cairn.consensus.validation.CertificateVerifier}.
 */
public record CommitCertificate(long height, long view, Hash digest, List<ValidatorSignature> signatures) {
    public CommitCertificate {
        Objects.requireNonNull(digest, "digest");
        signatures = List.copyOf(signatures);
        if (height < 1 || view < 0) {
            throw new IllegalArgumentException("height must be at least 1 and view not negative");
        }
        requireAscending(signatures);
    }

    /** The certificate made of these COMMIT votes, all for one (height, view, digest). */
    public static CommitCertificate of(List<Vote> commits) {
        Vote first = commits.get(0);
        return new CommitCertificate(first.height(), first.view(), first.digest(), signaturesOf(commits));
    }

    /** The COMMIT vote of each signer, to check each signature. */
    public List<Vote> votes() {
        List<Vote> votes = new ArrayList<>(signatures.size());
        for (ValidatorSignature signature : signatures) {
            votes.add(new Vote(MessageType.COMMIT, height, view, digest, signature.validator(), signature.signature()));
        }
        return votes;
    }

    static List<ValidatorSignature> signaturesOf(List<Vote> votes) {
        List<ValidatorSignature> signatures = new ArrayList<>(votes.size());
        votes.stream().sorted((a, b) -> Integer.compare(a.sender(), b.sender()))
                .forEach(vote -> signatures.add(new ValidatorSignature(vote.sender(), vote.signature())));
        return signatures;
    }

    static void requireAscending(List<ValidatorSignature> signatures) {
        if (signatures.isEmpty()) {
            throw new IllegalArgumentException("a certificate needs at least one signature");
        }
        for (int i = 1; i < signatures.size(); i++) {
            if (signatures.get(i).validator() <= signatures.get(i - 1).validator()) {
                throw new IllegalArgumentException("signatures must be in strictly ascending validator order");
            }
        }
    }
}
