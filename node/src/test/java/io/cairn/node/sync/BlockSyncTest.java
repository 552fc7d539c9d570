package io.cairn.node.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.consensus.Event;
import io.cairn.consensus.Ready.SyncRequest;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.node.chain.Certificates;
import io.cairn.node.chain.TestLedger;
import io.cairn.node.wire.NodeMessage.Blocks;
import io.cairn.node.wire.NodeMessage.BlocksRequest;
import io.cairn.node.wire.NodeMessage.CertifiedBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Block sync on its own: this node is validator 1 at the height the test sets, peers' answers come
 * from a real store of 8 committed blocks; the requests it sends are recorded.
 */
class BlockSyncTest {
    static final int SELF = 1;
    static final int PER_REQUEST = 3;
    static final int TIMEOUT_TICKS = 4;
    static final TestLedger LEDGER = new TestLedger(TestGenesis.of(4, 3), 5).commit(8, 1);
    static final BlockServer SERVER = new BlockServer(LEDGER.store(), 1 << 20);

    record Sent(int peer, BlocksRequest request) {}

    final AtomicLong committed = new AtomicLong();
    final List<Sent> sent = new ArrayList<>();
    boolean connected = true;
    final BlockSync sync = new BlockSync(SELF, committed::get, (peer, request) -> {
        sent.add(new Sent(peer, request));
        return connected;
    }, PER_REQUEST, TIMEOUT_TICKS);

    @AfterAll
    static void close() {
        LEDGER.close();
    }

    static Blocks answer(long from, long to) {
        return SERVER.answer(new BlocksRequest(from, to));
    }

    static Sent request(int peer, long from, long to) {
        return new Sent(peer, new BlocksRequest(from, to));
    }

    /** The events the core must get for these heights: each stored block with its certificate. */
    static void assertSynced(List<Event.Synced> events, long... heights) {
        assertThat(events).extracting(Event.Synced::height).containsExactly(
                java.util.Arrays.stream(heights).boxed().toArray(Long[]::new));
        for (Event.Synced event : events) {
            assertThat(event.proposal()).isEqualTo(LEDGER.store().block(event.height()).orElseThrow().encode());
            assertThat(event.certificate()).isEqualTo(
                    Certificates.toConsensus(LEDGER.store().certificate(event.height()).orElseThrow()));
        }
    }

    void ticks(int count) {
        for (int i = 0; i < count; i++) {
            sync.onTick();
        }
    }

    @Test
    void asksOnePeerThatHasTheBlocksAndNeverItself() {
        assertThat(sync.syncing()).isFalse();

        sync.onRequest(new SyncRequest(1, 8, List.of(SELF, 3)));
        sync.onRequest(new SyncRequest(1, 8, List.of(SELF, 2, 3)));

        assertThat(sent).containsExactly(request(3, 1, 3));
        assertThat(sync.syncing()).isTrue();
    }

    @Test
    void asksNobodyWhenOnlyItselfHasTheBlocks() {
        sync.onRequest(new SyncRequest(1, 8, List.of(SELF)));
        ticks(3 * TIMEOUT_TICKS);

        assertThat(sent).isEmpty();
        assertThat(sync.syncing()).isFalse();
    }

    @Test
    void asksNothingForBlocksItAlreadyHas() {
        committed.set(8);

        sync.onRequest(new SyncRequest(8, 8, List.of(2)));

        assertThat(sent).isEmpty();
    }

    /** Each answer yields its blocks in order and sends the next request before they are applied. */
    @Test
    void returnsTheBlocksInOrderAndAsksForTheNextRangeAtOnceUntilCaughtUp() {
        sync.onRequest(new SyncRequest(1, 8, List.of(2)));

        assertSynced(sync.onBlocks(2, answer(1, 3), 1), 1, 2, 3);
        assertThat(sent).containsExactly(request(2, 1, 3), request(2, 4, 6));
        committed.set(3);
        assertSynced(sync.onBlocks(2, answer(4, 6), 4), 4, 5, 6);
        assertThat(sent).endsWith(request(2, 7, 8));
        committed.set(6);
        assertSynced(sync.onBlocks(2, answer(7, 8), 7), 7, 8);
        assertThat(sent).hasSize(3);
        assertThat(sync.syncing()).isTrue();

        committed.set(8);
        sync.onStatus(2, 8);
        sync.onTick();

        assertThat(sync.syncing()).isFalse();
        ticks(3 * TIMEOUT_TICKS);
        assertThat(sent).hasSize(3);
    }

    @Test
    void returnsBlocksFromTheHeightBeingDecided() {
        sync.onRequest(new SyncRequest(1, 8, List.of(2)));

        assertSynced(sync.onBlocks(2, answer(1, 3), 3), 3);
        assertThat(sent).endsWith(request(2, 4, 6));
    }

    @Test
    void ignoresAnAnswerFromAPeerItDidNotAsk() {
        sync.onRequest(new SyncRequest(1, 8, List.of(2, 3)));
        Sent asked = sent.get(0);
        int other = asked.peer() == 2 ? 3 : 2;

        assertThat(sync.onBlocks(other, answer(1, 3), 1)).isEmpty();
        assertThat(sent).containsExactly(asked);
        assertSynced(sync.onBlocks(asked.peer(), answer(1, 3), 1), 1, 2, 3);
    }

