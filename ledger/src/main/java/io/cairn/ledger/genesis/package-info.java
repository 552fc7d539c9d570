/**
 * Genesis files: {@link io.cairn.ledger.genesis.GenesisFile} reads and writes the JSON form of
 * {@link io.cairn.ledger.Genesis} described in docs/genesis.md.
 *
 * <p>Reading has two layers. {@code GenesisJson} checks each field on its own (JSON type, exact
 * integers, hex keys, time, identifier syntax) through {@code JsonField}, which carries the
 * field's path; the {@code Genesis} records then check the rules across fields (duplicates,
 * supply, consensus ranges), with messages that start with the same paths. Either way the
 * caller gets one {@link io.cairn.ledger.genesis.GenesisException} whose message is one line.
 */
package io.cairn.ledger.genesis;
