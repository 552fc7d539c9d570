/**
 * The mempool: transactions admitted and waiting for a block.
 *
 * <p>{@link io.cairn.node.mempool.Mempool#add} runs the checks cheapest first: decode (the strict
 * canonical codec), form (chain id, size), duplicates (pending, lately committed, or lately refused
 * for a bad signature), the sender's account and permission, the nonce window, a nonce already
 * taken, the balance after the sender's pending transfers, the mempool's limits, and last the
 * signature, outside the lock; then the state-dependent checks again under the lock before the
 * transaction goes in. A refused transaction leaves nothing behind but a counter (and, for a bad
 * signature, its hash in the memory of seen hashes).
 *
 * <p>Pending transactions are kept per sender by nonce ({@code SenderQueue}), senders in the
 * order their first pending transaction arrived ({@code PendingPool}). The consensus thread takes
 * {@code candidates} (each sender's consecutive nonces from its account nonce, round-robin across
 * senders) for {@code BlockBuilder}, passing {@code signatures()} so admitted transactions are not
 * verified again, and reports each committed block through {@code committed}, which evicts what
 * the block included and re-checks every account the block touched.
 */
package io.cairn.node.mempool;
