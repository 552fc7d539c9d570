package io.cairn.node.mempool;

import io.cairn.crypto.Hash;
import java.util.Objects;

/** What became of a transaction offered to the mempool: admitted under its hash, or refused and why. */
public sealed interface Admission permits Admission.Admitted, Admission.Refused {
    /** Bytes that are not a canonical transaction encoding. */
    String MALFORMED = "malformed";
    /** A transaction pending, committed lately, or lately refused for its signature. */
    String DUPLICATE = "duplicate";
    /** Another transaction of the same sender with the same nonce is pending. */
    String NONCE_TAKEN = "nonce_taken";
    /** The mempool holds as many transactions or bytes as its limits allow. */
    String MEMPOOL_FULL = "mempool_full";

    boolean admitted();

    record Admitted(Hash hash) implements Admission {
        public Admitted {
            Objects.requireNonNull(hash, "hash");
        }

        @Override
        public boolean admitted() {
            return true;
        }
    }

    /**
     * @param reason snake_case: the ledger's rejection codes ({@code bad_signature}, {@code nonce_too_low},
     *     ...) and the mempool's own ({@link #MALFORMED}, {@link #DUPLICATE}, {@link #NONCE_TAKEN},
     *     {@link #MEMPOOL_FULL})
     * @param message a sentence for people
     */
    record Refused(String reason, String message) implements Admission {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public boolean admitted() {
            return false;
        }

        @Override
        public String toString() {
            return reason + ": " + message;
        }
    }
}
