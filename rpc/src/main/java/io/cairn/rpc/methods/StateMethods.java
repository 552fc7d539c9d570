package io.cairn.rpc.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.cairn.crypto.PublicKey;
import io.cairn.ledger.ProtocolLimits;
import io.cairn.rpc.api.NodeApi;
import io.cairn.rpc.json.AccountJson;
import io.cairn.rpc.jsonrpc.Params;
import io.cairn.rpc.jsonrpc.RpcError;
import io.cairn.rpc.jsonrpc.RpcException;

/** {@code state_*}: the committed state at the head. */
final class StateMethods {
    private final NodeApi node;

    StateMethods(NodeApi node) {
        this.node = node;
    }

    /** The account at {@code address}, or null when it has never existed. */
    JsonNode account(Params params) throws RpcException {
        PublicKey address = params.publicKey("address");
        return node.state().account(address)
                .<JsonNode>map(account -> AccountJson.of(address, account))
                .orElse(NullNode.getInstance());
    }

    /** The value {@code owner} anchored under {@code key} with a put, or null when there is none. */
    JsonNode value(Params params) throws RpcException {
        PublicKey owner = params.publicKey("owner");
        byte[] key = params.hexBytes("key");
        if (key.length > ProtocolLimits.PUT_KEY_MAX_BYTES) {
            throw new RpcException(RpcError.invalidParam("key", "must be 1 to " + ProtocolLimits.PUT_KEY_MAX_BYTES
                    + " bytes, got " + key.length));
        }
        return node.state().data(owner, key)
                .<JsonNode>map(value -> AccountJson.value(owner, key, value))
                .orElse(NullNode.getInstance());
    }
}
