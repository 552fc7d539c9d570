package io.cairn.consensus.testing;

import io.cairn.consensus.ConsensusConfig;
import io.cairn.consensus.ValidatorSet;
import io.cairn.crypto.KeyPair;
import io.cairn.crypto.PublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Deterministic validator keys for consensus tests: validator i signs with the key labelled
 * "pbft-validator-i", for any i (an index outside the set is a key nobody trusts).
 */
public final class TestValidators {
    public static final String CHAIN_ID = "cairn-test";

    private static final KeyPair FORGER = KeyPair.fromLabel("pbft-forger");

    private TestValidators() {}

    public static KeyPair key(int index) {
        return KeyPair.fromLabel("pbft-validator-" + index);
    }

    /** A key that belongs to no validator: what a forged signature is made with. */
    public static KeyPair forger() {
        return FORGER;
    }

    public static List<PublicKey> keys(int n) {
        List<PublicKey> keys = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            keys.add(key(i).publicKey());
        }
        return keys;
    }

    public static ValidatorSet of(int n) {
        return new ValidatorSet(keys(n));
    }

    /** The default settings for validator {@code self} of {@code n}: windows 4 heights and 16 views, 64 early messages. */
    public static ConsensusConfig config(int n, int self, int timeoutTicks) {
        return ConsensusConfig.of(CHAIN_ID, of(n), self, timeoutTicks);
    }
}
