package io.cairn.ledger;

import io.cairn.crypto.PublicKey;
import java.util.Objects;

/** A validator from genesis: a short name for people and the key that signs its votes. */
public record Validator(String name, PublicKey publicKey) {
    public Validator {
        if (!ProtocolLimits.isValidIdentifier(name, ProtocolLimits.NAME_MAX_LENGTH)) {
            throw new IllegalArgumentException("validator name must be 1 to " + ProtocolLimits.NAME_MAX_LENGTH
                    + " characters of A-Z a-z 0-9 . _ -, got '" + name + "'");
        }
        Objects.requireNonNull(publicKey, "publicKey");
    }
}
