package io.cairn.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.cairn.rpc.api.Health;
import io.cairn.rpc.api.NodeApi;
import io.cairn.rpc.jsonrpc.JsonRpcDispatcher;
import io.cairn.rpc.jsonrpc.RpcError;
import io.cairn.rpc.jsonrpc.RpcMethod;
import io.cairn.rpc.jsonrpc.StrictJson;
import io.cairn.rpc.methods.RpcRoutes;
import io.cairn.rpc.ws.WsEndpoint;
import io.cairn.rpc.ws.WsSettings;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.http.staticfiles.StaticFileConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's HTTP face: JSON-RPC 2.0 at {@code POST /rpc} and over a WebSocket at {@code /ws}
 * (with subscriptions), {@code GET /health}, the Prometheus metrics at {@code GET /metrics} and the
 * block explorer's static files at {@code /}.
 * Every other answer is JSON, errors included; nothing the server knows about its own failures
 * reaches a client.
 */
public final class RpcServer implements AutoCloseable {
    static final String JSON = "application/json";
    private static final Logger log = LoggerFactory.getLogger(RpcServer.class);
    /** RPC work is short reads and one mempool call; a small pool keeps it from crowding consensus. */
    private static final int MAX_THREADS = 16;
    private static final int MIN_THREADS = 2;
    private static final int THREAD_IDLE_MILLIS = 60_000;
    /** The Prometheus text exposition format that {@link NodeApi#metrics()} returns. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    /** Where the explorer's files sit on the classpath (rpc/src/main/resources/explorer). */
    static final String EXPLORER_DIRECTORY = "/explorer";

    private final Javalin app;
    private final WsEndpoint sockets;
    private final String address;
    private final AtomicBoolean closed = new AtomicBoolean();

    private RpcServer(Javalin app, WsEndpoint sockets, String address) {
        this.app = app;
        this.sockets = sockets;
        this.address = address;
    }

    /**
     * Starts listening on {@code settings.host():settings.port()}.
     *
     * @throws BindException naming the address when it cannot be listened on (in use, not local)
     */
    public static RpcServer start(NodeApi api, RpcSettings settings) throws IOException {
        return start(api, settings, WsSettings.defaults());
    }

