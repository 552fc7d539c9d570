/**
 * Regression tests for attacks on the core found in review (fixed in commit ed3e023): each class
 * replays one attack by a Byzantine validator or a faulty network and asserts the fixed behaviour,
 * so each fails on the core before the fix. Most run honest {@link io.cairn.consensus.PbftCore}s in
 * {@link io.cairn.consensus.attacks.MiniNet}, a small synchronous network in which the test itself
 * plays the Byzantine validator; the rest drive one core directly. Loops are bounded in ticks.
 */
package io.cairn.consensus.attacks;
