package io.cairn.node.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.crypto.Hash;
import io.cairn.crypto.Hex;
import io.cairn.crypto.MerkleProof;
import io.cairn.crypto.PublicKey;
import io.cairn.crypto.Signature;
import io.cairn.ledger.BlockHeader;
import io.cairn.ledger.CommitCertificate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a {@code tx_getProof} result (or a whole JSON-RPC response holding one) into a
 * {@link ProofAnswer}. Every field is required with its exact type; hex is lower-case. A field that
 * is missing or wrong is a {@link ProofRejected} naming it, such as {@code proof.path[2]}.
 */
public final class ProofAnswerJson {
    /** The header fields, in their order; shown fields beyond these would be claims nothing checks. */
    private static final Set<String> HEADER_FIELDS = Set.of("height", "parentHash", "timestampMillis", "proposer",
            "view", "transactionsRoot", "stateRoot", "transactionCount");
    private static final int MAX_PATH = 64;

    private ProofAnswerJson() {}

    public static ProofAnswer read(JsonNode document) throws ProofRejected {
        JsonNode answer = document;
        if (answer.isObject() && answer.has("jsonrpc")) {
            if (answer.has("error")) {
                throw new ProofRejected("the document is a JSON-RPC error, not a proof: " + answer.get("error"));
            }
            answer = answer.path("result");
        }
        if (answer.isNull()) {
            throw new ProofRejected("the answer is null: the node has no committed transaction with that hash");
        }
        if (!answer.isObject()) {
            throw new ProofRejected("expected a tx_getProof result (a JSON object), got " + kind(answer));
        }
        JsonNode proof = object(answer, "proof", "proof");
        return new ProofAnswer(
                hash(answer, "hash", "hash"),
                number(answer, "height", "height"),
                number(answer, "index", "index"),
                new MerkleProof(number(proof, "leafIndex", "proof.leafIndex"),
                        number(proof, "treeSize", "proof.treeSize"), path(proof)),
                header(object(answer, "header", "header")),
                hex(answer, "headerEncoded", "headerEncoded"),
                certificate(object(answer, "certificate", "certificate")));
    }

    private static List<Hash> path(JsonNode proof) throws ProofRejected {
        JsonNode path = proof.get("path");
        if (path == null || !path.isArray()) {
            throw new ProofRejected("proof.path: expected an array of hashes, got " + kind(path));
        }
        if (path.size() > MAX_PATH) {
            throw new ProofRejected("proof.path: " + path.size() + " hashes, no tree has a path longer than " + MAX_PATH);
        }
        List<Hash> hashes = new ArrayList<>(path.size());
        for (int i = 0; i < path.size(); i++) {
            hashes.add(Hash.wrap(hexBytes(path.get(i), "proof.path[" + i + "]", Hash.SIZE)));
        }
        return hashes;
    }

    private static BlockHeader header(JsonNode header) throws ProofRejected {
        for (Iterator<String> names = header.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!HEADER_FIELDS.contains(name)) {
                throw new ProofRejected("header." + name + ": not a field of a block header");
            }
        }
        long transactionCount = number(header, "transactionCount", "header.transactionCount");
        try {
            return new BlockHeader(
                    number(header, "height", "header.height"),
                    hash(header, "parentHash", "header.parentHash"),
                    number(header, "timestampMillis", "header.timestampMillis"),
                    PublicKey.wrap(hexBytes(header.get("proposer"), "header.proposer", PublicKey.SIZE)),
                    number(header, "view", "header.view"),
                    hash(header, "transactionsRoot", "header.transactionsRoot"),
                    hash(header, "stateRoot", "header.stateRoot"),
                    Math.toIntExact(transactionCount));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new ProofRejected("header: " + e.getMessage());
        }
    }

    private static CommitCertificate certificate(JsonNode certificate) throws ProofRejected {
        JsonNode signatures = certificate.get("signatures");
        if (signatures == null || !signatures.isArray()) {
            throw new ProofRejected("certificate.signatures: expected an array, got " + kind(signatures));
        }
        List<CommitCertificate.ValidatorSignature> list = new ArrayList<>(signatures.size());
        for (int i = 0; i < signatures.size(); i++) {
            String at = "certificate.signatures[" + i + "]";
            JsonNode signature = signatures.get(i);
            if (!signature.isObject()) {
                throw new ProofRejected(at + ": expected an object, got " + kind(signature));
            }
            long validator = number(signature, "validator", at + ".validator");
            Signature bytes = Signature.wrap(hexBytes(signature.get("signature"), at + ".signature", Signature.SIZE));
            try {
                list.add(new CommitCertificate.ValidatorSignature(Math.toIntExact(validator), bytes));
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new ProofRejected(at + ".validator: " + e.getMessage());
            }
        }
        try {
            return new CommitCertificate(number(certificate, "height", "certificate.height"),
                    number(certificate, "view", "certificate.view"),
                    hash(certificate, "blockHash", "certificate.blockHash"), list);
        } catch (IllegalArgumentException e) {
            throw new ProofRejected("certificate: " + e.getMessage());
        }
    }

    private static JsonNode object(JsonNode parent, String field, String at) throws ProofRejected {
        JsonNode value = parent.get(field);
        if (value == null || !value.isObject()) {
            throw new ProofRejected(at + ": expected an object, got " + kind(value));
        }
        return value;
    }

    private static long number(JsonNode parent, String field, String at) throws ProofRejected {
        JsonNode value = parent.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw new ProofRejected(at + ": expected an integer from 0 to " + Long.MAX_VALUE + ", got " + kind(value));
        }
        return value.longValue();
    }

    private static Hash hash(JsonNode parent, String field, String at) throws ProofRejected {
        return Hash.wrap(hexBytes(parent.get(field), at, Hash.SIZE));
    }

    private static byte[] hex(JsonNode parent, String field, String at) throws ProofRejected {
        JsonNode value = parent.get(field);
        if (value == null || !value.isTextual()) {
            throw new ProofRejected(at + ": expected a hex string, got " + kind(value));
        }
        return decode(value.textValue(), at);
    }

    private static byte[] hexBytes(JsonNode value, String at, int length) throws ProofRejected {
        if (value == null || !value.isTextual()) {
            throw new ProofRejected(at + ": expected " + 2 * length + " hex characters, got " + kind(value));
        }
        if (value.textValue().length() != 2 * length) {
            throw new ProofRejected(at + ": expected " + 2 * length + " hex characters, got "
                    + value.textValue().length());
        }
        return decode(value.textValue(), at);
    }

    private static byte[] decode(String text, String at) throws ProofRejected {
        if (!text.equals(text.toLowerCase(Locale.ROOT))) {
            throw new ProofRejected(at + ": expected lower-case hex");
        }
        try {
            return Hex.decode(text);
        } catch (IllegalArgumentException e) {
            throw new ProofRejected(at + ": " + e.getMessage());
        }
    }

    private static String kind(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing (the field is missing)";
        }
        String shown = value.toString();
        return value.getNodeType().name().toLowerCase(Locale.ROOT) + " "
                + (shown.length() > 40 ? shown.substring(0, 40) + "..." : shown);
    }
}
