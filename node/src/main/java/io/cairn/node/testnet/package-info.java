/**
 * Test-only fault injection for a node started by {@code cairn-testnet}: a loopback HTTP admin
 * ({@link io.cairn.node.testnet.FaultAdmin}) that cuts and restores p2p links. Absent unless the
 * config has {@code testnet.adminListen}.
 */
package io.cairn.node.testnet;
