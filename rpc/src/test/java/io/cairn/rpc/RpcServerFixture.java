package io.cairn.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

/**
 * A running server on an ephemeral port of 127.0.0.1 over an {@link InMemoryNode}, with small
 * limits so the tests can reach them cheaply.
 */
final class RpcServerFixture implements AutoCloseable {
    static final int MAX_BODY_BYTES = 64 * 1024;
    static final int MAX_BATCH = 8;

    final InMemoryNode node = new InMemoryNode();
    final RpcServer server;
    final RpcClient client;

    RpcServerFixture() throws IOException {
        server = RpcServer.start(node, new RpcSettings("127.0.0.1", 0, MAX_BODY_BYTES, MAX_BATCH));
        client = new RpcClient(server.port());
    }

    /** After bad input: the server still answers a plain call, and the mempool is as it was. */
    void assertStillServingAndMempoolEmpty() {
        assertThat(client.result("node_status", null).get("height").asLong()).isEqualTo(InMemoryNode.BLOCKS);
        assertThat(node.mempool()).isEmpty();
    }

    @Override
    public void close() {
        server.close();
        node.close();
    }
}
