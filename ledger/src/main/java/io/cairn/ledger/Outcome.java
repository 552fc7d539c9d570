package io.cairn.ledger;

import java.util.Optional;

/**
 * How an included transaction ended. A failed transaction changes nothing but its sender's
 * nonce, so it can never be replayed.
 */
public enum Outcome {
    SUCCESS(0, "applied"),
    INSUFFICIENT_BALANCE(1, "the sender's balance is lower than the amount"),
    BALANCE_OVERFLOW(2, "the recipient's balance would overflow"),
    ALREADY_GRANTED(3, "the account already holds this permission"),
    NOT_GRANTED(4, "the account does not hold this permission"),
    SELF_REVOKE_ADMIN(5, "an admin cannot revoke its own admin permission");

    private final int code;
    private final String description;

    Outcome(int code, String description) {
        this.code = code;
        this.description = description;
    }

    public int code() {
        return code;
    }

    public String description() {
        return description;
    }

    public boolean succeeded() {
        return this == SUCCESS;
    }

    public static Optional<Outcome> fromCode(int code) {
        for (Outcome outcome : values()) {
            if (outcome.code == code) {
                return Optional.of(outcome);
            }
        }
        return Optional.empty();
    }
}
