package io.cairn.rpc.ws;

import java.nio.ByteBuffer;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.WriteCallback;

/** A Jetty WebSocket session through its asynchronous calls only: none of them waits for the client. */
final class JettySocket implements ClientSocket {
    private final Session session;

    JettySocket(Session session) {
        this.session = session;
    }

    @Override
    public void send(String text, Outbound.Written written) {
        session.getRemote().sendString(text, new WriteCallback() {
            @Override
            public void writeFailed(Throwable cause) {
                written.failed(cause);
            }

            @Override
            public void writeSuccess() {
                written.succeeded();
            }
        });
    }

    @Override
    public void close(int code, String reason) {
        session.close(code, reason);
    }

    @Override
    public void ping() {
        session.getRemote().sendPing(ByteBuffer.allocate(0), WriteCallback.NOOP);
    }

    @Override
    public String peer() {
        return String.valueOf(session.getRemoteAddress());
    }
}
