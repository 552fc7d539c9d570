package io.cairn.node;
public final class Node implements AutoCloseable {
    public static Node start(io.cairn.node.config.NodeSettings settings) throws Exception { throw new UnsupportedOperationException("not yet"); }
    public void awaitShutdown() throws InterruptedException {}
    @Override public void close() {}
}
