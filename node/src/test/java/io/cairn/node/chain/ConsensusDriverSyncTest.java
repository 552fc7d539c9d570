package io.cairn.node.chain;

import static io.cairn.node.chain.ConsensusDriverTest.transfers;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ledger.ConsensusParams;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.testing.TestGenesis;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A validator cut off while the others commit blocks catches up through block sync once it is
 * back (status messages tell it it is behind; peers' block servers answer; its core checks each
 * certificate), and then takes part again.
 */
class ConsensusDriverSyncTest {
    private static final int TIMEOUT_TICKS = 10;
    private InProcessNetwork network;

    @AfterEach
    void close() {
        if (network != null) {
            network.close();
        }
    }

    @Test
    void aValidatorBackFromACutCatchesUpThroughBlockSyncAndTakesPartAgain() throws Exception {
        ConsensusParams defaults = ConsensusParams.DEFAULTS;
        Genesis genesis = TestGenesis.of(4, 4, new ConsensusParams(3, defaults.maxBlockBytes(),
                defaults.maxTransactionBytes(), defaults.viewChangeTimeoutMillis()));
        network = new InProcessNetwork(genesis, TIMEOUT_TICKS, Optional.empty());
        List<InProcessValidator> connected = network.validators.subList(0, 3);
        InProcessValidator late = network.validator(3);
        network.cutOff(3);
        network.start();
        List<Transaction> transactions = transfers(genesis, 4, 3);
        List<Transaction> before = transactions.subList(0, 10);
        List<Transaction> after = transactions.subList(10, 12);

        // Blocks of 3: four heights, more than one sync request of BLOCKS_PER_REQUEST; the fourth is
        // the cut validator's turn as primary, so the others get past it by a view change.
        InProcessNetwork.gossip(connected, before);
        network.awaitOneChainWith(connected, before);
        long height = network.validator(0).store.head().height();
        assertThat(height).isEqualTo(4);
        assertThat(network.validator(0).store.header(4).orElseThrow().view()).isPositive();
        assertThat(late.store.head().height()).isZero();

        network.rejoin(3);
        network.awaitOneChainWith(network.validators, before);

        InProcessNetwork.gossip(network.validators, after);
        network.awaitOneChainWith(network.validators, transactions);
        assertThat(late.store.head().height()).isGreaterThan(height);
        assertThat(late.sync.syncing()).isFalse();
        assertThat(network.problems).isEmpty();
    }
}
