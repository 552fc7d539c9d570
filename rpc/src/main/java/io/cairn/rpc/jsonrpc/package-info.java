/**
 * JSON-RPC 2.0 itself, with no HTTP and no methods: the dispatcher, the error objects, parameter
 * binding by name or position, and the strict Jackson configuration.
 */
package io.cairn.rpc.jsonrpc;
