/**
 * Durable storage of the chain: blocks, certificates, the transaction and account indexes and
 * the state, in one key-value store per node.
 *
 * <p>{@link io.cairn.ledger.store.LedgerStore} owns the layout (see
 * {@link io.cairn.ledger.store.StoreLayout}) and writes each committed block (block, header,
 * certificate, receipts, account index, state changes and the new head) as ONE synced batch, so a crash leaves
 * the old head or the new one, never a mix. On open it checks the head against the blocks and
 * refuses a store it cannot trust. Below it, a {@link io.cairn.ledger.store.KeyValueStore} is
 * LevelDB ({@link io.cairn.ledger.store.LevelDbKeyValueStore}: leveldbjni, or iq80's pure-Java
 * port where the native library cannot load) or memory
 * ({@link io.cairn.ledger.store.InMemoryKeyValueStore}, for tests and simulation).
 */
package io.cairn.ledger.store;
