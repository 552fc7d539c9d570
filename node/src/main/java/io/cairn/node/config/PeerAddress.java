package io.cairn.node.config;

import java.util.Objects;

/**
 * One entry of {@code p2p.peers}: {@code validator@host:port}, where the validator is its name
 * in genesis or its public key in hex. {@link NodeSettings} maps it to the validator's index.
 */
public record PeerAddress(String validator, HostPort address) {
    public PeerAddress {
        Objects.requireNonNull(address, "address");
        if (validator == null || validator.isEmpty()) {
            throw new IllegalArgumentException("the validator is empty");
        }
    }

    /** Parses {@code validator@host:port}; the exception's message says what is wrong. */
    public static PeerAddress parse(String text) {
        int at = text.indexOf('@');
        if (at <= 0) {
            throw new IllegalArgumentException(ConfigField.quote(text) + " is not validator@host:port");
        }
        return new PeerAddress(text.substring(0, at), HostPort.parse(text.substring(at + 1)));
    }

    @Override
    public String toString() {
        return validator + "@" + address;
    }
}
