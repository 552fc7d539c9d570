package io.cairn.ledger.state;

import io.cairn.crypto.Hash;
import io.cairn.ledger.Transaction;

/**
 * Checks a transaction's signature. The node verifies each signature once, on admission, and
 * passes a verifier that remembers which hashes it has already checked.
 */
@FunctionalInterface
public interface SignatureVerifier {
    SignatureVerifier ALWAYS = (hash, tx) -> tx.hasValidSignature();

    boolean isValid(Hash hash, Transaction tx);
}
