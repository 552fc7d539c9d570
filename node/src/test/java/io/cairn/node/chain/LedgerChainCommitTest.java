package io.cairn.node.chain;

import static io.cairn.node.chain.LedgerChainTest.GENESIS;
import static io.cairn.node.chain.LedgerChainTest.NOW;
import static io.cairn.node.chain.LedgerChainTest.transfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.consensus.Ready.Decision;
import io.cairn.consensus.types.Proposal;
import io.cairn.crypto.Hash;
import io.cairn.ledger.Block;
import io.cairn.ledger.BlockHeader;
import io.cairn.ledger.ChainHead;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.state.BlockBuilder;
import io.cairn.ledger.state.InvalidBlockException;
import io.cairn.ledger.state.SignatureVerifier;
import io.cairn.ledger.store.LedgerStore;
import io.cairn.ledger.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Committing what consensus decided, and executing each block once on the way. */
class LedgerChainCommitTest {
    private final CountingKeyValueStore kv = new CountingKeyValueStore();
    private final LedgerStore store = open();
    private final RecordingPool pool = new RecordingPool();
    private final LedgerChain chain = new LedgerChain(store, TestKeys.validator(1).publicKey(), pool, () -> NOW, false);

    private LedgerStore open() {
        try {
            return LedgerStore.open(kv, GENESIS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Validator 0's block of {@code transactions} on this store's head, as another node builds it. */
    private Block proposedByAnother(Transaction... transactions) {
        return new BlockBuilder(GENESIS).build(store.head(), store, NOW, TestKeys.validator(0).publicKey(), 0,
                List.of(transactions), SignatureVerifier.ALWAYS).block();
    }

    private static Decision decided(Block block) {
        return decided(block.height(), block.encode(), block);
    }

    private static Decision decided(long height, byte[] bytes, Block certified) {
        return new Decision(height, new Proposal(bytes, certified.hash()), TestCertificates.quorum(GENESIS, certified));
    }

    @Test
    void commitStoresTheBlockWithItsCertificateInOneSyncedBatchAndTellsThePool() throws Exception {
        Transaction first = transfer(0, 0);
        Transaction second = transfer(1, 0);
        pool.add(first, second, transfer(2, 0));
        Block block = proposedByAnother(first, second);
        Decision decision = decided(block);
        int writesBefore = kv.writes.size();

        assertThat(chain.commit(decision)).isEqualTo(block);

        assertThat(kv.writes.subList(writesBefore, kv.writes.size())).singleElement()
                .satisfies(write -> assertThat(write.synced()).isTrue());
        assertThat(store.head()).isEqualTo(ChainHead.of(block.header()));
        assertThat(store.block(1)).contains(block);
        assertThat(store.certificate(1)).contains(Certificates.toLedger(decision.certificate()));
        assertThat(store.receipt(first.hash())).hasValueSatisfying(receipt -> assertThat(receipt.height()).isEqualTo(1));
        assertThat(pool.committedBlocks).containsExactly(List.of(first, second));
        assertThat(pool.pending).containsExactly(transfer(2, 0));
    }

    @Test
    void aDecidedBlockThatDoesNotExecuteThrowsAndChangesNothing() throws Exception {
        Block genuine = proposedByAnother(transfer(0, 0));
        BlockHeader h = genuine.header();
        Block wrongRoot = new Block(new BlockHeader(h.height(), h.parentHash(), h.timestampMillis(), h.proposer(),
                h.view(), h.transactionsRoot(), Hash.of("not the state".getBytes(StandardCharsets.UTF_8)),
                h.transactionCount()), genuine.transactions());
        int writesBefore = kv.writes.size();

        assertThatThrownBy(() -> chain.commit(decided(wrongRoot))).isInstanceOf(InvalidBlockException.class)
                .hasMessageContaining("state root");

        assertUnchanged(writesBefore);
        assertThat(chain.commit(decided(genuine))).as("the chain goes on with the genuine block").isEqualTo(genuine);
    }

    @Test
    void aDecidedProposalThatDoesNotDecodeThrowsAndChangesNothing() {
        Block genuine = proposedByAnother(transfer(0, 0));
        int writesBefore = kv.writes.size();

        assertThatThrownBy(() -> chain.commit(decided(1, new byte[] {9, 9, 9}, genuine)))
                .isInstanceOf(InvalidBlockException.class)
                .hasMessageContaining("decided block at height 1 does not decode");

        assertUnchanged(writesBefore);
    }

    private void assertUnchanged(int writesBefore) {
        assertThat(kv.writes).hasSize(writesBefore);
        assertThat(store.head().height()).isZero();
        assertThat(store.block(1)).isEmpty();
        assertThat(store.certificate(1)).isEmpty();
        assertThat(pool.committedBlocks).isEmpty();
    }

    @Test
    void aBlockBuiltHereIsNotExecutedAgainToCommitIt() throws Exception {
        pool.add(transfer(0, 0), transfer(1, 0));
        Block block = Block.decode(chain.build(1, 0).orElseThrow().bytes());

        chain.commit(decided(block));

        assertThat(pool.signatureChecks).containsOnlyKeys(block.transactionHashes()).allSatisfy(
                (hash, checks) -> assertThat(checks).as("checks of %s", hash).isEqualTo(1));
    }

    @Test
    void aBlockValidatedHereIsNotExecutedAgainWhenReProposedOrCommitted() throws Exception {
        Block block = proposedByAnother(transfer(0, 0), transfer(1, 0));

        assertThat(chain.validate(1, 0, block.encode())).contains(block.hash());
        assertThat(chain.validate(1, 1, block.encode())).contains(block.hash());
        chain.commit(decided(block));

        assertThat(pool.signatureChecks).isEqualTo(Map.of(block.transactionHashes().get(0), 1,
                block.transactionHashes().get(1), 1));
    }

    /** A synced block reaches the chain only at commit: executed there, once. */
    @Test
    void aBlockFirstSeenAtCommitIsExecutedThereOnce() throws Exception {
        Block block = proposedByAnother(transfer(0, 0));

        chain.commit(decided(block));

        assertThat(pool.signatureChecks).isEqualTo(Map.of(block.transactionHashes().get(0), 1));
    }

    /** After a commit the next block builds on the new head with what is left in the pool. */
    @Test
    void theNextBlockBuildsOnTheCommittedOne() throws Exception {
        pool.add(transfer(0, 0));
        Block first = Block.decode(chain.build(1, 0).orElseThrow().bytes());
        chain.commit(decided(first));
        pool.add(transfer(0, 1));

        assertThat(chain.build(1, 0)).isEmpty();
        Block second = Block.decode(chain.build(2, 0).orElseThrow().bytes());
        assertThat(second.header().parentHash()).isEqualTo(first.hash());
        assertThat(second.transactions()).containsExactly(transfer(0, 1));
        assertThat(chain.validate(1, 0, first.encode())).as("the old height is over").isEmpty();
    }
}
