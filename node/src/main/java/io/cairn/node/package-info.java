/** The node process: config, CLI, p2p, mempool, the consensus driver and block sync. (Issue 4.) */
package io.cairn.node;
