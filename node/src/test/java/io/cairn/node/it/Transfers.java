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
 * Signed transfers from the funded test accounts, each account's nonces in order, submitted to
 * the nodes in turn. Keeps the hash of every transaction a node admitted.
 */
final class Transfers {
    private final LocalNetwork network;
    private final long[] nonces = new long[LocalNetwork.ACCOUNTS];
    private final List<String> admitted = new ArrayList<>();
    private int next;

    Transfers(LocalNetwork network) {
        this.network = network;
    }

    /** Submits {@code count} transfers, to the nodes in {@code targets} in turn; returns how many were admitted. */
    int submit(int count, int... targets) throws IOException, InterruptedException {
        int before = admitted.size();
        for (int i = 0; i < count; i++) {
            int account = next++ % LocalNetwork.ACCOUNTS;
            KeyPair from = TestKeys.account(account);
            Transaction tx = Transaction.sign(TestGenesis.CHAIN_ID, from, nonces[account],
                    new Operation.Transfer(TestKeys.account((account + 1) % LocalNetwork.ACCOUNTS).publicKey(), 1));
            int node = targets[i % targets.length];
            if (!network.isAlive(node)) {
                continue;
            }
            JsonNode response;
            try {
                response = network.rpc(node).submit(tx.encode());
            } catch (IOException e) {
                continue; // the node went down meanwhile; the nonce stays free
            }
            if (response.has("result")) {
                admitted.add(response.get("result").get("hash").asText());
                nonces[account]++;
            }
        }
        return admitted.size() - before;
    }

    List<String> admitted() {
        return List.copyOf(admitted);
    }
}
