/**
 * The core's state ({@link io.cairn.consensus.statemachine.CoreState}) and its handlers by role:
 * {@link io.cairn.consensus.statemachine.NormalCase}, {@link io.cairn.consensus.statemachine.ViewChanging},
 * {@link io.cairn.consensus.statemachine.Syncing}, routed by {@link io.cairn.consensus.statemachine.Dispatcher}.
 */
package io.cairn.consensus.statemachine;
