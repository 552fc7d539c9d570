package io.cairn.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.crypto.Hash;
import io.cairn.crypto.KeyPair;
import io.cairn.ledger.Block;
import io.cairn.ledger.ConsensusParams;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.Operation.Transfer;
import io.cairn.ledger.ProtocolLimits;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.codec.BlockCodec;
import io.cairn.ledger.state.StateFixture.HeaderCopy;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The block-level rules a backup checks: each broken one is named, and nothing is written. */
class BlockVerifierHeaderTest {
    private static final Genesis GENESIS = TestGenesis.of(4, 5);

    @Test
    void acceptsTheBuiltBlock() throws Exception {
        try (StateFixture ledger = new StateFixture(GENESIS)) {
            ledger.commit(ledger.build(transfers(ledger, 3)));
            assertThat(ledger.store.head().height()).isEqualTo(1);
        }
    }

    @Test
    void refusesWrongHeight() throws Exception {
        refusesEdited(header -> header.height = 2, "invalid block: height is 2, expected 1");
    }

    @Test
    void refusesParentOtherThanTheHead() throws Exception {
        Hash elsewhere = Hash.of(new byte[] {1});
        refusesEdited(header -> header.parentHash = elsewhere,
                "parent hash " + elsewhere + " is not the head " + GENESIS.hash());
    }

    @Test
    void refusesTimestampEqualToTheParents() throws Exception {
        long parent = TestGenesis.GENESIS_TIME;
        refusesEdited(header -> header.timestampMillis = parent,
                "timestamp " + parent + " is not after the parent's " + parent);
    }

    @Test
    void refusesTimestampBeforeTheParents() throws Exception {
        long before = TestGenesis.GENESIS_TIME - 1;
        refusesEdited(header -> header.timestampMillis = before, "timestamp " + before + " is not after the parent's");
    }

    @Test
    void refusesProposerOutsideTheValidators() throws Exception {
        KeyPair stranger = TestKeys.stranger();
        refusesEdited(header -> header.proposer = stranger.publicKey(),
                "proposer " + stranger.publicKey() + " is not a validator");
    }

    @Test
    void refusesTransactionsRootOfAnotherOrder() throws Exception {
        try (StateFixture ledger = new StateFixture(GENESIS)) {
            Block block = ledger.build(transfers(ledger, 2)).block();
            List<Transaction> swapped = List.of(block.transactions().get(1), block.transactions().get(0));
            ledger.assertInvalid(new Block(block.header(), swapped), "transactions root "
                    + block.header().transactionsRoot() + " does not match the transactions");
        }
    }

    @Test
    void refusesStateRootThatExecutionDoesNotGive() throws Exception {
        Hash claimed = Hash.of(new byte[] {2});
        refusesEdited(header -> header.stateRoot = claimed, "state root " + claimed + " does not match execution");
    }

    @Test
    void refusesMoreTransactionsThanTheGenesisAllows() throws Exception {
        Genesis small = TestGenesis.of(4, 5, new ConsensusParams(2, 4 * 1024 * 1024, ProtocolLimits.TRANSACTION_MAX_BYTES, 1_000));
        try (StateFixture ledger = new StateFixture(small)) {
            ledger.commit(ledger.build(transfers(ledger, 2))); // the limit itself is fine
            ledger.assertInvalid(buildIgnoringLimits(ledger, 3), "3 transactions, the limit is 2");
        }
    }

    @Test
    void refusesMoreBytesThanTheGenesisAllows() throws Exception {
        int transferBytes = transfersOn(TestGenesis.CHAIN_ID).encodedSize();
        int limit = BlockCodec.HEADER_BYTES + 2 * transferBytes;
        Genesis small = TestGenesis.of(4, 5, new ConsensusParams(100, limit, ConsensusParams.MIN_TRANSACTION_BYTES, 1_000));
        try (StateFixture ledger = new StateFixture(small)) {
            ledger.commit(ledger.build(transfers(ledger, 2))); // exactly at the limit
            assertThat(ledger.store.block(1).orElseThrow().encode()).hasSize(limit);
            ledger.assertInvalid(buildIgnoringLimits(ledger, 3),
                    (limit + transferBytes) + " bytes, the limit is " + limit);
        }
    }

    /** A valid block at height 1 with one field changed is refused with {@code message}. */
    private static void refusesEdited(Consumer<HeaderCopy> edit, String message) throws Exception {
        try (StateFixture ledger = new StateFixture(GENESIS)) {
            Block block = ledger.build(transfers(ledger, 2)).block();
            HeaderCopy header = new HeaderCopy(block.header());
            edit.accept(header);
            ledger.assertInvalid(new Block(header.toHeader(), block.transactions()), message);
        }
    }

    /** One transfer from each of the first {@code n} accounts, with their next nonces. */
    private static List<Transaction> transfers(StateFixture ledger, int n) {
        List<Transaction> txs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            txs.add(ledger.sign(TestKeys.account(i), new Transfer(TestKeys.account(i + 1).publicKey(), 1)));
        }
        return txs;
    }

    private static Transaction transfersOn(String chainId) {
        return Transaction.sign(chainId, TestKeys.account(0), 0, new Transfer(TestKeys.account(1).publicKey(), 1));
    }

    /** A correct block of {@code n} transfers on the ledger's head, built under the default limits. */
    private static Block buildIgnoringLimits(StateFixture ledger, int n) {
        Genesis unlimited = StateFixture.withParams(ledger.genesis, ConsensusParams.DEFAULTS);
        ProposedBlock proposed = new BlockBuilder(unlimited).build(ledger.store.head(), ledger.store,
                ledger.store.head().timestampMillis() + 1, TestKeys.validator(0).publicKey(), 0,
                transfers(ledger, n), SignatureVerifier.ALWAYS);
        assertThat(proposed.block().transactions()).hasSize(n);
        return proposed.block();
    }
}
