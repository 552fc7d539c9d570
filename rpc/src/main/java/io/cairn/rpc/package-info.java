/** JSON-RPC 2.0 over HTTP and WebSocket, the explorer page and metrics. (Issue 5.) */
package io.cairn.rpc;
