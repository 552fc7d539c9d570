package io.cairn.node.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Settings built in code, not read from a file, are held to the same ranges as the file. */
class ConfigRecordsTest {
    @Test
    void addressesOutOfRangeCannotBeBuilt() {
        assertThatThrownBy(() -> new HostPort("h", 65_536)).hasMessage("port 65536 is outside 1..65535");
        assertThatThrownBy(() -> new HostPort("", 80)).hasMessage("the host is empty");
        assertThatThrownBy(() -> new PeerAddress("", new HostPort("h", 80))).hasMessage("the validator is empty");
    }

    @Test
    void limitsOutOfRangeCannotBeBuilt() {
        Limits d = Limits.DEFAULTS;
        assertThatThrownBy(() -> new Limits(0, d.mempoolBytes(), d.nonceWindow(), d.peerQueueBytes(), d.rpcMaxBodyBytes()))
                .hasMessage("limits.mempoolTransactions: 0 is outside 1..10000000");
        assertThatThrownBy(() -> new Limits(d.mempoolTransactions(), d.mempoolBytes(), d.nonceWindow(), 1, d.rpcMaxBodyBytes()))
                .hasMessage("limits.peerQueueBytes: 1 is outside 1048576..4294967296");
        assertThatThrownBy(() -> new ConsensusOptions(1_001, false))
                .hasMessage("consensus.tickMillis: 1001 is outside 10..1000");
    }
}
