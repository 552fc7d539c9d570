package io.cairn.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.consensus.DurableState;
import io.cairn.ledger.store.LedgerStore;
import io.cairn.ledger.store.LevelDbKeyValueStore;
import io.cairn.node.chain.VoteLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A validator killed again and again mid-consensus and restarted on its own data never signs two
 * different blocks for one height, view and phase: its vote log, kept across all its lives, holds
 * no conflict, and what it persisted agrees with what it sent.
 */
class VoteSafetyIT {
    private static final int VICTIM = 1;

    @Test
    void aValidatorRestartedOnItsDataNeverSignsAConflictingVote() throws Exception {
        try (LocalNetwork network = LocalNetwork.create("vote-safety", 4, true)) {
            network.startAll();
            Transfers transfers = new Transfers(network);
            for (int round = 0; round < 3; round++) {
                transfers.submit(60, 0, 1, 2, 3);
                network.kill(VICTIM);
                transfers.submit(30, 0, 2, 3);
                network.restart(VICTIM);
            }
            transfers.submit(60, 0, 1, 2, 3);
            // What the victim admitted just before a kill may have died with its mempool.
            Convergence.awaitCommitted(network, transfers.admittedBy(0, 2, 3), Duration.ofSeconds(90), 0, 1, 2, 3);
            Convergence.awaitSameHead(network, Duration.ofSeconds(60));
            network.close();

            List<String> sent = Files.readAllLines(network.home(VICTIM).resolve("votes.log"));
            assertThat(sent).as("the victim voted across its lives").hasSizeGreaterThan(20);
            assertThat(VoteLog.firstConflict(sent)).isEmpty();
            for (int other = 0; other < 4; other++) {
                assertThat(VoteLog.firstConflict(Files.readAllLines(network.home(other).resolve("votes.log"))))
                        .as("validator %d", other).isEmpty();
            }
            DurableState persisted = persistedState(network.home(VICTIM).resolve("data").resolve("ledger"),
                    network);
            for (DurableState.Signed vote : persisted.signed()) {
                String line = persisted.height() + " " + vote.view() + " " + vote.type() + " " + vote.digest();
                List<String> sameSlot = sent.stream()
                        .filter(s -> s.startsWith(persisted.height() + " " + vote.view() + " " + vote.type() + " "))
                        .toList();
                assertThat(sameSlot).as("what it sent for the persisted vote %s", line).allMatch(line::equals);
            }
        }
    }

    private static DurableState persistedState(Path store, LocalNetwork network) throws Exception {
        try (LedgerStore ledger = LedgerStore.open(LevelDbKeyValueStore.open(store), network.genesis())) {
            return DurableState.decode(ledger.consensusState().orElseThrow());
        }
    }
}
