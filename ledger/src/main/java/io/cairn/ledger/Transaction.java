package io.cairn.ledger;

import io.cairn.crypto.Hash;
import io.cairn.crypto.KeyPair;
import io.cairn.crypto.PublicKey;
import io.cairn.crypto.Signature;
import io.cairn.crypto.encoding.DecodeException;
import io.cairn.ledger.codec.TransactionCodec;
import java.util.Objects;

/**
 * A signed transaction. The sender signs {@link #signBytes()}, which include the chain id, so a
 * transaction for one chain is never valid on another. Its hash is SHA-256 of {@link #encode()}.
 * docs/transactions.md gives the byte layout with test vectors.
 */
public record Transaction(String chainId, PublicKey sender, long nonce, Operation operation, Signature signature) {
    public Transaction {
        ProtocolLimits.requireChainId(chainId);
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(signature, "signature");
        if (nonce < 0) {
            throw new IllegalArgumentException("nonce must not be negative, got " + nonce);
        }
    }

    /** Builds and signs a transaction with {@code key}. */
    public static Transaction sign(String chainId, KeyPair key, long nonce, Operation operation) {
        byte[] signBytes = TransactionCodec.signBytes(chainId, key.publicKey(), nonce, operation);
        return new Transaction(chainId, key.publicKey(), nonce, operation, key.sign(signBytes));
    }

    /** Decodes the canonical encoding, rejecting anything else. */
    public static Transaction decode(byte[] encoded) throws DecodeException {
        return TransactionCodec.decode(encoded);
    }

    public byte[] signBytes() {
        return TransactionCodec.signBytes(chainId, sender, nonce, operation);
    }

    public byte[] encode() {
        return TransactionCodec.encode(this);
    }

    public int encodedSize() {
        return TransactionCodec.encodedSize(this);
    }

    public Hash hash() {
        return Hash.of(encode());
    }

    /** Ed25519 verification of the signature over {@link #signBytes()}: the expensive check. */
    public boolean hasValidSignature() {
        return sender.verify(signBytes(), signature);
    }
}
