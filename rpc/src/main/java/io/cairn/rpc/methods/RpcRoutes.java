package io.cairn.rpc.methods;

import static java.util.Map.entry;

import io.cairn.rpc.api.NodeApi;
import io.cairn.rpc.jsonrpc.RpcMethod;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every method of the API in one table: its name, its parameters in positional order, and the
 * handler. Handlers live beside this file, one class per namespace.
 */
public final class RpcRoutes {
    private RpcRoutes() {}

    public static Map<String, RpcMethod> table(NodeApi node) {
        NodeMethods status = new NodeMethods(node);
        ChainMethods chain = new ChainMethods(node);
        TxMethods tx = new TxMethods(node);
        StateMethods state = new StateMethods(node);
        return Map.ofEntries(
                route("node_status", List.of(), status::status),
                route("net_peers", List.of(), status::peers),
                route("chain_getValidators", List.of(), chain::validators),
                route("chain_getBlock", List.of("height", "hash"), chain::block),
                route("chain_getBlocks", List.of("from", "limit"), chain::blocks),
                // A batch of submissions reaches the node as one, for its mempool to admit in one pass.
                entry("tx_submit", new RpcMethod(List.of("tx"), tx::submit, Optional.of(tx::submitAll))),
                route("tx_get", List.of("hash"), tx::get),
                route("tx_getProof", List.of("hash"), tx::proof),
                route("tx_listByAccount", List.of("address", "before", "limit"), tx::listByAccount),
                route("state_getAccount", List.of("address"), state::account),
                route("state_get", List.of("owner", "key"), state::value));
    }

    private static Map.Entry<String, RpcMethod> route(String name, List<String> parameters, RpcMethod.Handler handler) {
        return entry(name, new RpcMethod(parameters, handler));
    }
}
