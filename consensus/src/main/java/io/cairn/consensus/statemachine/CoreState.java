package io.cairn.consensus.statemachine;

import io.cairn.consensus.ConsensusConfig;
import io.cairn.consensus.DurableState;
import io.cairn.consensus.DurableState.Signed;
import io.cairn.consensus.Ready;
import io.cairn.consensus.Ready.Decision;
import io.cairn.consensus.Ready.Evidence;
import io.cairn.consensus.Ready.Outbound;
import io.cairn.consensus.Ready.SyncRequest;
import io.cairn.consensus.ValidatorSet;
import io.cairn.consensus.messages.CommitCertificate;
import io.cairn.consensus.messages.ConsensusMessage;
import io.cairn.consensus.messages.MessageType;
import io.cairn.consensus.messages.NewView;
import io.cairn.consensus.messages.PrePrepare;
import io.cairn.consensus.messages.PreparedCertificate;
import io.cairn.consensus.messages.SignBytes;
import io.cairn.consensus.messages.Vote;
import io.cairn.consensus.types.ProposalBuilder;
import io.cairn.consensus.types.ProposalValidator;
import io.cairn.consensus.validation.CertificateVerifier;
import io.cairn.consensus.validation.SignatureCheck;
import io.cairn.crypto.Hash;
import io.cairn.crypto.KeyPair;
import io.cairn.crypto.Signature;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one validator's core knows, shared by the role handlers ({@link NormalCase},
 * {@link ViewChanging}, {@link Syncing}), and the outputs they accumulate for the next
 * {@link Ready}. Only {@link io.cairn.consensus.PbftCore}'s one thread touches it.
 */