    @Test
    void ignoresAnAnswerWhenNothingWasAsked() {
        assertThat(sync.onBlocks(2, answer(1, 3), 1)).isEmpty();
        assertThat(sent).isEmpty();
        assertThat(sync.syncing()).isFalse();
    }

    @Test
    void keepsTheBlocksBeforeACertificateThatDoesNotDecodeAndAsksAgainFromThere() {
        sync.onRequest(new SyncRequest(1, 8, List.of(2, 3)));
        List<CertifiedBlock> blocks = new ArrayList<>(answer(1, 3).blocks());
        blocks.set(1, new CertifiedBlock(blocks.get(1).block(), new byte[] {1, 2, 3}));

        assertSynced(sync.onBlocks(sent.get(0).peer(), new Blocks(blocks), 1), 1);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).request()).isEqualTo(new BlocksRequest(2, 4));
    }

    @Test
    void keepsTheBlocksBeforeAHeightOutOfOrderAndAsksAgainFromThere() {
        sync.onRequest(new SyncRequest(1, 8, List.of(2, 3)));
        List<CertifiedBlock> blocks = answer(1, 3).blocks();
        Blocks shuffled = new Blocks(List.of(blocks.get(0), blocks.get(2), blocks.get(1)));

        assertSynced(sync.onBlocks(sent.get(0).peer(), shuffled, 1), 1);
        assertThat(sent.get(1).request()).isEqualTo(new BlocksRequest(2, 4));
    }

    /**
     * An answer of no use (here: other heights than asked) moves on to the next peer. With two
     * holders, one of them faulty and quick to answer, anything else keeps this node asking the
     * faulty one for ever.
     */
    @Test
    void asksTheNextPeerAfterAnAnswerOfNoUse() {
        sync.onRequest(new SyncRequest(1, 8, List.of(2, 3)));

        assertThat(sync.onBlocks(sent.get(0).peer(), answer(4, 6), 1)).isEmpty();

        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).request()).isEqualTo(new BlocksRequest(1, 3));
        assertThat(sent.get(1).peer()).isNotEqualTo(sent.get(0).peer());
        assertSynced(sync.onBlocks(sent.get(1).peer(), answer(1, 3), 1), 1, 2, 3);
    }

    @Test
    void asksTheNextPeerAfterAnEmptyAnswer() {
        sync.onRequest(new SyncRequest(1, 8, List.of(2, 3)));

        assertThat(sync.onBlocks(sent.get(0).peer(), new Blocks(List.of()), 1)).isEmpty();

        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).request()).isEqualTo(new BlocksRequest(1, 3));
        assertThat(sent.get(1).peer()).isNotEqualTo(sent.get(0).peer());
    }

    @Test
    void retriesARequestUnansweredForTheTimeoutWithAnotherPeer() {
        sync.onRequest(new SyncRequest(1, 8, List.of(0, 2, 3)));
        Sent first = sent.get(0);

        ticks(TIMEOUT_TICKS - 1);
        assertThat(sent).containsExactly(first);
        sync.onTick();

        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).request()).isEqualTo(first.request());
        assertThat(sent.get(1).peer()).isNotEqualTo(first.peer()).isNotEqualTo(SELF);
        assertThat(sync.onBlocks(first.peer(), answer(1, 3), 1)).as("the late answer").isEmpty();
        assertSynced(sync.onBlocks(sent.get(1).peer(), answer(1, 3), 1), 1, 2, 3);
    }

    @Test
    void retriesOnALaterTickWhenARequestCouldNotBeSent() {
        connected = false;
        sync.onRequest(new SyncRequest(1, 8, List.of(2)));
        assertThat(sync.syncing()).isFalse();
        connected = true;

        sync.onTick();

        assertThat(sent).containsExactly(request(2, 1, 3), request(2, 1, 3));
        assertThat(sync.syncing()).isTrue();
    }

    /** A quiet network: one peer reports a block more, and this node has not moved for a timeout. */
    @Test
    void startsFromAPeersStatusOnceThisNodeIsStuck() {
        committed.set(7);
        sync.onStatus(2, 8);

        ticks(TIMEOUT_TICKS);
        assertThat(sent).isEmpty();
        sync.onTick();

        assertThat(sent).containsExactly(request(2, 8, 8));
        assertSynced(sync.onBlocks(2, answer(8, 8), 8), 8);
    }

    @Test
    void doesNotSyncFromAStatusOneBlockAheadWhileThisNodeKeepsCommitting() {
        for (int height = 0; height < 8; height++) {
            committed.set(height);
            sync.onStatus(2, height + 1);
            ticks(TIMEOUT_TICKS - 1);
        }

        assertThat(sent).isEmpty();
        assertThat(sync.syncing()).isFalse();
    }

    @Test
    void startsAtTheNextTickFromAStatusMoreThanOneBlockAhead() {
        committed.set(2);
        sync.onStatus(3, 8);

        sync.onTick();

        assertThat(sent).containsExactly(request(3, 3, 5));
    }
}
