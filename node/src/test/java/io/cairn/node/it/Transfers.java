package io.cairn.node.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.crypto.KeyPair;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Signed transfers from the funded test accounts, submitted to the nodes in turn. Each node has
 * its own accounts (account k goes to node k mod n), so that transactions lost with a killed
 * node's mempool never leave a nonce gap in front of transactions held by the others. Keeps the
 * hash of every transaction a node admitted, by node.
 */
final class Transfers {
    private final LocalNetwork network;
    private final long[] nonces = new long[LocalNetwork.ACCOUNTS];
    private final List<List<String>> admitted = new ArrayList<>();
    private final int[] turn;

    Transfers(LocalNetwork network) {
        this.network = network;
        this.turn = new int[network.size()];
        for (int i = 0; i < network.size(); i++) {
            admitted.add(new ArrayList<>());
        }
    }

    /** Submits {@code count} transfers, to the nodes in {@code targets} in turn; returns how many were admitted. */
    synchronized int submit(int count, int... targets) throws IOException, InterruptedException {
        int before = admitted().size();
        for (int i = 0; i < count; i++) {
            int node = targets[i % targets.length];
            int account = node + network.size() * (turn[node]++ % (LocalNetwork.ACCOUNTS / network.size()));
            KeyPair from = TestKeys.account(account);
            Transaction tx = Transaction.sign(TestGenesis.CHAIN_ID, from, nonces[account],
                    new Operation.Transfer(TestKeys.account((account + 1) % LocalNetwork.ACCOUNTS).publicKey(), 1));
            if (!network.isAlive(node)) {
                continue;
            }
            JsonNode response;
            try {
                response = network.rpc(node).submit(tx.encode());
            } catch (IOException e) {
                continue; // the node went down meanwhile
            }
            if (response.has("result")) {
                admitted.get(node).add(response.get("result").get("hash").asText());
                nonces[account]++;
            }
        }
        return admitted().size() - before;
    }

    /** Every transaction admitted by any node. */
    synchronized List<String> admitted() {
        return admitted.stream().flatMap(List::stream).toList();
    }

    /** The transactions admitted by {@code nodes}: those a killed node's mempool could not take with it. */
    synchronized List<String> admittedBy(int... nodes) {
        List<String> hashes = new ArrayList<>();
        for (int node : nodes) {
            hashes.addAll(admitted.get(node));
        }
        return hashes;
    }
}
