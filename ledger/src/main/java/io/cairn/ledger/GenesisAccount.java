package io.cairn.ledger;

import io.cairn.crypto.PublicKey;
import java.util.Objects;
import java.util.Set;

/** An account that exists from the start, with its balance and permissions. */
public record GenesisAccount(PublicKey publicKey, long balance, Set<Permission> permissions) {
    public GenesisAccount {
        Objects.requireNonNull(publicKey, "publicKey");
        if (balance < 0) {
            throw new IllegalArgumentException("balance must not be negative, got " + balance);
        }
        permissions = Permission.setOf(permissions);
    }
}
