package io.cairn.rpc.methods;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.rpc.api.NodeApi;
import io.cairn.rpc.json.NodeJson;
import io.cairn.rpc.jsonrpc.Params;

/** {@code node_status} and {@code net_peers}: the node's live state. */
final class NodeMethods {
    private final NodeApi node;

    NodeMethods(NodeApi node) {
        this.node = node;
    }

    JsonNode status(Params params) {
        return NodeJson.status(node.status());
    }

    JsonNode peers(Params params) {
        return NodeJson.peers(node.peers());
    }
}
