package io.cairn.consensus;

import io.cairn.consensus.messages.CommitCertificate;
import io.cairn.consensus.messages.ConsensusMessage;
import io.cairn.consensus.messages.Vote;
import io.cairn.consensus.types.Proposal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the core asks of the node after one event, to be done in this order (see package docs):
 * persist {@link #persist}, send {@link #messages}, apply {@link #decisions} (each followed by an
 * {@link Event.Applied}), and start the {@link #sync} if asked.
 */
public record Ready(
        Optional<DurableState> persist,
        List<Outbound> messages,
        List<Decision> decisions,
        Optional<SyncRequest> sync,
        List<Evidence> evidence) {

    public static final Ready NOTHING = new Ready(Optional.empty(), List.of(), List.of(), Optional.empty(), List.of());

    public Ready {
        Objects.requireNonNull(persist, "persist");
        messages = List.copyOf(messages);
        decisions = List.copyOf(decisions);
        Objects.requireNonNull(sync, "sync");
        evidence = List.copyOf(evidence);
    }

    public boolean isEmpty() {
        return persist.isEmpty() && messages.isEmpty() && decisions.isEmpty() && sync.isEmpty() && evidence.isEmpty();
    }

    /** A message to one validator, or to every other validator when {@code to} is empty. */
    public record Outbound(OptionalInt to, ConsensusMessage message) {
        public static Outbound broadcast(ConsensusMessage message) {
            return new Outbound(OptionalInt.empty(), message);
        }

        public static Outbound to(int validator, ConsensusMessage message) {
            return new Outbound(OptionalInt.of(validator), message);
        }
    }

    /** A block decided final at {@code height}: apply it, store it with its certificate, acknowledge. */
    public record Decision(long height, Proposal proposal, CommitCertificate certificate) {}

    /**
     * The node is behind: fetch blocks from {@code fromHeight} up to at least {@code targetHeight}
     * with their certificates, from validators that showed they have them, and feed them back as
     * {@link Event.Synced}.
     */
    public record SyncRequest(long fromHeight, long targetHeight, List<Integer> peers) {
        public SyncRequest {
            peers = List.copyOf(peers);
        }
    }

    /** Proof of a faulty validator: two votes it signed for different blocks in one (height, view). */
    public record Evidence(int validator, Vote first, Vote second) {}
}
