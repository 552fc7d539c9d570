/**
 * The state transition. {@link io.cairn.ledger.state.TransactionRules} decides whether a
 * transaction may enter a block (well-formed, signed, sender permitted, nonce exactly next) and
 * what it does there; {@link io.cairn.ledger.state.BlockExecutor} applies a block's transactions
 * in order over a {@link io.cairn.ledger.state.StateOverlay}, producing receipts, the changed
 * entries and the new state root. A transaction that may enter a block but then fails (too
 * little balance, a permission already held) still uses its nonce, so it cannot be replayed.
 *
 * <p>A block that holds a transaction that may not enter a block is invalid as a whole: the
 * proposer ({@link io.cairn.ledger.state.BlockBuilder}) leaves such transactions out, and
 * backups ({@link io.cairn.ledger.state.BlockVerifier}) refuse blocks that contain them.
 */
package io.cairn.ledger.state;
