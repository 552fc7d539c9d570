package io.cairn.rpc.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.cairn.crypto.Hash;
import io.cairn.rpc.jsonrpc.JsonRpcDispatcher;
import io.cairn.rpc.jsonrpc.Params;
import io.cairn.rpc.jsonrpc.RpcError;
import io.cairn.rpc.jsonrpc.RpcException;
import io.cairn.rpc.jsonrpc.RpcMethod;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's WebSocket: JSON-RPC requests in (every method of the HTTP API, plus
 * {@code subscribe} and {@code unsubscribe}), answers and notifications out through one bounded
 * {@link Outbound} queue. A client whose queue fills is disconnected with 1008.
 */
final class WsSession {
    /** A per-connection limit was reached (as EIP-1474 numbers it). */
    static final int LIMIT_EXCEEDED = -32005;
    private static final Logger log = LoggerFactory.getLogger(WsSession.class);

    private final ClientSocket socket;
    private final EventHub hub;
    private final ObjectMapper mapper;
    private final JsonRpcDispatcher dispatcher;
    private final int maxSubscriptions;
    private final int maxQueuedMessages;
    private final Outbound outbound;
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    /** Made by the message being handled; released once its answer, with their ids, is queued. */
    private final List<Subscription> opened = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    WsSession(ClientSocket socket, EventHub hub, Map<String, RpcMethod> routes, ObjectMapper mapper, int maxBatch,
            WsSettings settings) {
        this.socket = socket;
        this.hub = hub;
        this.mapper = mapper;
        this.maxSubscriptions = settings.maxSubscriptions();
        this.maxQueuedMessages = settings.maxQueuedMessages();
        this.outbound = new Outbound(socket, settings.maxQueuedMessages(), settings.maxQueuedBytes(), this::broke);
        Map<String, RpcMethod> methods = new HashMap<>(routes);
        methods.put("subscribe", new RpcMethod(List.of("topic", "hash"), this::subscribe));
        methods.put("unsubscribe", new RpcMethod(List.of("subscription"), this::unsubscribe));
        this.dispatcher = new JsonRpcDispatcher(mapper, methods, maxBatch);
    }

    /** A text message: one request or a batch. Jetty hands one session its messages one at a time. */
    synchronized void received(String message) {
        if (closed.get()) {
            return;
        }
        Optional<JsonNode> response = dispatcher.handle(message.getBytes(StandardCharsets.UTF_8));
        answerAndRelease(0, response);
        opened.clear();
    }

    /**
     * Queues the answer and releases the subscriptions it opened while holding all of them, so
     * that once the client has read the answer, each new subscription delivers in step with the
     * socket's older ones (an event reaching both shows in both in the hub's order).
     */
    private void answerAndRelease(int from, Optional<JsonNode> response) {
        if (from == opened.size()) {
            response.ifPresent(this::answer);
            opened.forEach(Subscription::release);
            return;
        }
        synchronized (opened.get(from)) { // at most maxSubscriptions deep
            answerAndRelease(from + 1, response);
        }
    }

    /** A binary message: not JSON-RPC here, answered as an invalid request. */
    synchronized void receivedBinary() {
        answer(JsonRpcDispatcher.errorResponse(NullNode.getInstance(),
                RpcError.invalidRequest("binary messages are not read: send JSON-RPC as text")));
    }

    /** Queues a notification of {@code subscription} carrying {@code result} (rendered JSON). */
    void notify(String subscription, String result) {
        send(Notifications.envelope(subscription, result));
    }

    /** A subscription that ended by itself (a committed txStatus): its slot is free again. */
    void ended(Subscription subscription) {
        subscriptions.remove(subscription.id(), subscription);
    }

    int maxQueuedMessages() {
        return maxQueuedMessages;
    }

    boolean subscribed() {
        return !subscriptions.isEmpty();
    }

    boolean closed() {
        return closed.get();
    }

    void ping() {
        if (!closed.get()) {
            socket.ping();
        }
    }

    String peer() {
        return socket.peer();
    }

    /** Ends the session from this side: nothing more is sent but the close frame. */
    boolean close(int code, String reason) {
        if (!shutDown()) {
            return false;
        }
        socket.close(code, reason);
        return true;
    }

    /** The socket closed (the client left, or Jetty closed it): forget it without a word. */
    void disconnected() {
        shutDown();
    }

    private boolean shutDown() {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        outbound.close();
        subscriptions.values().forEach(hub::forget);
        subscriptions.clear();
        return true;
    }

    private void send(String text) {
        if (!outbound.offer(text)) {
            overflowed(outbound.close());
        }
    }

    /** The client does not keep up: {@code queued} messages wait for it, as many as it may have. */
    void overflowed(int queued) {
        if (close(StatusCode.POLICY_VIOLATION, "too slow: " + queued + " messages queued")) {
            log.warn("WebSocket client {} disconnected: too slow, {} messages queued", socket.peer(), queued);
        }
    }

    private void broke(Throwable cause) {
        if (shutDown()) {
            log.debug("WebSocket client {}: a write failed: {}", socket.peer(), cause.toString());
        }
    }

    private void answer(JsonNode response) {
        try {
            send(mapper.writeValueAsString(response));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always renders", e);
        }
    }

    private JsonNode subscribe(Params params) throws RpcException {
        Topic topic = Topic.parse(params.text("topic"));
        Optional<Hash> transaction = Optional.empty();
        if (topic == Topic.TX_STATUS) {
            transaction = Optional.of(params.hash("hash"));
        } else if (params.has("hash")) {
            throw new RpcException(RpcError.invalidParam("hash", "is only for the txStatus topic"));
        }
        if (subscriptions.size() >= maxSubscriptions) {
            throw new RpcException(RpcError.application(LIMIT_EXCEEDED, "limit exceeded", "too_many_subscriptions",
                    "a connection holds at most " + maxSubscriptions + " subscriptions; unsubscribe one first"));
        }
        String id = hub.newSubscriptionId();
        while (subscriptions.containsKey(id)) {
            id = hub.newSubscriptionId(); // 64 random bits: this never loops, but ids must be unique
        }
        Subscription subscription = new Subscription(id, topic, transaction, this);
        subscriptions.put(subscription.id(), subscription);
        opened.add(subscription);
        hub.start(subscription);
        return TextNode.valueOf(subscription.id());
    }

    private JsonNode unsubscribe(Params params) throws RpcException {
        Subscription subscription = subscriptions.remove(params.text("subscription"));
        if (subscription == null || !subscription.end()) {
            return BooleanNode.FALSE;
        }
        hub.forget(subscription);
        return BooleanNode.TRUE;
    }
}
