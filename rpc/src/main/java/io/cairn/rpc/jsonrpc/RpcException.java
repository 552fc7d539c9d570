package io.cairn.rpc.jsonrpc;

/** Ends a method call with a JSON-RPC error for the client; the stack trace is never needed. */
public final class RpcException extends Exception {
    private final transient RpcError error;

    public RpcException(RpcError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    public RpcError error() {
        return error;
    }
}
