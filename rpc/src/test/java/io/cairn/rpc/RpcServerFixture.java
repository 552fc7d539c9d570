package io.cairn.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A running server on an ephemeral port of 127.0.0.1 over an {@link InMemoryNode}, with small
 * limits so the tests can reach them cheaply. A test class shares one and lets JUnit close it:
 * <pre>
 *   &#64;RegisterExtension
 *   static final RpcServerFixture fixture = new RpcServerFixture();
 *   private static final RpcClient client = fixture.client;
 * </pre>
 */
final class RpcServerFixture implements AutoCloseable, AfterAllCallback {
    static final int MAX_BODY_BYTES = 64 * 1024;
    static final int MAX_BATCH = 8;

    final InMemoryNode node = new InMemoryNode();
    final RpcServer server;
    final RpcClient client;

    RpcServerFixture() {
        try {
            server = RpcServer.start(node, new RpcSettings("127.0.0.1", 0, MAX_BODY_BYTES, MAX_BATCH));
        } catch (IOException e) {
            node.close();
            throw new UncheckedIOException("the test server must start on an ephemeral port", e);
        }
        client = new RpcClient(server.port());
    }

    /** After bad input: the server still answers a plain call, and the mempool is as it was. */
    void assertStillServingAndMempoolEmpty() {
        assertThat(client.result("node_status", null).get("height").asLong()).isEqualTo(InMemoryNode.BLOCKS);
        assertThat(node.mempool()).isEmpty();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        server.close();
        node.close();
    }
}
