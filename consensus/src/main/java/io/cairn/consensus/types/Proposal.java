package io.cairn.consensus.types;

import io.cairn.crypto.Hash;
import java.util.Arrays;
import java.util.Objects;

/** A block as consensus sees it: opaque bytes and the digest that votes sign. */
public record Proposal(byte[] bytes, Hash digest) {
    public Proposal {
        bytes = bytes.clone();
        Objects.requireNonNull(digest, "digest");
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Proposal other && digest.equals(other.digest) && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return digest.hashCode();
    }

    @Override
    public String toString() {
        return "Proposal[" + digest + ", " + bytes.length + " bytes]";
    }
}
