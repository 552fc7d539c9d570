package io.cairn.node.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cairn.consensus.ValidatorSet;
import io.cairn.ledger.Block;
import io.cairn.ledger.ChainHead;
import io.cairn.ledger.ConsensusParams;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.Validator;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four validators, each a real core, chain and mempool on an in-memory store behind its own
 * driver thread, connected in process: what the drivers do in their fixed order (persist, send,
 * apply, acknowledge) must make them agree on one chain holding every submitted transaction.
 */
class ConsensusDriverTest {
    static final int TIMEOUT_TICKS = 20;
    private InProcessNetwork network;

    @AfterEach
    void close() {
        if (network != null) {
            network.close();
        }
    }

    /** {@code perAccount} transfers from each of the first {@code accounts} accounts, nonces from 0. */
    static List<Transaction> transfers(Genesis genesis, int accounts, int perAccount) {
        List<Transaction> transactions = new ArrayList<>();
        for (int nonce = 0; nonce < perAccount; nonce++) {
            for (int account = 0; account < accounts; account++) {
                transactions.add(Transaction.sign(genesis.chainId(), TestKeys.account(account), nonce,
                        new Operation.Transfer(TestKeys.account((account + 1) % accounts).publicKey(), 1 + nonce)));
            }
        }
        return transactions;
    }

    @Test
    void fourValidatorsCommitWhatThePrimaryWasGivenToOneChain(@TempDir Path dir) throws Exception {
        Genesis genesis = TestGenesis.of(4, 4);
        network = new InProcessNetwork(genesis, TIMEOUT_TICKS, Optional.of(dir));
        network.start();
        List<Transaction> transactions = transfers(genesis, 4, 3);

        network.validator(0).submit(transactions); // the primary of height 1: all of them fit in its block

        network.awaitOneChainWith(network.validators, transactions);
        assertThat(network.problems).isEmpty();
        for (InProcessValidator validator : network.validators) {
            List<String> votes = Files.readAllLines(dir.resolve("votes-" + validator.index + ".log"));
            assertThat(votes).as("votes of validator %d", validator.index).isNotEmpty();
            assertThat(VoteLog.firstConflict(votes)).isEmpty();
        }
    }

    /**
     * Once the mempools are empty the drivers must tell their cores there is no work left;
     * a core that still thinks there is would time out and ask for a view change at the next height.
     */
    @Test
    void validatorsStayQuietInTheirViewOnceEverythingIsCommitted() throws Exception {
        Genesis genesis = TestGenesis.of(4, 4);
        network = new InProcessNetwork(genesis, TIMEOUT_TICKS, Optional.empty());
        network.start();
        List<Transaction> transactions = transfers(genesis, 4, 1);
        network.validator(0).submit(transactions);
        network.awaitOneChainWith(network.validators, transactions);
        ChainHead head = network.validator(0).store.head();

        int[] ticks = {0};
        await().atMost(Duration.ofSeconds(10)).pollInSameThread().pollInterval(Duration.ofMillis(5))
                .until(() -> {
                    network.tick();
                    return ++ticks[0] >= 3 * TIMEOUT_TICKS;
                });
        network.awaitOneChainWith(network.validators, transactions);

        for (InProcessValidator validator : network.validators) {
            assertThat(validator.store.head()).isEqualTo(head);
            assertThat(validator.driver.position()).isEqualTo(new ConsensusDriver.Position(head.height() + 1, 0,
                    (int) (head.height() % 4), false));
        }
        assertThat(network.problems).isEmpty();
    }

    /**
     * Gossip puts every transaction in every mempool; blocks of at most 3 spread them over
     * several heights, so several primaries propose and every mempool hears of blocks it did not build.
     */
    @Test
    void blocksOfEveryPrimaryCarryTransactionsGossipedToAll() throws Exception {
        ConsensusParams defaults = ConsensusParams.DEFAULTS;
        Genesis genesis = TestGenesis.of(4, 4, new ConsensusParams(3, defaults.maxBlockBytes(),
                defaults.maxTransactionBytes(), defaults.viewChangeTimeoutMillis()));
        network = new InProcessNetwork(genesis, TIMEOUT_TICKS, Optional.empty());
        network.start();
        List<Transaction> transactions = transfers(genesis, 4, 3);

        InProcessNetwork.gossip(network.validators, transactions);

        network.awaitOneChainWith(network.validators, transactions);
        assertThat(network.problems).isEmpty();
        InProcessValidator any = network.validator(2);
        assertThat(any.store.head().height()).isGreaterThanOrEqualTo(4);
        ValidatorSet set = new ValidatorSet(genesis.validators().stream().map(Validator::publicKey).toList());
        List<Block> blocks = any.committed;
        for (Block block : blocks) {
            assertThat(block.header().proposer()).as("proposer of block %d", block.height())
                    .isEqualTo(set.key(set.primary(block.height(), block.header().view())));
        }
        assertThat(blocks.stream().map(block -> block.header().proposer()).distinct().count()).isGreaterThan(1);
    }
}
