package io.cairn.rpc.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.rpc.api.NodeApi;
import io.cairn.rpc.jsonrpc.RpcMethod;
import io.javalin.websocket.WsConfig;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.server.JettyWebSocketServletFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC 2.0 over a WebSocket, with subscriptions to node events: the sessions, the limit on
 * how many there are, and the {@link EventHub} that feeds them. {@code RpcServer} mounts it at
 * {@code /ws}.
 */
public final class WsEndpoint implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WsEndpoint.class);

    private final Map<String, RpcMethod> routes;
    private final ObjectMapper mapper;
    private final int maxBatch;
    private final WsSettings settings;
    private final EventHub hub;
    private final Map<Session, WsSession> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();

    private WsEndpoint(Map<String, RpcMethod> routes, ObjectMapper mapper, int maxBatch, WsSettings settings,
            EventHub hub) {
        this.routes = Map.copyOf(routes);
        this.mapper = mapper;
        this.maxBatch = maxBatch;
        this.settings = settings;
        this.hub = hub;
    }

    /**
     * Subscribes to {@code node}'s events and starts fanning them out.
     *
     * @param routes the methods of the HTTP API, callable over the socket too
     */
    public static WsEndpoint start(NodeApi node, Map<String, RpcMethod> routes, ObjectMapper mapper, int maxBatch,
            WsSettings settings) {
        EventHub hub = new EventHub(node, mapper, settings.eventBacklog(), settings.pingInterval());
        hub.start();
        return new WsEndpoint(routes, mapper, maxBatch, settings, hub);
    }

    /** The size limits of incoming messages and the idle timeout, for Javalin's WebSocket factory. */
    public void configure(JettyWebSocketServletFactory factory) {
        factory.setMaxTextMessageSize(settings.maxMessageBytes());
        factory.setMaxBinaryMessageSize(settings.maxMessageBytes());
        factory.setMaxFrameSize(settings.maxMessageBytes());
        factory.setIdleTimeout(settings.idleTimeout());
    }

    /** The handlers of the {@code /ws} route. */
    public void handle(WsConfig ws) {
        ws.onConnect(ctx -> connected(ctx.session));
        ws.onMessage(ctx -> {
            WsSession session = sessions.get(ctx.session);
            if (session != null) {
                session.received(ctx.message());
            }
        });
        ws.onBinaryMessage(ctx -> {
            WsSession session = sessions.get(ctx.session);
            if (session != null) {
                session.receivedBinary();
            }
        });
        ws.onClose(ctx -> disconnected(ctx.session));
        ws.onError(ctx -> {
            log.debug("WebSocket client {}: {}", ctx.session.getRemoteAddress(), String.valueOf(ctx.error()));
            disconnected(ctx.session);
        });
    }

    /** Sockets open now, those being closed for being too slow included until they are gone. */
    public int connections() {
        return open.get();
    }

    private void connected(Session jetty) {
        if (open.incrementAndGet() > settings.maxConnections()) {
            open.decrementAndGet();
            log.warn("WebSocket client {} refused: {} connections are open, the most allowed",
                    jetty.getRemoteAddress(), settings.maxConnections());
            jetty.close(StatusCode.TRY_AGAIN_LATER, "too many connections: the server takes at most "
                    + settings.maxConnections());
            return;
        }
        WsSession session = new WsSession(new JettySocket(jetty), hub, routes, mapper, maxBatch, settings);
        sessions.put(jetty, session);
        hub.register(session);
        log.debug("WebSocket client {} connected", session.peer());
    }

    private void disconnected(Session jetty) {
        WsSession session = sessions.remove(jetty);
        if (session != null) {
            open.decrementAndGet();
            hub.unregister(session);
            session.disconnected();
            log.debug("WebSocket client {} disconnected", session.peer());
        }
    }

    /** Closes every session with 1001 and leaves the node's events. */
    @Override
    public void close() {
        hub.close();
    }
}
