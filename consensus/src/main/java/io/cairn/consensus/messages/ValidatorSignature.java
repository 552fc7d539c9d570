package io.cairn.consensus.messages;

import io.cairn.crypto.Signature;
import java.util.Objects;

/** One validator's signature inside a certificate, by its index in the validator set. */
public record ValidatorSignature(int validator, Signature signature) {
    public ValidatorSignature {
        Objects.requireNonNull(signature, "signature");
        if (validator < 0) {
            throw new IllegalArgumentException("validator index must not be negative");
        }
    }
}
