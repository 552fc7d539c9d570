package io.cairn.rpc.api;

import io.cairn.crypto.Hash;
import java.util.Objects;

/** What became of a submitted transaction: admitted with its hash, or refused with a reason. */
public sealed interface SubmitResult permits SubmitResult.Admitted, SubmitResult.Refused {

    record Admitted(Hash transactionHash) implements SubmitResult {
        public Admitted {
            Objects.requireNonNull(transactionHash, "transactionHash");
        }
    }

    /**
     * @param reason machine-readable, snake_case: the ledger's rejection codes ({@code bad_signature},
     *     {@code nonce_too_low}, ...) and the mempool's ({@code malformed}, {@code duplicate},
     *     {@code mempool_full}, {@code nonce_too_high}, ...)
     * @param message a sentence for people
     */
    record Refused(String reason, String message) implements SubmitResult {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }
}
