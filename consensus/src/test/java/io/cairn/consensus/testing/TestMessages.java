package io.cairn.consensus.testing;

import io.cairn.consensus.ValidatorSet;
import io.cairn.consensus.messages.Commit;
import io.cairn.consensus.messages.CommitCertificate;
import io.cairn.consensus.messages.MessageType;
import io.cairn.consensus.messages.NewView;
import io.cairn.consensus.messages.PrePrepare;
import io.cairn.consensus.messages.Prepare;
import io.cairn.consensus.messages.PreparedCertificate;
import io.cairn.consensus.messages.ViewChange;
import io.cairn.consensus.messages.Vote;
import io.cairn.crypto.Hash;
import io.cairn.crypto.KeyPair;
import io.cairn.crypto.Signature;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signed consensus messages as validators of a test chain would send them, built through the
 * public records only. Ed25519 is deterministic, so a message built here for validator i equals,
 * signature and all, the one validator i's core would build: tests compare outputs with equals.
 * Signatures are remembered, since property tests sign the same few votes again and again.
 */
public final class TestMessages {
    private static final Signature UNSIGNED = Signature.wrap(new byte[Signature.SIZE]);

    private final String chainId;
    private final ValidatorSet validators;
    private final Map<Hash, Signature> signatures = new HashMap<>();

    public TestMessages(String chainId, ValidatorSet validators) {
        this.chainId = chainId;
        this.validators = validators;
    }

    /** Messages of the test chain with validators 0 .. n - 1. */
    public TestMessages(int n) {
        this(TestValidators.CHAIN_ID, TestValidators.of(n));
    }

    public String chainId() {
        return chainId;
    }

    public ValidatorSet validators() {
        return validators;
    }

    public Signature sign(KeyPair key, byte[] bytes) {
        Hash id = Hash.of(key.publicKey().toByteArray(), bytes);
        return signatures.computeIfAbsent(id, unused -> key.sign(bytes));
    }

    public Vote vote(MessageType type, long height, long view, Hash digest, int from) {
        return vote(type, height, view, digest, from, TestValidators.key(from));
    }

    /** A vote claiming to be from {@code from} but signed with {@code key}. */
    public Vote vote(MessageType type, long height, long view, Hash digest, int from, KeyPair key) {
        Vote unsigned = new Vote(type, height, view, digest, from, UNSIGNED);
        return new Vote(type, height, view, digest, from, sign(key, unsigned.signBytes(chainId)));
    }

    public PrePrepare prePrepare(long height, long view, String block, int from) {
        return new PrePrepare(vote(MessageType.PRE_PREPARE, height, view, Blocks.digest(block), from), Blocks.bytes(block));
    }

    /** A PREPARE carrying the primary's signature of the PRE-PREPARE for the same block, as honest ones do. */
    public Prepare prepare(long height, long view, Hash digest, int from) {
        Vote primaryVote = vote(MessageType.PRE_PREPARE, height, view, digest, validators.primary(height, view));
        return new Prepare(vote(MessageType.PREPARE, height, view, digest, from), primaryVote.signature());
    }

    public Commit commit(long height, long view, Hash digest, int from) {
        return new Commit(vote(MessageType.COMMIT, height, view, digest, from));
    }

    /** The primary's PRE-PREPARE and PREPAREs of {@code signers} for one block. */
    public PreparedCertificate prepared(long height, long view, Hash digest, int... signers) {
        List<Vote> prepares = new ArrayList<>();
        for (int signer : signers) {
            prepares.add(vote(MessageType.PREPARE, height, view, digest, signer));
        }
        Vote prePrepare = vote(MessageType.PRE_PREPARE, height, view, digest, validators.primary(height, view));
        return PreparedCertificate.of(prePrepare, prepares);
    }

    /** The COMMITs of {@code signers} for one block. */
    public CommitCertificate commits(long height, long view, Hash digest, int... signers) {
        List<Vote> commits = new ArrayList<>();
        for (int signer : signers) {
            commits.add(vote(MessageType.COMMIT, height, view, digest, signer));
        }
        return CommitCertificate.of(commits);
    }

    public ViewChange viewChange(long newView, long height, Optional<CommitCertificate> lastCommit,
            Optional<PreparedCertificate> prepared, byte[] attached, int from) {
        return viewChange(newView, height, lastCommit, prepared, attached, from, TestValidators.key(from));
    }

    public ViewChange viewChange(long newView, long height, Optional<CommitCertificate> lastCommit,
            Optional<PreparedCertificate> prepared, byte[] attached, int from, KeyPair key) {
        ViewChange unsigned = new ViewChange(newView, height, lastCommit, prepared, from, UNSIGNED, attached);
        return new ViewChange(newView, height, lastCommit, prepared, from, sign(key, unsigned.signBytes(chainId)),
                attached);
    }

    /** A plain VIEW-CHANGE: no certificate of a previous block, nothing prepared. */
    public ViewChange viewChange(long newView, long height, int from) {
        return viewChange(newView, height, Optional.empty(), Optional.empty(), new byte[0], from);
    }

    /** A NEW-VIEW with {@code proof} as given (stripped of attached blocks, as on the wire). */
    public NewView newView(long view, long height, List<ViewChange> proof, Optional<PrePrepare> prePrepare, int from) {
        return newView(view, height, proof, prePrepare, from, TestValidators.key(from));
    }

    public NewView newView(long view, long height, List<ViewChange> proof, Optional<PrePrepare> prePrepare, int from,
            KeyPair key) {
        List<ViewChange> stripped = proof.stream().map(ViewChange::withoutProposal).toList();
        NewView unsigned = new NewView(view, height, stripped, prePrepare, from, UNSIGNED);
        return new NewView(view, height, stripped, prePrepare, from, sign(key, unsigned.signBytes(chainId)));
    }
}