public final class CoreState {
    public final ConsensusConfig config;
    public final ValidatorSet validators;
    public final int self;
    public final int quorum;
    final KeyPair key;
    final ProposalBuilder builder;
    final ProposalValidator validator;
    final SignatureCheck signatures;
    final CertificateVerifier certificates;
    final Inbox inbox;
    final ViewChangeLog viewChanges = new ViewChangeLog();
    private final Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);

    // What survives a crash (DurableState).
    long height;
    long view;
    boolean changingView;
    List<Signed> signed = new ArrayList<>();
    Optional<PreparedCertificate> prepared = Optional.empty();
    byte[] preparedProposal = new byte[0];

    // What is rebuilt after a crash.
    Round round;
    Optional<CommitCertificate> lastCommit;
    boolean awaitingApply;
    boolean workPending;
    int idleTicks;
    /** Ticks spent changing view without a quorum of view changes for it. */
    int quorumWaitTicks;
    /** Validators already sent the certificate of the height just decided: once each. */
    final Set<Integer> sentCertificateTo = new HashSet<>();
    /** Validators already sent this view's NEW-VIEW again: once each. */
    final Set<Integer> resentNewViewTo = new HashSet<>();
    Optional<NewView> lastNewView = Optional.empty();

    // The next Ready.
    private boolean persist;
    private final List<Outbound> messages = new ArrayList<>();
    private final List<Decision> decisions = new ArrayList<>();
    private Optional<SyncRequest> sync = Optional.empty();
    private final List<Evidence> evidence = new ArrayList<>();

    public CoreState(ConsensusConfig config, KeyPair key, ProposalBuilder builder, ProposalValidator validator,
            long committedHeight, Optional<CommitCertificate> lastCommit, Optional<DurableState> durable) {
        this.config = config;
        this.validators = config.validators();
        this.self = config.self();
        this.quorum = config.quorum();
        this.key = key;
        this.builder = builder;
        this.validator = validator;
        this.signatures = new SignatureCheck(validators);
        this.certificates = new CertificateVerifier(config.chainId(), validators, signatures);
        this.inbox = new Inbox(config.inboxPerSender(), config.inboxBytesPerSender());
        this.lastCommit = lastCommit;
        this.height = committedHeight + 1;
        if (durable.isPresent()) {
            restore(durable.get(), committedHeight);
        } else {
            persist = true;
        }
        this.round = new Round(height);
    }

    private void restore(DurableState state, long committedHeight) {
        if (state.height() > committedHeight + 1) {
            throw new IllegalStateException("the consensus state is at height " + state.height()
                    + " but the chain ends at " + committedHeight + ": the store lost committed blocks");
        }
        if (state.height() == committedHeight + 1) {
            view = state.view();
            changingView = state.changingView();
            signed = new ArrayList<>(state.signed());
            prepared = state.prepared();
            preparedProposal = state.preparedProposal();
        } else {
            persist = true; // the chain moved on after the state was written
        }
    }

    public long height() {
        return height;
    }

    public long view() {
        return view;
    }

    public boolean changingView() {
        return changingView;
    }

    /** The primary of the current view at the current height. */
    public int primary() {
        return validators.primary(height, view);
    }

    public boolean isPrimary(long ofView) {
        return validators.primary(height, ofView) == self;
    }

    public Map<DropReason, Long> drops() {
        return Map.copyOf(drops);
    }

    void drop(DropReason reason) {
        drops.merge(reason, 1L, Long::sum);
    }

    /** The request timeout in view v of a height: it doubles with each view change, from the base at view 0. */
    int timeout() {
        return config.timeoutTicks() << (int) Math.min(view, config.maxDoublings());
    }

    /** Whether this validator signed a vote of {@code type} in {@code inView} at this height. */
    boolean hasSigned(MessageType type, long inView) {
        for (Signed earlier : signed) {
            if (earlier.type() == type && earlier.view() == inView) {
                return true;
            }
        }
        return false;
    }

    /** Signs a vote unless this validator already signed another block for the same (type, height, view). */
    Optional<Vote> sign(MessageType type, long inView, Hash digest) {
        for (Signed earlier : signed) {
            if (earlier.type() == type && earlier.view() == inView) {
                if (!earlier.digest().equals(digest)) {
                    drop(DropReason.REFUSED_DOUBLE_SIGN);
                    return Optional.empty();
                }
                return Optional.of(signVote(type, inView, digest));
            }
        }
        signed.add(new Signed(type, inView, digest));
        persist = true;
        return Optional.of(signVote(type, inView, digest));
    }

    private Vote signVote(MessageType type, long inView, Hash digest) {
        byte[] bytes = SignBytes.of(config.chainId(), type, height, inView, digest);
        return new Vote(type, height, inView, digest, self, key.sign(bytes));
    }

    Signature signBytes(byte[] bytes) {
        return key.sign(bytes);
    }

    /** True when the block bytes are the block whose digest the primary signed (they are not signed themselves). */
    boolean carriesSignedBlock(PrePrepare prePrepare) {
        return validator.digest(prePrepare.proposal()).equals(Optional.of(prePrepare.vote().digest()));
    }

    boolean isValid(ConsensusMessage message) {
        return signatures.isValid(message.sender(), message.signBytes(config.chainId()), message.signature());
    }

    void broadcast(ConsensusMessage message) {
        messages.add(Outbound.broadcast(message));
    }

    void send(int to, ConsensusMessage message) {
        messages.add(Outbound.to(to, message));
    }

    void decide(Decision decision) {
        decisions.add(decision);
    }

    void requestSync(SyncRequest request) {
        sync = Optional.of(request);
    }

    void evidence(Evidence found) {
        evidence.add(found);
    }

    void markDirty() {
        persist = true;
    }

    /** Drops what was signed in views before the current one: nothing is ever signed there again. */
    void forgetSignedBefore(long inView) {
        if (signed.removeIf(vote -> vote.view() < inView)) {
            persist = true;
        }
    }

    public DurableState durableState() {
        return new DurableState(height, view, changingView, signed, prepared, preparedProposal);
    }

    /** The outputs accumulated since the last call, in the order the node must carry them out. */
    public Ready drain() {
        Ready ready = new Ready(persist ? Optional.of(durableState()) : Optional.empty(), messages, decisions, sync,
                evidence);
        persist = false;
        messages.clear();
        decisions.clear();
        sync = Optional.empty();
        evidence.clear();
        return ready;
    }
}
