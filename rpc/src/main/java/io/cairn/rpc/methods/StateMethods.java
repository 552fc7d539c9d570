package io.cairn.rpc.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.cairn.crypto.PublicKey;
import io.cairn.rpc.api.NodeApi;
import io.cairn.rpc.json.AccountJson;
import io.cairn.rpc.jsonrpc.Params;
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
}