    /** As {@link #start(NodeApi, RpcSettings)}, with the WebSocket's limits given. */
    public static RpcServer start(NodeApi api, RpcSettings settings, WsSettings wsSettings) throws IOException {
        ObjectMapper mapper = StrictJson.mapper();
        Map<String, RpcMethod> routes = RpcRoutes.table(api);
        JsonRpcDispatcher dispatcher = new JsonRpcDispatcher(mapper, routes, settings.maxBatch());
        WsEndpoint sockets = WsEndpoint.start(api, routes, mapper, settings.maxBatch(), wsSettings);
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.http.defaultContentType = JSON;
            config.http.prefer405over404 = true;
            QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS, THREAD_IDLE_MILLIS);
            threads.setName("cairn-rpc");
            config.jetty.threadPool = threads;
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorPages()));
            config.jetty.modifyWebSocketServletFactory(sockets::configure);
            config.staticFiles.add(RpcServer::explorer);
            config.router.mount(router -> {
                router.post("/rpc", ctx -> rpc(ctx, dispatcher, mapper, settings.maxBodyBytes()));
                router.ws("/ws", sockets::handle);
                router.get("/health", ctx -> health(ctx, api.health(), mapper));
                router.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(api.metrics()));
                router.exception(HttpResponseException.class, (e, ctx) -> httpError(ctx, e.getStatus(), e.getMessage()));
                router.exception(Exception.class, (e, ctx) -> {
                    log.error("RPC request {} {} failed", ctx.method(), ctx.path(), e);
                    httpError(ctx, HttpStatus.INTERNAL_SERVER_ERROR.getCode(), "internal error");
                });
            });
        });
        String address = hostForUrl(settings.host()) + ":" + settings.port();
        try {
            app.start(settings.host(), settings.port());
        } catch (RuntimeException e) {
            app.stop();
            sockets.close();
            throw cannotListen(address, e);
        }
        RpcServer server = new RpcServer(app, sockets, hostForUrl(settings.host()) + ":" + app.port());
        log.info("RPC listening on http://{} and ws://{}/ws (bodies up to {} bytes, batches up to {})",
                server.address, server.address, settings.maxBodyBytes(), settings.maxBatch());
        return server;
    }

    /** WebSocket connections open now. */
    public int webSocketConnections() {
        return sockets.connections();
    }

    /** The port listened on: the one asked for, or the one picked when 0 was asked. */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        sockets.close();
        app.stop();
        log.info("RPC on {} stopped", address);
    }

    private static void rpc(Context ctx, JsonRpcDispatcher dispatcher, ObjectMapper mapper, int maxBodyBytes)
            throws IOException {
        Optional<byte[]> body;
        try {
            body = readBody(ctx, maxBodyBytes);
        } catch (IOException | RuntimeException e) {
            // Jetty reports a body cut short or a broken chunk here: the client's fault, not worth a log line.
            answer(ctx, HttpStatus.BAD_REQUEST, mapper, RpcError.parseError("the request body could not be read: "
                    + e.getMessage()));
            return;
        }
        if (body.isEmpty()) {
            // Answered without reading the rest; Jetty closes the connection rather than drain it.
            answer(ctx, HttpStatus.CONTENT_TOO_LARGE, mapper, RpcError.invalidRequest(
                    "the request body exceeds the limit of " + maxBodyBytes + " bytes"));
            return;
        }
        Optional<JsonNode> response = dispatcher.handle(body.get());
        if (response.isEmpty()) {
            ctx.status(HttpStatus.NO_CONTENT);
        } else {
            ctx.status(HttpStatus.OK).contentType(JSON).result(mapper.writeValueAsBytes(response.get()));
        }
    }

    /**
     * The block explorer: plain files from the classpath at {@code /}, index.html for {@code /}.
     * Browsers revalidate them (cheap, by ETag) so a node upgraded in place never mixes old and new modules.
     */
    private static void explorer(StaticFileConfig files) {
        files.hostedPath = "/";
        files.directory = EXPLORER_DIRECTORY;
        files.location = Location.CLASSPATH;
        // Jetty's own table has no charset for these (it sends "charset=null" for html and css).
        files.mimeTypes.add("text/html;charset=utf-8", "html");
        files.mimeTypes.add("text/css;charset=utf-8", "css");
        files.mimeTypes.add("text/javascript;charset=utf-8", "js");
        files.headers = Map.of("Cache-Control", "no-cache", "X-Content-Type-Options", "nosniff");
    }

    /** 200 when the node is doing its job, 503 when not (so a load balancer or probe can act on it). */
    private static void health(Context ctx, Health health, ObjectMapper mapper) throws IOException {
        JsonNode body = mapper.createObjectNode().put("status", health.state()).put("detail", health.detail());
        ctx.status(health.ok() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).contentType(JSON)
                .result(mapper.writeValueAsBytes(body));
    }

    private static void answer(Context ctx, HttpStatus status, ObjectMapper mapper, RpcError error) throws IOException {
        JsonNode response = JsonRpcDispatcher.errorResponse(NullNode.getInstance(), error);
        ctx.status(status).contentType(JSON).result(mapper.writeValueAsBytes(response));
    }

    /** The whole body, or empty when it is larger than {@code limit} (by its header or by counting). */
    private static Optional<byte[]> readBody(Context ctx, int limit) throws IOException {
        if (ctx.req().getContentLengthLong() > limit) {
            return Optional.empty();
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes(limit + 1);
            return body.length > limit ? Optional.empty() : Optional.of(body);
        }
    }

    private static void httpError(Context ctx, int status, String message) {
        ctx.status(status).contentType(JSON).result(JsonErrorPages.body(status, message));
    }

    private static BindException cannotListen(String address, RuntimeException e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof BindException)) {
            cause = cause.getCause();
        }
        BindException failure = new BindException("RPC cannot listen on " + address + ": " + cause.getMessage());
        failure.initCause(e);
        return failure;
    }

    private static String hostForUrl(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
