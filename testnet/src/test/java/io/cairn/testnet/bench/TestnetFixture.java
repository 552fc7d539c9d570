package io.cairn.testnet.bench;

import io.cairn.crypto.KeyFile;
import io.cairn.crypto.KeyPair;
import io.cairn.crypto.PublicKey;
import io.cairn.ledger.testing.TestKeys;
import io.cairn.testnet.layout.TestnetLayout;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A testnet directory whose nodes are the fake chain's servers, with account keys as {@code init} writes them. */
public final class TestnetFixture {
    private TestnetFixture() {}

    public static Map<PublicKey, Long> accountsFromNonceZero(int accounts) {
        Map<PublicKey, Long> chain = new HashMap<>();
        for (int k = 0; k < accounts; k++) {
            chain.put(TestKeys.account(k).publicKey(), 0L);
        }
        return chain;
    }

    public static TestnetLayout write(Path dir, List<URI> nodes, int accounts) throws Exception {
        List<TestnetLayout.NodeEntry> entries = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            entries.add(new TestnetLayout.NodeEntry(i, "node-" + i, "127.0.0.1", 0, nodes.get(i).getPort(), 0));
        }
        TestnetLayout layout = new TestnetLayout(dir, "cairn-bench", entries, accounts);
        layout.write();
        Files.createDirectories(layout.accountKey(0).getParent());
        for (int k = 0; k < accounts; k++) {
            KeyPair key = TestKeys.account(k);
            KeyFile.write(layout.accountKey(k), key);
        }
        return layout;
    }
}
