package io.cairn.ledger;

import io.cairn.crypto.Hex;
import io.cairn.crypto.PublicKey;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** What a transaction does. Each kind has a one-byte code in the encoding. */
public sealed interface Operation permits Operation.Transfer, Operation.Put, Operation.Grant, Operation.Revoke {

    Kind kind();

    /** The permission the sender must hold for the transaction to be included in a block. */
    Permission requiredPermission();

    enum Kind {
        TRANSFER(1), PUT(2), GRANT(3), REVOKE(4);

        private final int code;

        Kind(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Kind> fromCode(int code) {
            for (Kind kind : values()) {
                if (kind.code == code) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    /** Moves {@code amount} (at least 1) from the sender to {@code to}. */
    record Transfer(PublicKey to, long amount) implements Operation {
        public Transfer {
            Objects.requireNonNull(to, "to");
            if (amount <= 0) {
                throw new IllegalArgumentException("a transfer amount must be positive, got " + amount);
            }
        }

        @Override
        public Kind kind() {
            return Kind.TRANSFER;
        }

        @Override
        public Permission requiredPermission() {
            return Permission.TRANSFER;
        }
    }

    /**
     * Anchors {@code value} under {@code key} in the sender's own namespace: no one else can
     * overwrite it. A later put by the same sender replaces the value; the blocks keep history.
     */
    record Put(byte[] key, byte[] value) implements Operation {
        public Put {
            if (key.length < 1 || key.length > ProtocolLimits.PUT_KEY_MAX_BYTES) {
                throw new IllegalArgumentException(
                        "a put key must be 1 to " + ProtocolLimits.PUT_KEY_MAX_BYTES + " bytes, got " + key.length);
            }
            if (value.length > ProtocolLimits.PUT_VALUE_MAX_BYTES) {
                throw new IllegalArgumentException(
                        "a put value must be at most " + ProtocolLimits.PUT_VALUE_MAX_BYTES + " bytes, got " + value.length);
            }
            key = key.clone();
            value = value.clone();
        }

        @Override
        public byte[] key() {
            return key.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        public int keyLength() {
            return key.length;
        }

        public int valueLength() {
            return value.length;
        }

        @Override
        public Kind kind() {
            return Kind.PUT;
        }

        @Override
        public Permission requiredPermission() {
            return Permission.PUT;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Put other && Arrays.equals(key, other.key) && Arrays.equals(value, other.value);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(key) + Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Put[key=" + Hex.encode(key) + ", value=" + value.length + " bytes]";
        }
    }

    /** Gives {@code account} a permission; the sender must be an admin. */
    record Grant(PublicKey account, Permission permission) implements Operation {
        public Grant {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(permission, "permission");
        }

        @Override
        public Kind kind() {
            return Kind.GRANT;
        }

        @Override
        public Permission requiredPermission() {
            return Permission.ADMIN;
        }
    }

    /** Takes a permission from {@code account}; the sender must be an admin. */
    record Revoke(PublicKey account, Permission permission) implements Operation {
        public Revoke {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(permission, "permission");
        }

        @Override
        public Kind kind() {
            return Kind.REVOKE;
        }

        @Override
        public Permission requiredPermission() {
            return Permission.ADMIN;
        }
    }
}
