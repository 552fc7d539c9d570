package io.cairn.ledger;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What an account may do. Admins grant and revoke permissions. */
public enum Permission {
    /** May send {@code transfer} transactions. */
    TRANSFER(1),
    /** May send {@code put} transactions (anchor data). */
    PUT(2),
    /** May send {@code grant} and {@code revoke} transactions. */
    ADMIN(3);

    private final int code;

    Permission(int code) {
        this.code = code;
    }

    /** The byte that stands for this permission in a grant or revoke transaction. */
    public int code() {
        return code;
    }

    /** The lower-case name used in JSON. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Permission> fromCode(int code) {
        for (Permission permission : values()) {
            if (permission.code == code) {
                return Optional.of(permission);
            }
        }
        return Optional.empty();
    }

    public static Optional<Permission> fromJsonName(String name) {
        for (Permission permission : values()) {
            if (permission.jsonName().equals(name)) {
                return Optional.of(permission);
            }
        }
        return Optional.empty();
    }

    /** An immutable set in declaration order. */
    public static Set<Permission> setOf(Set<Permission> permissions) {
        return Collections.unmodifiableSet(permissions.isEmpty()
                ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions));
    }

    /** Bit {@code code - 1} set for each permission held. */
    public static int toBits(Set<Permission> permissions) {
        int bits = 0;
        for (Permission permission : permissions) {
            bits |= 1 << (permission.code - 1);
        }
        return bits;
    }

    public static final int ALL_BITS = (1 << values().length) - 1;

    /** The inverse of {@link #toBits}; the caller rejects bits outside {@link #ALL_BITS} first. */
    public static Set<Permission> fromBits(int bits) {
        EnumSet<Permission> set = EnumSet.noneOf(Permission.class);
        for (Permission permission : values()) {
            if ((bits & (1 << (permission.code - 1))) != 0) {
                set.add(permission);
            }
        }
        return Collections.unmodifiableSet(set);
    }
}
