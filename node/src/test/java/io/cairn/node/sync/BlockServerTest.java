package io.cairn.node.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.crypto.Hash;
import io.cairn.crypto.PublicKey;
import io.cairn.ledger.Block;
import io.cairn.ledger.BlockHeader;
import io.cairn.ledger.ChainHead;
import io.cairn.ledger.CommitCertificate;
import io.cairn.ledger.Receipt;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.store.AccountTransaction;
import io.cairn.ledger.store.AccountTransaction.Cursor;
import io.cairn.ledger.store.BlockStore;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.node.chain.TestLedger;
import io.cairn.node.wire.NodeMessage;
import io.cairn.node.wire.NodeMessage.Blocks;
import io.cairn.node.wire.NodeMessage.BlocksRequest;
import io.cairn.node.wire.NodeMessage.CertifiedBlock;
import io.cairn.node.wire.NodeMessageCodec;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class BlockServerTest {
    private static final TestLedger LEDGER = new TestLedger(TestGenesis.of(4, 3), 11).commit(5, 3);
    private static final BlockServer SERVER = new BlockServer(LEDGER.store(), 1 << 20);

    @AfterAll
    static void close() {
        LEDGER.close();
    }

    /** The answer's bytes, comparable (records with arrays compare by identity). */
    static List<String> contents(NodeMessage answer) {
        return ((Blocks) answer).blocks().stream().map(block -> HexFormat.of().formatHex(block.block()) + "/"
                + HexFormat.of().formatHex(block.certificate())).toList();
    }

    private static List<Long> heights(Blocks answer) {
        return answer.blocks().stream().map(block -> decode(block).height()).toList();
    }

    private static Block decode(CertifiedBlock block) {
        try {
            return Block.decode(block.block());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void answersTheRequestedBlocksEachWithItsStoredCertificate() {
        Blocks answer = SERVER.answer(new BlocksRequest(2, 4));

        assertThat(heights(answer)).containsExactly(2L, 3L, 4L);
        for (CertifiedBlock block : answer.blocks()) {
            long height = decode(block).height();
            assertThat(decode(block)).isEqualTo(LEDGER.store().block(height).orElseThrow());
            assertThat(block.certificate()).isEqualTo(LEDGER.store().certificate(height).orElseThrow().encode());
        }
    }

    @Test
    void clipsTheRangeAtTheHead() {
        assertThat(heights(SERVER.answer(new BlocksRequest(4, 100)))).containsExactly(4L, 5L);
        assertThat(heights(SERVER.answer(new BlocksRequest(5, Long.MAX_VALUE)))).containsExactly(5L);
    }

    @Test
    void answersNothingAboveTheHead() throws Exception {
        Blocks answer = SERVER.answer(new BlocksRequest(6, 9));

        assertThat(answer.blocks()).isEmpty();
        assertThat(contents(NodeMessageCodec.decode(NodeMessageCodec.encode(answer)))).isEmpty();
    }

    /**
     * For every budget from one block's answer to all five: the encoded answer fits in it, and
     * one block more would not have.
     */
    @Test
    void takesAsManyBlocksAsTheByteBudgetHolds() throws Exception {
        Blocks all = SERVER.answer(new BlocksRequest(1, 5));
        int smallest = NodeMessageCodec.encode(new Blocks(all.blocks().subList(0, 1))).length;
        int largest = NodeMessageCodec.encode(all).length;
        for (int budget = smallest; budget <= largest + 1; budget += 7) {
            Blocks answer = new BlockServer(LEDGER.store(), budget).answer(new BlocksRequest(1, 5));
            int count = answer.blocks().size();

            assertThat(contents(answer)).as("budget %d", budget).isEqualTo(contents(all).subList(0, count));
            assertThat(NodeMessageCodec.encode(answer).length).as("budget %d", budget).isLessThanOrEqualTo(budget);
            if (count < 5) {
                assertThat(NodeMessageCodec.encode(new Blocks(all.blocks().subList(0, count + 1))).length)
                        .as("budget %d, one more block", budget).isGreaterThan(budget);
            }
            assertThat(contents(NodeMessageCodec.decode(NodeMessageCodec.encode(answer)))).isEqualTo(contents(answer));
        }
    }

    @Test
    void answersOneBlockEvenWhenItAloneIsOverTheBudget() {
        Blocks answer = new BlockServer(LEDGER.store(), 1).answer(new BlocksRequest(3, 5));

        assertThat(heights(answer)).containsExactly(3L);
    }

    /** However many blocks the budget would take, an answer holds no more than the codec accepts. */
    @Test
    void neverAnswersMoreBlocksThanTheCodecAccepts() throws Exception {
        BlockStore tall = new RepeatingStore(10_000, LEDGER.store().block(1).orElseThrow(),
                LEDGER.store().certificate(1).orElseThrow());

        Blocks answer = new BlockServer(tall, Long.MAX_VALUE).answer(new BlocksRequest(1, 10_000));

        assertThat(answer.blocks()).hasSize(NodeMessageCodec.MAX_BLOCKS);
        assertThat(contents(NodeMessageCodec.decode(NodeMessageCodec.encode(answer)))).isEqualTo(contents(answer));
    }

    /** A store of {@code height} blocks, all the same: only their number matters here. */
    private record RepeatingStore(long height, Block block, CommitCertificate certificate) implements BlockStore {
        @Override
        public ChainHead head() {
            return new ChainHead(height, block.hash(), 0, block.header().stateRoot());
        }

        @Override
        public Optional<Block> block(long at) {
            return at <= height ? Optional.of(block) : Optional.empty();
        }

        @Override
        public Optional<BlockHeader> header(long at) {
            return block(at).map(Block::header);
        }

        @Override
        public Optional<Long> heightOf(Hash blockHash) {
            return Optional.empty();
        }

        @Override
        public Optional<CommitCertificate> certificate(long at) {
            return at <= height ? Optional.of(certificate) : Optional.empty();
        }

        @Override
        public Optional<Receipt> receipt(Hash transactionHash) {
            return Optional.empty();
        }

        @Override
        public Optional<Transaction> transaction(Hash transactionHash) {
            return Optional.empty();
        }

        @Override
        public List<AccountTransaction> transactionsOf(PublicKey account, Optional<Cursor> before, int limit) {
            return List.of();
        }
    }
}
