package io.cairn.rpc.api;

import java.util.Objects;

/**
 * Whether the node is doing its job, for {@code /health}.
 *
 * @param ok true when the node takes part in consensus or is catching up normally
 * @param state {@code consensus}, {@code syncing}, {@code stalled} or {@code stopped}
 * @param detail a sentence for operators
 */
public record Health(boolean ok, String state, String detail) {
    public Health {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(detail, "detail");
    }
}
