/**
 * PBFT (Castro and Liskov, OSDI 1999) for blocks, as a pure state machine in the manner of etcd's
 * raft: {@link io.cairn.consensus.PbftCore} never sends, sleeps, reads a clock, draws randomness
 * or touches a disk. Heights are PBFT's sequence numbers, decided one at a time. Views are
 * numbered per height: every height starts at view 0, and the primary of view v at height h is
 * validator (h - 1 + v) mod n.
 *
 * <h2>Driving a core</h2>
 * One thread owns a core. Network handlers only decode messages and enqueue them; a timer only
 * enqueues ticks. The thread takes one event at a time ({@link io.cairn.consensus.Event}: a
 * received message, a tick, whether transactions are waiting, an applied block, a synced block),
 * calls {@link io.cairn.consensus.PbftCore#step}, and carries out the returned
 * {@link io.cairn.consensus.Ready} in this fixed order:
 * <ol>
 *   <li><b>persist</b> {@code Ready.persist()}, durably (fsync), before anything else: a vote
 *       must never leave the process before it is on disk, or a restart could sign a second,
 *       different block for the same height and view;</li>
 *   <li><b>send</b> {@code Ready.messages()};</li>
 *   <li><b>apply</b> each of {@code Ready.decisions()}: execute the block and store it with its
 *       certificate;</li>
 *   <li><b>acknowledge</b> each applied block with {@link io.cairn.consensus.Event.Applied}, which
 *       moves the core to the next height. Until then it holds messages for that height.</li>
 * </ol>
 * {@code Ready.sync()} asks the node to fetch blocks with certificates from peers and feed each
 * back as {@link io.cairn.consensus.Event.Synced}; {@code Ready.evidence()} reports proof of a
 * faulty validator. After a restart, build the core from what was persisted and the store's
 * head, and carry out {@link io.cairn.consensus.PbftCore#start()} first.
 *
 * <h2>Inside</h2>
 * {@code messages} holds the five signed messages, their sign-bytes and codec; {@code validation}
 * the certificate and view-change checks and the new-view rule; {@code statemachine} the handlers
 * by role (normal case, view change, sync) around one shared state; {@code types} the ports the
 * node fills in (building and validating blocks). docs/consensus.md explains the protocol.
 */
package io.cairn.consensus;
