/**
 * JSON-RPC 2.0 over a WebSocket at {@code /ws}: every method of the HTTP API, plus
 * {@code subscribe} and {@code unsubscribe} to node events.
 *
 * <p>How the parts fit: {@link io.cairn.rpc.ws.WsEndpoint} keeps one {@code WsSession} per socket
 * and refuses sockets beyond the limit. One {@code EventHub} subscribes to the node once; the
 * node's threads only put events into its bounded queue, and its own thread renders each event
 * once per topic and queues it on each subscribed session. Each session sends through its own
 * {@code Outbound} queue, bounded by count and bytes, one asynchronous write at a time, so no
 * thread ever waits on a client; a client whose queue fills is disconnected with 1008, and the
 * node and the other clients never notice.
 */
package io.cairn.rpc.ws;
