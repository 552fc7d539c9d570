package io.cairn.node.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.crypto.Hash;
import io.cairn.crypto.Hex;
import io.cairn.crypto.PublicKey;
import io.cairn.ledger.ProtocolLimits;
import io.cairn.ledger.Transaction;
import java.util.Optional;

/**
 * The calls the command line makes, by name and with their answers checked: what a node must
 * answer for the client to go on, and "not found" (a JSON null) as an empty Optional.
 */
public final class NodeClient {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final JsonRpcClient rpc;

    public NodeClient(JsonRpcClient rpc) {
        this.rpc = rpc;
    }

    public JsonRpcClient rpc() {
        return rpc;
    }

    /** The chain id the node runs, from {@code node_status}. */
    public String chainId() throws ClientException {
        JsonNode status = rpc.call("node_status", JSON.objectNode());
        JsonNode chainId = status.path("chainId");
        if (!chainId.isTextual()
                || !ProtocolLimits.isValidIdentifier(chainId.textValue(), ProtocolLimits.CHAIN_ID_MAX_LENGTH)) {
            throw malformed("node_status", "has no valid chainId: " + chainId);
        }
        return chainId.textValue();
    }

    /** The account's next nonce from {@code state_getAccount}: 0 for an account the chain does not hold yet. */
    public long nextNonce(PublicKey account) throws ClientException {
        Optional<JsonNode> found = account(account);
        if (found.isEmpty()) {
            return 0;
        }
        JsonNode nonce = found.get().path("nonce");
        if (!nonce.isIntegralNumber() || !nonce.canConvertToLong() || nonce.longValue() < 0) {
            throw malformed("state_getAccount", "has no valid nonce");
        }
        return nonce.longValue();
    }

    /**
     * Submits the signed transaction (its canonical encoding, nothing else) with {@code tx_submit};
     * the hash the node admitted it under, which must be the transaction's own.
     */
    public Hash submit(Transaction transaction) throws ClientException {
        JsonNode answer = rpc.call("tx_submit", JSON.objectNode().put("tx", Hex.encode(transaction.encode())));
        Hash expected = transaction.hash();
        if (!expected.toHex().equals(answer.path("hash").textValue())) {
            throw malformed("tx_submit", "names hash " + answer.path("hash") + ", the transaction's hash is "
                    + expected.toHex());
        }
        return expected;
    }

    /** {@code tx_get}: pending, committed, or empty when the node knows nothing of it. */
    public Optional<JsonNode> transaction(Hash hash) throws ClientException {
        return found(rpc.call("tx_get", JSON.objectNode().put("hash", hash.toHex())));
    }

    /** {@code chain_getBlock} by height, by hash or "latest". */
    public Optional<JsonNode> block(BlockReference block) throws ClientException {
        return found(rpc.call("chain_getBlock", block.params()));
    }

    /** {@code state_getAccount}. */
    public Optional<JsonNode> account(PublicKey address) throws ClientException {
        return found(rpc.call("state_getAccount", JSON.objectNode().put("address", address.toHex())));
    }

    private static Optional<JsonNode> found(JsonNode result) {
        return result == null || result.isNull() ? Optional.empty() : Optional.of(result);
    }

    private ClientException malformed(String method, String what) {
        return new ClientException("the answer of the node at " + rpc.endpoint() + " to " + method + " " + what);
    }

    /** Which block {@code chain_getBlock} should return. */
    public sealed interface BlockReference {
        ObjectNode params();

        /** "latest", a height in decimal, or a block hash in hex. */
        static BlockReference parse(String text) {
            if (text.equals("latest")) {
                return new Latest();
            }
            if (text.matches("[0-9]+")) {
                try {
                    return new AtHeight(Long.parseLong(text));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("height " + text + " is larger than " + Long.MAX_VALUE);
                }
            }
            if (text.length() == 2 * Hash.SIZE) {
                return new WithHash(Hash.fromHex(text));
            }
            throw new IllegalArgumentException("expected a height, a block hash (64 hex characters) or 'latest', got '"
                    + text + "'");
        }

        record Latest() implements BlockReference {
            @Override
            public ObjectNode params() {
                return JSON.objectNode().put("height", "latest");
            }

            @Override
            public String toString() {
                return "latest";
            }
        }

        record AtHeight(long height) implements BlockReference {
            @Override
            public ObjectNode params() {
                return JSON.objectNode().put("height", height);
            }

            @Override
            public String toString() {
                return "at height " + height;
            }
        }

        record WithHash(Hash hash) implements BlockReference {
            @Override
            public ObjectNode params() {
                return JSON.objectNode().put("hash", hash.toHex());
            }

            @Override
            public String toString() {
                return hash.toHex();
            }
        }
    }
}
