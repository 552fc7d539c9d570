package io.cairn.ledger.testing;

import io.cairn.crypto.KeyPair;

/** Deterministic keys for tests: the same label always gives the same key. */
public final class TestKeys {
    private TestKeys() {}

    public static KeyPair validator(int index) {
        return KeyPair.fromLabel("cairn-test-validator-" + index);
    }

    public static KeyPair account(int index) {
        return KeyPair.fromLabel("cairn-test-account-" + index);
    }

    public static KeyPair admin() {
        return KeyPair.fromLabel("cairn-test-admin");
    }

    /** A key that is in no genesis. */
    public static KeyPair stranger() {
        return KeyPair.fromLabel("cairn-test-stranger");
    }
}
