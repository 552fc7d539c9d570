package io.cairn.ledger;

import io.cairn.crypto.Hash;
import io.cairn.crypto.Signature;
import io.cairn.ledger.codec.CertificateCodec;
import io.cairn.crypto.encoding.DecodeException;
import java.util.List;
import java.util.Objects;

/**
 * Proof that a block is final: COMMIT signatures of a quorum of validators for one
 * (height, view, block hash). Validators are named by their index in genesis, ascending and
 * each at most once, so a certificate has exactly one encoding. Checking the signatures
 * against the validator set belongs to consensus, which owns the sign-bytes of a COMMIT.
 */
public record CommitCertificate(long height, long view, Hash blockHash, List<ValidatorSignature> signatures) {

    /** One validator's signature, by its index in the genesis validator list. */
    public record ValidatorSignature(int validator, Signature signature) {
        public ValidatorSignature {
            Objects.requireNonNull(signature, "signature");
            if (validator < 0 || validator >= ProtocolLimits.MAX_VALIDATORS) {
                throw new IllegalArgumentException("validator index out of range: " + validator);
            }
        }
    }

    public CommitCertificate {
        Objects.requireNonNull(blockHash, "blockHash");
        signatures = List.copyOf(signatures);
        if (height < 1 || view < 0) {
            throw new IllegalArgumentException("height must be at least 1 and view not negative");
        }
        if (signatures.isEmpty()) {
            throw new IllegalArgumentException("a certificate needs at least one signature");
        }
        for (int i = 1; i < signatures.size(); i++) {
            if (signatures.get(i).validator() <= signatures.get(i - 1).validator()) {
                throw new IllegalArgumentException("signatures must be in strictly ascending validator order");
            }
        }
    }

    public static CommitCertificate decode(byte[] encoded) throws DecodeException {
        return CertificateCodec.decode(encoded);
    }

    public byte[] encode() {
        return CertificateCodec.encode(this);
    }
}
