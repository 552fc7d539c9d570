package io.cairn.consensus.validation;

import io.cairn.consensus.ValidatorSet;
import io.cairn.crypto.Hash;
import io.cairn.crypto.Signature;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ed25519 verification of validators' signatures, remembering the last few thousand that passed:
 * the same vote arrives alone, then again inside certificates, view changes and new views.
 * The key is what was signed, by whom, and the signature, so a hit is exactly a repeat.
 */
public final class SignatureCheck {
    private static final int REMEMBERED = 8192;

    private final ValidatorSet validators;
    private final Map<Hash, Boolean> verified = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Hash, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };

    public SignatureCheck(ValidatorSet validators) {
        this.validators = validators;
    }

    /** True when {@code signer} (an index) is a validator and signed {@code signBytes}. */
    public boolean isValid(int signer, byte[] signBytes, Signature signature) {
        if (!validators.contains(signer)) {
            return false;
        }
        Hash key = Hash.of(signBytes, signature.toByteArray(), new byte[] {(byte) (signer >>> 8), (byte) signer});
        if (verified.containsKey(key)) {
            return true;
        }
        boolean valid = validators.key(signer).verify(signBytes, signature);
        if (valid) {
            verified.put(key, Boolean.TRUE);
        }
        return valid;
    }
}
