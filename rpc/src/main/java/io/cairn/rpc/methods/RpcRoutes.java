package io.cairn.rpc.methods;

import io.cairn.rpc.api.NodeApi;
import io.cairn.rpc.jsonrpc.RpcMethod;
import java.util.List;
import java.util.Map;

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
        return Map.of(
                "node_status", route(List.of(), status::status),
                "net_peers", route(List.of(), status::peers),
                "chain_getValidators", route(List.of(), chain::validators),
                "chain_getBlock", route(List.of("height", "hash"), chain::block),
                "tx_submit", route(List.of("tx"), tx::submit),
                "tx_get", route(List.of("hash"), tx::get),
                "state_getAccount", route(List.of("address"), state::account));
    }

    private static RpcMethod route(List<String> parameters, RpcMethod.Handler handler) {
        return new RpcMethod(parameters, handler);
    }
}
