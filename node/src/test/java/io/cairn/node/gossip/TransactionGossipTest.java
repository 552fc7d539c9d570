package io.cairn.node.gossip;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.crypto.encoding.DecodeException;
import io.cairn.node.wire.NodeMessage;
import io.cairn.node.wire.NodeMessageCodec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TransactionGossipTest {
    private final List<byte[]> payloads = new CopyOnWriteArrayList<>();

    private TransactionGossip gossip(int maxBatchBytes) {
        return new TransactionGossip(payloads::add, maxBatchBytes);
    }

    /** Distinct transactions (their first bytes number them) of random sizes in [min, max]. */
    private static List<byte[]> transactions(int count, int min, int max, long seed) {
        Random random = new Random(seed);
        List<byte[]> transactions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] tx = new byte[min + random.nextInt(max - min + 1)];
            random.nextBytes(tx);
            tx[0] = (byte) (i >>> 16);
            tx[1] = (byte) (i >>> 8);
            tx[2] = (byte) i;
            transactions.add(tx);
        }
        return transactions;
    }

    private List<List<byte[]>> batches() throws DecodeException {
        List<List<byte[]>> batches = new ArrayList<>();
        for (byte[] payload : payloads) {
            batches.add(((NodeMessage.Transactions) NodeMessageCodec.decode(payload)).encoded());
        }
        return batches;
    }

    private static List<String> hex(List<byte[]> transactions) {
        return transactions.stream().map(HexFormat.of()::formatHex).toList();
    }

    private List<String> sentInOrder() throws DecodeException {
        return hex(batches().stream().flatMap(List::stream).toList());
    }

    @Test
    void sendsEverythingOfferedInOrderInBatchesThatDecode() throws Exception {
        TransactionGossip gossip = gossip(16 * 1024);
        List<byte[]> offered = transactions(2_000, 150, 600, 1);
        offered.forEach(gossip::offer);

        gossip.flush();

        assertThat(sentInOrder()).isEqualTo(hex(offered));
        assertThat(gossip.waitingBytes()).isZero();
        assertThat(payloads).hasSizeGreaterThan(1).allSatisfy(payload ->
                assertThat(payload.length).isLessThanOrEqualTo(16 * 1024));
    }

    /** Each batch is as full as the budget allows: the next transaction would not have fitted. */
    @Test
    void batchesAreBoundedByBytesAndFull() throws Exception {
        int budget = 4_000;
        TransactionGossip gossip = gossip(budget);
        List<byte[]> offered = transactions(500, 100, 900, 2);
        offered.forEach(gossip::offer);

        gossip.flush();

        int taken = 0;
        List<List<byte[]>> batches = batches();
        for (int i = 0; i < batches.size(); i++) {
            taken += batches.get(i).size();
            assertThat(payloads.get(i).length).as("batch %d", i).isLessThanOrEqualTo(budget);
            if (taken < offered.size()) {
                assertThat(payloads.get(i).length + 4 + offered.get(taken).length).as("batch %d and one more", i)
                        .isGreaterThan(budget);
            }
        }
        assertThat(taken).isEqualTo(offered.size());
    }

    @Test
    void batchesAreBoundedByTheCodecsCount() throws Exception {
        TransactionGossip gossip = gossip(Integer.MAX_VALUE);
        int count = 2 * NodeMessageCodec.MAX_BATCH + 10;
        List<byte[]> offered = transactions(count, 3, 3, 3);
        offered.forEach(gossip::offer);

        gossip.flush();

        assertThat(batches()).extracting(List::size)
                .containsExactly(NodeMessageCodec.MAX_BATCH, NodeMessageCodec.MAX_BATCH, 10);
        assertThat(sentInOrder()).isEqualTo(hex(offered));
    }

    @Test
    void aTransactionOverTheBudgetGoesAloneAndTheRestFollow() throws Exception {
        TransactionGossip gossip = gossip(1_000);
        List<byte[]> offered = List.of(new byte[200], new byte[5_000], new byte[200]);
        offered.forEach(gossip::offer);

        gossip.flush();

        assertThat(batches()).extracting(List::size).containsExactly(1, 1, 1);
        assertThat(sentInOrder()).isEqualTo(hex(offered));
    }

    @Test
    void sendsNothingWhenNothingWaits() {
        TransactionGossip gossip = gossip(1_000);

        gossip.flush();
        gossip.offer(new byte[10]);
        gossip.flush();
        gossip.flush();

        assertThat(payloads).hasSize(1);
    }

    @Test
    void countsTheBytesWaiting() {
        TransactionGossip gossip = gossip(1_000);
        gossip.offer(new byte[10]);
        gossip.offer(new byte[32]);

        assertThat(gossip.waitingBytes()).isEqualTo(42);
        gossip.flush();
        assertThat(gossip.waitingBytes()).isZero();
    }

    /** Clients submit on many threads while the scheduler flushes: nothing lost, nothing sent twice. */
    @Test
    void loosesNothingOfferedWhileFlushing() throws Exception {
        TransactionGossip gossip = gossip(8 * 1024);
        List<List<byte[]>> perThread = List.of(transactions(3_000, 100, 300, 10), transactions(3_000, 100, 300, 11),
                transactions(3_000, 100, 300, 12));
        ExecutorService clients = Executors.newFixedThreadPool(perThread.size());
        try {
            List<Future<?>> offering = perThread.stream()
                    .map(transactions -> clients.submit(() -> transactions.forEach(gossip::offer)))
                    .<Future<?>>map(future -> future).toList();
            while (!offering.stream().allMatch(Future::isDone)) {
                gossip.flush();
            }
            for (Future<?> future : offering) {
                future.get();
            }
        } finally {
            clients.shutdownNow();
        }
        gossip.flush();

        List<String> expected = new ArrayList<>();
        perThread.forEach(transactions -> expected.addAll(hex(transactions)));
        assertThat(sentInOrder()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(gossip.waitingBytes()).isZero();
    }
}
