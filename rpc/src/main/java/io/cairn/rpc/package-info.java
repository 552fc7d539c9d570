/**
 * JSON-RPC 2.0 over HTTP for a Cairn node (issue 5 adds WebSocket, the explorer and metrics).
 *
 * <p>How the parts fit: {@link io.cairn.rpc.RpcServer} owns HTTP (Javalin on a small Jetty pool,
 * the body limit, JSON for every error page) and hands each {@code POST /rpc} body to
 * {@link io.cairn.rpc.jsonrpc.JsonRpcDispatcher}, which owns the protocol (parsing, batches,
 * notifications, the error codes) and knows no method. The methods are one table,
 * {@link io.cairn.rpc.methods.RpcRoutes}, of small handlers that check their
 * {@link io.cairn.rpc.jsonrpc.Params}, read through {@link io.cairn.rpc.api.NodeApi} and shape
 * ledger records with the mappers in {@code io.cairn.rpc.json}.
 */
package io.cairn.rpc;
