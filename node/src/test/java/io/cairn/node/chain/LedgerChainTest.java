package io.cairn.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.consensus.types.Proposal;
import io.cairn.crypto.Hash;
import io.cairn.ledger.Block;
import io.cairn.ledger.BlockHeader;
import io.cairn.ledger.ChainHead;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.store.LedgerStore;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Building and checking blocks as consensus asks for them; committing is in {@link LedgerChainCommitTest}. */
class LedgerChainTest {
    static final Genesis GENESIS = TestGenesis.of(4, 3);
    static final long NOW = TestGenesis.GENESIS_TIME + 5_000;
    private static final Hash OTHER = Hash.of("something else".getBytes(StandardCharsets.UTF_8));

    private final LedgerStore store = TestLedger.open(GENESIS);
    private final RecordingPool pool = new RecordingPool();
    private final LedgerChain chain = new LedgerChain(store, TestKeys.validator(1).publicKey(), pool, () -> NOW, false);
    private final List<LedgerStore> others = new ArrayList<>();

    @AfterEach
    void close() {
        store.close();
        others.forEach(LedgerStore::close);
    }

    /** A transfer of 10 from account {@code from} to the next account. */
    static Transaction transfer(int from, long nonce) {
        return Transaction.sign(GENESIS.chainId(), TestKeys.account(from), nonce,
                new Operation.Transfer(TestKeys.account((from + 1) % 3).publicKey(), 10));
    }

    /** The block validator 0 proposes for height 1 from {@code transactions}, on a store of its own. */
    Block builtElsewhere(Transaction... transactions) throws Exception {
        LedgerStore theirs = TestLedger.open(GENESIS);
        others.add(theirs);
        LedgerChain primary = new LedgerChain(theirs, TestKeys.validator(0).publicKey(),
                new RecordingPool().add(transactions), () -> NOW, false);
        return Block.decode(primary.build(1, 0).orElseThrow().bytes());
    }

    @Test
    void buildProposesThePoolsCandidatesOnTheHead() throws Exception {
        pool.add(transfer(0, 0), transfer(0, 1), transfer(2, 0));

        Proposal proposal = chain.build(1, 3).orElseThrow();

        Block block = Block.decode(proposal.bytes());
        assertThat(proposal.digest()).isEqualTo(block.hash());
        assertThat(block.transactions()).containsExactlyElementsOf(pool.pending);
        assertThat(block.height()).isEqualTo(1);
        assertThat(block.header().parentHash()).isEqualTo(store.head().blockHash());
        assertThat(block.header().proposer()).isEqualTo(TestKeys.validator(1).publicKey());
        assertThat(block.header().view()).isEqualTo(3);
        assertThat(block.header().timestampMillis()).isEqualTo(NOW);
        assertThat(store.head().height()).as("building commits nothing").isZero();
    }

    @Test
    void buildProposesNothingWhenThePoolIsEmpty() {
        assertThat(chain.workPending()).isFalse();
        assertThat(chain.build(1, 0)).isEmpty();
    }

    @Test
    void buildProposesAnEmptyBlockWhenEmptyBlocksAreWanted() throws Exception {
        LedgerChain chain = new LedgerChain(store, TestKeys.validator(1).publicKey(), pool, () -> NOW, true);

        assertThat(chain.workPending()).isTrue();
        Block block = Block.decode(chain.build(1, 0).orElseThrow().bytes());
        assertThat(block.transactions()).isEmpty();
        assertThat(block.header().parentHash()).isEqualTo(store.head().blockHash());
    }

    @Test
    void buildProposesNothingForAHeightThatIsNotTheNext() {
        pool.add(transfer(0, 0));
        List<Object> before = pool.snapshot();

        assertThat(chain.build(2, 0)).isEmpty();
        assertThat(chain.build(0, 0)).isEmpty();
        assertThat(pool.snapshot()).isEqualTo(before);
    }

    /** A candidate that may not enter a block (here a nonce the sender has not reached) leaves the pool. */
    @Test
    void buildDropsCandidatesTheBuilderRefuses() throws Exception {
        Transaction early = transfer(2, 5);
        pool.add(transfer(0, 0), early);

        Block block = Block.decode(chain.build(1, 0).orElseThrow().bytes());

        assertThat(block.transactions()).containsExactly(transfer(0, 0));
        assertThat(pool.removed).containsExactly(early.hash());
    }

    @Test
    void validateAcceptsABlockAnotherValidatorBuilt() throws Exception {
        Block block = builtElsewhere(transfer(0, 0), transfer(1, 0));

        assertThat(chain.validate(1, 0, block.encode())).contains(block.hash());
        assertThat(chain.validate(1, 4, block.encode())).as("the same block re-proposed in a later view")
                .contains(block.hash());
        assertThat(store.head().height()).isZero();
    }

    static Stream<Arguments> corruptions() {
        return Stream.of(
                Arguments.of("wrong parent", (UnaryOperator<BlockHeader>) h -> header(h, h.height(), OTHER,
                        h.transactionsRoot(), h.stateRoot())),
                Arguments.of("wrong height", (UnaryOperator<BlockHeader>) h -> header(h, 2, h.parentHash(),
                        h.transactionsRoot(), h.stateRoot())),
                Arguments.of("wrong state root", (UnaryOperator<BlockHeader>) h -> header(h, h.height(),
                        h.parentHash(), h.transactionsRoot(), OTHER)),
                Arguments.of("wrong transactions root", (UnaryOperator<BlockHeader>) h -> header(h, h.height(),
                        h.parentHash(), OTHER, h.stateRoot())));
    }

