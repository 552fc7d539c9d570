package io.cairn.node.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.crypto.Hash;
import java.time.Duration;
import java.util.Optional;

/**
 * Polls {@code tx_get} until a transaction is committed or a deadline passes. A transaction the
 * node does not know (yet, or any more) is polled like a pending one: it may still arrive by gossip.
 */
public final class CommitWait {
    public static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private final NodeClient node;
    private final Duration pollInterval;

    public CommitWait(NodeClient node, Duration pollInterval) {
        this.node = node;
        this.pollInterval = pollInterval;
    }

    /** Where a committed transaction is and how it ended ({@code success}, {@code insufficient_balance}, ...). */
    public record Committed(long height, int index, String outcome) {
        public boolean succeeded() {
            return outcome.equals("success");
        }

        @Override
        public String toString() {
            return "committed in block " + height + " at index " + index + ": " + outcome;
        }
    }

    /** The commit of {@code hash}, or a {@link ClientException} saying it did not come within {@code timeout}. */
    public Committed await(Hash hash, Duration timeout) throws ClientException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<JsonNode> status = node.transaction(hash);
            if (status.isPresent() && "committed".equals(status.get().path("status").textValue())) {
                return committed(status.get());
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new ClientException("transaction " + hash.toHex() + " was not committed within "
                        + Durations.format(timeout) + " (" + (status.isPresent()
                        ? "still pending" : "the node does not know it") + ")");
            }
            pause(Math.min(left, pollInterval.toNanos()));
        }
    }

    private Committed committed(JsonNode status) throws ClientException {
        JsonNode height = status.path("height");
        JsonNode index = status.path("index");
        JsonNode outcome = status.path("outcome");
        if (!height.canConvertToLong() || !height.isIntegralNumber() || !index.isInt() || !outcome.isTextual()) {
            throw new ClientException("the node at " + node.rpc().endpoint()
                    + " reported a commit without height, index and outcome: " + status);
        }
        return new Committed(height.longValue(), index.intValue(), outcome.textValue());
    }

    private static void pause(long nanos) throws ClientException {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException("interrupted while waiting for the commit", e);
        }
    }
}
