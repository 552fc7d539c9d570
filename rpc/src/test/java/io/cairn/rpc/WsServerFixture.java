package io.cairn.rpc;

import io.cairn.ledger.Block;
import io.cairn.ledger.ChainHead;
import io.cairn.ledger.CommitCertificate;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.state.BlockBuilder;
import io.cairn.ledger.state.ProposedBlock;
import io.cairn.ledger.state.SignatureVerifier;
import io.cairn.ledger.store.LedgerStore;
import io.cairn.ledger.testing.TestChain;
import io.cairn.rpc.api.NodeApi;
import io.cairn.rpc.api.NodeEvent;
import io.cairn.rpc.ws.WsSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A running server with the WebSocket on an ephemeral port of 127.0.0.1 over an {@link InMemoryNode}
 * (or a node wrapping it), with limits small enough for the tests to reach, and the clients it
 * opened, closed with it.
 */
final class WsServerFixture implements AutoCloseable {
    static final int MAX_SUBSCRIPTIONS = 4;
    static final int MAX_CONNECTIONS = 6;
    static final int MAX_MESSAGE_BYTES = 16 * 1024;
    static final int MAX_QUEUED_MESSAGES = 64;
    static final WsSettings SETTINGS = new WsSettings(MAX_CONNECTIONS, MAX_SUBSCRIPTIONS, MAX_MESSAGE_BYTES,
            MAX_QUEUED_MESSAGES, 1L << 20, 1_024, Duration.ofSeconds(30));

    final InMemoryNode node;
    final RpcServer server;
    private final List<WsClient> clients = new ArrayList<>();

    WsServerFixture() throws IOException {
        this(SETTINGS);
    }

    WsServerFixture(WsSettings settings) throws IOException {
        this(new InMemoryNode(), settings, null);
    }

    /** Serves {@code api} (which reads from {@code node}) instead of the node itself. */
    WsServerFixture(InMemoryNode node, WsSettings settings, NodeApi api) throws IOException {
        this.node = node;
        this.server = RpcServer.start(api == null ? node : api,
                new RpcSettings("127.0.0.1", 0, RpcServerFixture.MAX_BODY_BYTES, RpcServerFixture.MAX_BATCH), settings);
    }

    WsClient connect() {
        WsClient client = WsClient.connect(server.port());
        clients.add(client);
        return client;
    }

    /**
     * Commits a block of {@code transactions} on the node's store, as consensus would, and returns
     * the event the node then publishes.
     */
    NodeEvent.BlockCommitted commit(List<Transaction> transactions) {
        LedgerStore store = node.store();
        ChainHead head = store.head();
        ProposedBlock proposed = new BlockBuilder(node.genesis()).build(head, store, head.timestampMillis() + 1_000,
                node.genesis().validators().get(0).publicKey(), 0, transactions, SignatureVerifier.ALWAYS);
        Block block = proposed.block();
        CommitCertificate certificate = new TestChain(node.genesis(), 1).certify(block);
        store.commit(block, certificate, proposed.execution());
        return new NodeEvent.BlockCommitted(block, certificate);
    }

    @Override
    public void close() {
        clients.forEach(WsClient::close);
        server.close();
        node.close();
    }
}