    private static BlockHeader header(BlockHeader h, long height, Hash parent, Hash transactionsRoot, Hash stateRoot) {
        return new BlockHeader(height, parent, h.timestampMillis(), h.proposer(), h.view(), transactionsRoot,
                stateRoot, h.transactionCount());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptions")
    void validateRejectsABlockWithAWrongHeaderField(String name, UnaryOperator<BlockHeader> corruption)
            throws Exception {
        Block genuine = builtElsewhere(transfer(0, 0), transfer(1, 0));
        Block corrupted = new Block(corruption.apply(genuine.header()), genuine.transactions());

        assertRejected(corrupted.encode(), genuine);
    }

    @Test
    void validateRejectsBytesThatAreNotABlock() throws Exception {
        Block genuine = builtElsewhere(transfer(0, 0));
        byte[] bytes = genuine.encode();

        assertRejected("not a block".getBytes(StandardCharsets.UTF_8), genuine);
        assertRejected(java.util.Arrays.copyOf(bytes, bytes.length - 1), genuine);
    }

    @Test
    void validateRejectsATransactionWithABadSignature() throws Exception {
        Transaction genuine = transfer(0, 0);
        Transaction forged = new Transaction(genuine.chainId(), genuine.sender(), genuine.nonce(), genuine.operation(),
                TestKeys.stranger().sign(genuine.signBytes()));
        // Built by a primary that does not check signatures: everything else about the block is right.
        ChainHead head = store.head();
        Block block = new io.cairn.ledger.state.BlockBuilder(GENESIS).build(head, store, NOW,
                TestKeys.validator(0).publicKey(), 0, List.of(forged), (hash, tx) -> true).block();
        assertThat(block.transactions()).containsExactly(forged);

        assertRejected(block.encode(), builtElsewhere(genuine));
    }

    @Test
    void validateRejectsAValidBlockForAHeightThatIsNotTheNext() throws Exception {
        Block block = builtElsewhere(transfer(0, 0));

        assertThat(chain.validate(2, 0, block.encode())).isEmpty();
        assertThat(chain.validate(1, 0, block.encode())).contains(block.hash());
    }

    /**
     * Whatever a faulty primary sends must come back as "valid" or "invalid", never as an
     * exception: the validator runs on the consensus thread, which stops on one. Some changes
     * (the view, the timestamp) leave a valid block; its digest is then its own hash.
     */
    @Test
    void validateAndDigestNeverThrowOnAnyOneByteChangeOfABlock() throws Exception {
        byte[] bytes = builtElsewhere(transfer(0, 0), transfer(1, 0)).encode();
        for (int i = 0; i < bytes.length; i++) {
            byte[] changed = bytes.clone();
            changed[i] ^= (byte) (1 << (i % 8));
            Optional<Hash> digest = chain.digest(changed);
            Optional<Hash> valid = chain.validate(1, 0, changed);
            if (valid.isPresent()) {
                assertThat(valid).as("byte %d", i).isEqualTo(digest).contains(Block.decode(changed).hash());
            }
        }
        assertThat(store.head().height()).isZero();
        assertThat(pool.snapshot()).isEqualTo(new RecordingPool().snapshot());
    }

    /**
     * The digest is what votes and certificates sign, so it must name the whole block: bytes that
     * differ anywhere, transactions included, never share the genuine block's digest. Otherwise a
     * certified header with other transactions passes the core's digest check and halts the
     * node at commit (see ConsensusDriverFailureTest).
     */
    @Test
    void noOtherBytesHaveTheDigestOfABlock() throws Exception {
        Block genuine = builtElsewhere(transfer(0, 0), transfer(1, 0));
        byte[] bytes = genuine.encode();
        for (int i = 0; i < bytes.length; i++) {
            byte[] changed = bytes.clone();
            changed[i] ^= (byte) (1 << (i % 8));
            assertThat(chain.digest(changed)).as("byte %d", i).isNotEqualTo(Optional.of(genuine.hash()));
        }
    }

    @Test
    void aBlockWhoseTransactionsAreNotTheOnesItsHeaderNamesHasNoDigest() throws Exception {
        Block genuine = builtElsewhere(transfer(0, 0));
        Block swapped = new Block(genuine.header(), List.of(transfer(1, 0)));

        assertThat(chain.digest(swapped.encode())).isEmpty();
        assertThat(chain.validate(1, 0, swapped.encode())).isEmpty();
    }

    @Test
    void digestIsTheBlockHashAndEmptyForGarbage() throws Exception {
        Block block = builtElsewhere(transfer(0, 0));

        assertThat(chain.digest(block.encode())).contains(block.hash());
        assertThat(chain.digest(new byte[] {1, 2, 3})).isEmpty();
        assertThat(chain.digest(new byte[0])).isEmpty();
    }

    /** Rejected with nothing changed, and the genuine block is still accepted afterwards. */
    private void assertRejected(byte[] proposal, Block genuine) {
        ChainHead head = store.head();
        List<Object> poolBefore = pool.snapshot();

        assertThat(chain.validate(1, 0, proposal)).isEmpty();

        assertThat(store.head()).isEqualTo(head);
        assertThat(store.block(1)).isEmpty();
        assertThat(pool.snapshot()).isEqualTo(poolBefore);
        assertThat(chain.validate(1, 0, genuine.encode())).contains(genuine.hash());
    }
}
