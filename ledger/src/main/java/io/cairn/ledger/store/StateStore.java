package io.cairn.ledger.store;

import io.cairn.ledger.state.WorldState;

/** The committed state, as of {@link BlockStore#head()}. */
public interface StateStore extends WorldState {
}
