package io.cairn.ledger;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** An account's state, keyed by its public key. Accounts never seen are {@link #EMPTY}. */
public record Account(long balance, long nonce, Set<Permission> permissions) {
    public static final Account EMPTY = new Account(0, 0, Set.of());

    public Account {
        if (balance < 0) {
            throw new IllegalArgumentException("balance must not be negative, got " + balance);
        }
        if (nonce < 0) {
            throw new IllegalArgumentException("nonce must not be negative, got " + nonce);
        }
        permissions = Permission.setOf(Objects.requireNonNull(permissions, "permissions"));
    }

    public boolean has(Permission permission) {
        return permissions.contains(permission);
    }

    public Account withBalance(long newBalance) {
        return new Account(newBalance, nonce, permissions);
    }

    public Account withNextNonce() {
        return new Account(balance, Math.addExact(nonce, 1), permissions);
    }

    public Account with(Permission permission) {
        Set<Permission> more = permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions);
        more.add(permission);
        return new Account(balance, nonce, more);
    }

    public Account without(Permission permission) {
        Set<Permission> fewer = permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions);
        fewer.remove(permission);
        return new Account(balance, nonce, fewer);
    }
}
