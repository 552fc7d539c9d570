package io.cairn.ledger.state;

import io.cairn.crypto.PublicKey;
import io.cairn.ledger.Account;
import java.util.Optional;

/** Read access to the state: accounts and the values anchored by {@code put}. */
public interface WorldState {
    Optional<Account> account(PublicKey key);

    /** The value {@code owner} anchored under {@code key}, if any. */
    Optional<byte[]> data(PublicKey owner, byte[] key);
}
