package io.cairn.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ledger.Operation;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The RPC's own ceiling: signed transfers per second that {@code tx_submit} admits on one node
 * (a one-validator chain, so no peer takes CPU; it still commits blocks meanwhile), from two
 * client threads sending JSON-RPC batches of 250 over keep-alive connections. A measurement, not a
 * test. Run it with
 * {@code mvn -B -q -pl node -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=RpcSubmitBenchIT -Dcairn.bench=true}.
 */
@EnabledIfSystemProperty(named = "cairn.bench", matches = "true")
class RpcSubmitBenchIT {
    private static final int ACCOUNTS = 400;
    private static final int PER_ACCOUNT = 100;
    private static final int CLIENTS = 2;

    @Test
    void measure() throws Exception {
        try (LocalNetwork network = LocalNetwork.create("rpc-bench", 1, false, ACCOUNTS)) {
            network.jvmOptions(List.of("-Xmx512m", "-XX:+UseParallelGC"));
            network.limits(Map.of("nonceWindow", 1_024, "mempoolTransactions", 200_000));
            network.startAll();
            List<List<byte[]>> perClient = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                perClient.add(new ArrayList<>());
            }
            for (int nonce = 0; nonce < PER_ACCOUNT; nonce++) {
                for (int account = 0; account < ACCOUNTS; account++) {
                    perClient.get(account % CLIENTS).add(Transaction.sign(TestGenesis.CHAIN_ID,
                            TestKeys.account(account), nonce, new Operation.Transfer(
                                    TestKeys.account((account + 1) % ACCOUNTS).publicKey(), 1)).encode());
                }
            }
            // Warm the node's JIT on a first tenth, off the clock.
            int warm = perClient.get(0).size() / 10;
            List<Thread> warmers = new ArrayList<>();
            for (List<byte[]> transactions : perClient) {
                List<byte[]> first = transactions.subList(0, warm);
                Thread thread = new Thread(() -> NetworkBenchIT.submitAll(network, 0, first));
                warmers.add(thread);
                thread.start();
            }
            for (Thread thread : warmers) {
                thread.join();
            }
            long start = System.nanoTime();
            List<Thread> clients = new ArrayList<>();
            for (List<byte[]> transactions : perClient) {
                List<byte[]> rest = transactions.subList(warm, transactions.size());
                Thread thread = new Thread(() -> NetworkBenchIT.submitAll(network, 0, rest));
                clients.add(thread);
                thread.start();
            }
            for (Thread thread : clients) {
                thread.join();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int measured = perClient.stream().mapToInt(List::size).sum() - CLIENTS * warm;
            System.out.printf("%n== tx_submit on one node, %d cores ==%nadmitted %,d signed transfers in %.1f s:"
                    + " %,.0f tx/s (batches of 250, %d clients)%n", Runtime.getRuntime().availableProcessors(),
                    measured, seconds, measured / seconds, CLIENTS);
            assertThat(network.rpc(0).height()).isPositive();
        }
    }
}
