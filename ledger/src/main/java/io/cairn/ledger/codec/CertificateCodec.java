package io.cairn.ledger.codec;

import io.cairn.crypto.encoding.ByteReader;
import io.cairn.crypto.encoding.ByteWriter;
import io.cairn.crypto.encoding.DecodeException;
import io.cairn.crypto.Hash;
import io.cairn.ledger.CommitCertificate;
import io.cairn.ledger.CommitCertificate.ValidatorSignature;
import io.cairn.ledger.ProtocolLimits;
import io.cairn.crypto.Signature;
import java.util.ArrayList;
import java.util.List;

/**
 * A commit certificate:
 * <pre>
 *   u64 height (&ge; 1) | u64 view | block hash (32) | u16 count (1..256)
 *   | count &times; (u16 validator index | signature (64)), indices strictly ascending
 * </pre>
 */
public final class CertificateCodec {
    private CertificateCodec() {}

    public static byte[] encode(CommitCertificate certificate) {
        ByteWriter writer = new ByteWriter(8 + 8 + Hash.SIZE + 2 + certificate.signatures().size() * (2 + Signature.SIZE));
        writer.u64(certificate.height()).u64(certificate.view()).hash(certificate.blockHash())
                .u16(certificate.signatures().size());
        for (ValidatorSignature signature : certificate.signatures()) {
            writer.u16(signature.validator()).signature(signature.signature());
        }
        return writer.toByteArray();
    }

    public static CommitCertificate decode(byte[] encoded) throws DecodeException {
        ByteReader reader = new ByteReader(encoded, "commit certificate");
        int at = reader.position();
        long height = reader.u63("height");
        if (height == 0) {
            throw reader.errorAt(at, "height", "blocks start at height 1");
        }
        long view = reader.u63("view");
        Hash blockHash = reader.hash("block hash");
        int count = reader.u16InRange("signature count", 1, ProtocolLimits.MAX_VALIDATORS);
        List<ValidatorSignature> signatures = new ArrayList<>(count);
        int previous = -1;
        for (int i = 0; i < count; i++) {
            int indexAt = reader.position();
            int validator = reader.u16InRange("signatures[" + i + "].validator", 0, ProtocolLimits.MAX_VALIDATORS - 1);
            if (validator <= previous) {
                throw reader.errorAt(indexAt, "signatures[" + i + "].validator",
                        "validator " + validator + " is not above the previous one (" + previous + ")");
            }
            previous = validator;
            signatures.add(new ValidatorSignature(validator, reader.signature("signatures[" + i + "].signature")));
        }
        reader.expectEnd();
        return new CommitCertificate(height, view, blockHash, signatures);
    }
}
