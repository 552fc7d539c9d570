package io.cairn.node.mempool;

import io.cairn.crypto.PublicKey;
import io.cairn.ledger.Account;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.state.WorldState;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** A committed state of accounts only, that a test changes by hand as a block would. */
final class AccountsState implements WorldState {
    private final Map<PublicKey, Account> accounts = new ConcurrentHashMap<>();

    AccountsState(Genesis genesis) {
        accounts.putAll(genesis.initialAccounts());
    }

    @Override
    public Optional<Account> account(PublicKey key) {
        return Optional.ofNullable(accounts.get(key));
    }

    @Override
    public Optional<byte[]> data(PublicKey owner, byte[] key) {
        return Optional.empty();
    }

    void update(PublicKey key, UnaryOperator<Account> change) {
        accounts.put(key, change.apply(accounts.getOrDefault(key, Account.EMPTY)));
    }

    /** The account's nonce moved on by {@code count}, as when a block included that many of its transactions. */
    void advanceNonce(PublicKey key, int count) {
        update(key, account -> new Account(account.balance(), account.nonce() + count, account.permissions()));
    }
}
