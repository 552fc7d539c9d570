package io.cairn.ledger.state;

import io.cairn.crypto.Hash;
import io.cairn.crypto.PublicKey;
import io.cairn.ledger.Account;
import io.cairn.ledger.ChainHead;
import io.cairn.ledger.Genesis;
import java.util.Map;
import java.util.Optional;

/** The state at height 0 and the head a chain starts from. */
public final class GenesisState {
    private GenesisState() {}

    /** The initial accounts as changes on an empty state. */
    public static StateChanges changes(Genesis genesis) {
        StateOverlay overlay = new StateOverlay(EMPTY);
        for (Map.Entry<PublicKey, Account> account : genesis.initialAccounts().entrySet()) {
            overlay.putAccount(account.getKey(), account.getValue());
        }
        return overlay.changes();
    }

    /** Height 0: the genesis hash, the genesis time, and the root of the initial state on a zero root. */
    public static ChainHead head(Genesis genesis) {
        return new ChainHead(0, genesis.hash(), genesis.genesisTimeMillis(), changes(genesis).rootAfter(Hash.ZERO, 0));
    }

    private static final WorldState EMPTY = new WorldState() {
        @Override
        public Optional<Account> account(PublicKey key) {
            return Optional.empty();
        }

        @Override
        public Optional<byte[]> data(PublicKey owner, byte[] key) {
            return Optional.empty();
        }
    };
}
