package io.cairn.consensus;

import io.cairn.consensus.messages.CommitCertificate;
import io.cairn.consensus.messages.ConsensusMessage;
import java.util.Objects;

/** What the node feeds the core, one at a time, from one thread. */
public sealed interface Event permits Event.Received, Event.Tick, Event.WorkPending, Event.Applied, Event.Synced {

    /** A message from the network, as decoded; the core checks everything else. */
    record Received(ConsensusMessage message) implements Event {
        public Received {
            Objects.requireNonNull(message, "message");
        }
    }

    /** One unit of time has passed. All timeouts are counted in ticks. */
    record Tick() implements Event {}

    /** Whether the node holds transactions waiting for a block (or wants blocks even when empty). */
    record WorkPending(boolean pending) implements Event {}

    /** The node has applied the block the core decided at {@code height}: the acknowledgement. */
    record Applied(long height) implements Event {}

    /**
     * A block learned through sync, with the certificate that makes it final. The core checks the
     * certificate and decides the block as if it had collected the commits itself.
     */
    record Synced(long height, byte[] proposal, CommitCertificate certificate) implements Event {
        public Synced {
            proposal = proposal.clone();
            Objects.requireNonNull(certificate, "certificate");
        }

        @Override
        public byte[] proposal() {
            return proposal.clone();
        }
    }
}
