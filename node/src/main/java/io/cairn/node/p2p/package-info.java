/**
 * The validators' p2p transport: Netty, TLS 1.3 with both sides authenticated, length-prefixed
 * frames. Entry point: {@link io.cairn.node.p2p.PeerNetwork}; what it hands the node:
 * {@link io.cairn.node.p2p.PeerListener}.
 *
 * <h2>Who connects to whom</h2>
 * Exactly one connection per pair of validators: validator i dials validator j only when
 * i &lt; j, and j accepts. A validator that dials a lower one is refused. When a validator
 * connects again (it restarted before the old connection was noticed dead), the newer
 * connection replaces the older. A dialer redials after a failure or a lost connection with
 * exponential backoff and full jitter (the n-th failure in a row waits a random time in
 * [backoffMin, min(backoffMax, backoffMin * 2^n)]); a completed handshake resets it.
 *
 * <h2>Handshake</h2>
 * <ol>
 * <li>TLS 1.3 only, SunJSSE, client authentication required. Each node presents a self-signed
 * X.509 certificate made at start over its Ed25519 validator key. Trust is by key, not by CA,
 * name or date: the peer's certificate key must be one of the genesis validators' keys (never
 * our own) and must sign the certificate; the dialer additionally requires the key of exactly
 * the validator it dialed. TLS itself proves the peer holds the private key.</li>
 * <li>Each side then sends a Hello as its first frame: {@code u16 version (1) | u8 length +
 * chain id (ASCII) | 32-byte genesis hash | u16 validator index}. The receiver closes the
 * connection unless the version is 1, chain id and genesis hash equal its own, and the index is
 * the one whose key the certificate carries.</li>
 * <li>TLS and the Hello exchange together must finish within {@code handshakeTimeout}.</li>
 * </ol>
 *
 * <h2>Frames</h2>
 * Inside TLS every frame is a 4-byte big-endian unsigned length followed by that many payload
 * bytes, at most {@code maxFrameBytes}. A peer announcing a longer frame is cut off at once,
 * before the bytes arrive. A zero-length frame is a keepalive, sent after {@code idleTimeout / 3}
 * without writes and never delivered; a connection that receives nothing for
 * {@code idleTimeout} is closed.
 *
 * <h2>Backpressure</h2>
 * Each connection counts the bytes (payload + 4) queued but not yet written to its socket. A
 * message that would push them above {@code maxQueuedBytesPerPeer} is dropped and counted, and
 * the connection stays: one slow peer never stalls sends to the others, nor grows memory.
 *
 * <h2>Failures</h2>
 * Garbage, non-TLS clients, failed handshakes, unknown keys, another chain, oversized frames:
 * that connection is closed, one WARN line names the remote address and the reason (never a
 * key, never a stack trace), and {@link io.cairn.node.p2p.PeerNetworkStats#closed} counts it by
 * {@link io.cairn.node.p2p.DisconnectReason}. The network carries on.
 *
 * <h2>Threads</h2>
 * One accept thread and two I/O threads ({@code cairn-p2p-accept}, {@code cairn-p2p-io}).
 * Listener callbacks run on the I/O threads and must only decode and enqueue. Connect and
 * disconnect callbacks arrive in the order the connections changed; {@code onConnected} may
 * repeat when a newer connection replaced an older one.
 */
package io.cairn.node.p2p;
