package io.cairn.ledger.state;

import io.cairn.ledger.Outcome;
import java.util.Locale;
import java.util.Objects;

/** Why a transaction is refused: a machine-readable reason and a sentence for people. */
public record Rejection(Reason reason, String message) {
    public enum Reason {
        WRONG_CHAIN,
        TOO_LARGE,
        BAD_SIGNATURE,
        UNKNOWN_SENDER,
        NOT_PERMITTED,
        NONCE_TOO_LOW,
        NONCE_TOO_HIGH,
        INSUFFICIENT_BALANCE,
        BALANCE_OVERFLOW,
        ALREADY_GRANTED,
        NOT_GRANTED,
        SELF_REVOKE_ADMIN;

        /** The snake_case name clients see, e.g. {@code nonce_too_low}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    /** The refusal for a transaction that would be included but end in {@code outcome}. */
    static Rejection wouldFail(Outcome outcome) {
        return new Rejection(Reason.valueOf(outcome.name()), outcome.description());
    }

    @Override
    public String toString() {
        return reason.code() + ": " + message;
    }
}
