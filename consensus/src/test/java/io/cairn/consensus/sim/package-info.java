/**
 * A deterministic simulator for the consensus core, after TigerBeetle's VOPR and FoundationDB's
 * simulation: n real, unchanged {@link io.cairn.consensus.PbftCore}s over a simulated network,
 * clock and disk, every choice drawn from one seed.
 *
 * <h2>The parts</h2>
 * {@link io.cairn.consensus.sim.Scenario} draws a run's parameters from the seed (size, fault mix,
 * delays, timeouts, Byzantine validators); {@link io.cairn.consensus.sim.Timeline} is simulated
 * time; {@link io.cairn.consensus.sim.SimNetwork} delays, loses, duplicates, reorders and partitions
 * packets; {@link io.cairn.consensus.sim.SimNode} drives a core exactly as the package documentation
 * of {@code io.cairn.consensus} prescribes (persist, send, apply, acknowledge), keeps a disk (the
 * last persisted DurableState and the committed chain with certificates) and syncs blocks through the
 * network; {@link io.cairn.consensus.sim.ByzantineNode} and {@link io.cairn.consensus.sim.Forgery}
 * misbehave; {@link io.cairn.consensus.sim.FaultInjector} forms and heals partitions, clogs links,
 * crashes and restarts nodes, pauses the load, then heals everything; {@code SafetyChecker} runs
 * after every event and {@code LivenessChecker} after healing; {@link io.cairn.consensus.sim.Trace}
 * digests the whole run so that a replay can be compared.
 *
 * <h2>Running it</h2>
 * <ul>
 *   <li>The normal suite, {@code SimulationTest}, runs seeds 1 to 400 and prints a summary line.</li>
 *   <li>{@code -Dcairn.sim.seed=S} replays seed S (add {@code -Dcairn.sim.log=true} to print every
 *       event); {@code -Dcairn.sim.seeds=N} runs N seeds, from {@code -Dcairn.sim.firstSeed}.</li>
 *   <li>The long run: {@code mvn -B -q -pl consensus -am verify -Dtest=SimulationLongRunTest
 *       -Dsurefire.failIfNoSpecifiedTests=false -Dcairn.sim.seeds=10000} (seeds from 1,000,000, on
 *       every core; {@code -Dcairn.sim.threads} to choose).</li>
 *   <li>The scale table: {@code -Dtest=ScaleReport} (n = 4, 16, 64, 100 over a WAN).</li>
 * </ul>
 * Output goes to {@code consensus/target/surefire-reports/<class>-output.txt}.
 */
package io.cairn.consensus.sim;
