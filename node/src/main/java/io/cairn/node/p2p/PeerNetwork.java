package io.cairn.node.p2p;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The validators' p2p network as seen by one of them: authenticated TLS connections to every
 * other validator, framed messages in both directions, and bounded queues. See the package
 * documentation for the handshake and frame format.
 */
public final class PeerNetwork implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PeerNetwork.class);
    private static final int IO_THREADS = 2;

    private final PeerNetworkConfig config;
    private final PeerListener listener;
    private final PeerCounters counters = new PeerCounters();
    private final Map<Integer, PeerSession> sessions = new ConcurrentHashMap<>();
    private final Object membership = new Object();
    private final Object lifecycle = new Object();
    private volatile boolean closing;
    private boolean started;
    private PeerTls tls;
    private EventLoopGroup acceptGroup;
    private EventLoopGroup ioGroup;
    private volatile Channel server;
    /** Validators cut off by a testnet's fault injection; empty on any real network. */
    private volatile Set<Integer> isolated = Set.of();
    private final AtomicLong isolationChanges = new AtomicLong();
    private volatile PeerDialer dialer;

    public PeerNetwork(PeerNetworkConfig config, PeerListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Binds the listen address and starts dialing; a failure leaves nothing running. */
    public void start() throws IOException {
        synchronized (lifecycle) {
            if (closing || started) {
                throw new IllegalStateException(closing ? "the p2p network is closed" : "the p2p network is started");
            }
            started = true;
            try {
                tls = new PeerTls(config);
            } catch (SSLException | RuntimeException e) {
                close();
                throw new IOException("cannot set up TLS for validator " + config.self() + ": " + e.getMessage(), e);
            }
            acceptGroup = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("cairn-p2p-accept"),
                    NioIoHandler.newFactory());
            ioGroup = new MultiThreadIoEventLoopGroup(IO_THREADS, new DefaultThreadFactory("cairn-p2p-io"),
                    NioIoHandler.newFactory());
            ChannelFuture bind = new ServerBootstrap()
                    .group(acceptGroup, ioGroup)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(sessionPipeline(PeerSession.INBOUND))
                    .bind(config.listen())
                    .awaitUninterruptibly();
            if (!bind.isSuccess()) {
                close();
                throw new IOException("cannot listen on " + PeerSession.address(config.listen()) + ": "
                        + lowercaseFirst(bind.cause().getMessage()), bind.cause());
            }
            server = bind.channel();
            log.info("p2p: validator {} of chain '{}' listening on {}", config.self(), config.chainId(),
                    PeerSession.address(boundAddress()));
            Bootstrap dialing = new Bootstrap()
                    .group(ioGroup)
                    .channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                            config.handshakeTimeout().toMillis()));
            dialer = new PeerDialer(this, dialing, ioGroup);
            dialer.start();
        }
    }

    /** The address actually bound, e.g. the port picked when the config asked for port 0. */
    public InetSocketAddress boundAddress() {
        Channel bound = server;
        if (bound == null) {
            throw new IllegalStateException("the p2p network is not listening");
        }
        return (InetSocketAddress) bound.localAddress();
    }

    /**
     * Queues {@code payload} (copied) for {@code validator}. False, and counted as dropped, when
     * that validator is not connected or its queue would exceed {@code maxQueuedBytesPerPeer}.
     */
    public boolean send(int validator, byte[] payload) {
        checkPayload(payload);
        PeerSession session = sessions.get(validator);
        if (session == null) {
            counters.droppedNotConnected();
            return false;
        }
        return session.trySend(payload.clone());
    }

    /** Queues {@code payload} for every connected validator; returns how many took it. */
    public int broadcast(byte[] payload) {
        checkPayload(payload);
        byte[] copy = payload.clone();
        int queued = 0;
        for (PeerSession session : sessions.values()) {
            if (session.trySend(copy)) {
                queued++;
            }
        }
        return queued;
    }

    /**
     * Closes the connection to {@code validator} because of what it sent (a payload the node
     * cannot decode); logged once and counted as {@link DisconnectReason#MALFORMED_MESSAGE}. The
     * lower of the two redials as usual.
     */
    public void cutOff(int validator, String why) {
        PeerSession session = sessions.get(validator);
        if (session != null) {
            session.close(DisconnectReason.MALFORMED_MESSAGE, why);
        }
    }

    /**
     * Fault injection for testnets: closes the connections to {@code validators}, refuses their
     * new connections and stops dialing them until {@link #heal}. Replaces any earlier isolation;
     * logged and counted once per change.
     */
    public void isolate(Set<Integer> validators) {
        Set<Integer> next = Set.copyOf(validators);
        synchronized (membership) {
            if (next.equals(isolated)) {
                return;
            }
            isolated = next;
            isolationChanges.incrementAndGet();
            for (int validator : next) {
                PeerSession session = sessions.get(validator);
                if (session != null) {
                    session.close(DisconnectReason.ISOLATED, "until healed");
                }
            }
        }
        if (next.isEmpty()) {
            log.info("p2p: fault injection healed: validator {} connects to every validator again", config.self());
        } else {
            log.info("p2p: fault injection: validator {} is cut off from validators {}", config.self(),
                    new TreeSet<>(next));
        }
    }

    /** Ends any {@link #isolate isolation}: every validator is dialed and accepted again. */
    public void heal() {
        isolate(Set.of());
    }

    /** The validators currently cut off by fault injection. */
    public Set<Integer> isolated() {
        return isolated;
    }

    /** How many times the isolation changed (an isolate or heal that changed nothing is not counted). */
    public long isolationChanges() {
        return isolationChanges.get();
    }

    boolean isIsolated(int validator) {
        return isolated.contains(validator);
    }

    /** The validators with a connection that finished its handshake. */
    public Set<Integer> connected() {
        return Set.copyOf(sessions.keySet());
    }

    public PeerNetworkStats stats() {
        return counters.snapshot();
    }

    /**
     * Closes every connection and stops all threads; returns once the port is free. Idempotent.
     * It waits for the network's threads, so call it from the node, never from a listener callback.
     */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closing) {
                return;
            }
            closing = true;
        }
        if (server != null) {
            server.close().awaitUninterruptibly();
        }
        // The event loops close their channels as they stop; no dial is scheduled after this.
        Future<?> accept = acceptGroup == null ? null : acceptGroup.shutdownGracefully(0, 5, TimeUnit.SECONDS);
        Future<?> io = ioGroup == null ? null : ioGroup.shutdownGracefully(0, 5, TimeUnit.SECONDS);
        if (accept != null) {
            accept.awaitUninterruptibly();
        }
        if (io != null) {
            io.awaitUninterruptibly();
        }
        if (started) {
            log.info("p2p: validator {} stopped", config.self());
        }
    }

    PeerNetworkConfig config() {
        return config;
    }

    PeerCounters counters() {
        return counters;
    }

    PeerTls tls() {
        return tls;
    }

    boolean closing() {
        return closing;
    }

    /** The pipeline of every connection: TLS, then length-prefixed frames, then the session. */
    ChannelInitializer<SocketChannel> sessionPipeline(int dialed) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                SslHandler ssl = (dialed == PeerSession.INBOUND ? tls.server() : tls.clientFor(dialed))
                        .newHandler(channel.alloc());
                ssl.setHandshakeTimeoutMillis(0); // the session's own timer covers TLS and Hello together
                int maxFrame = config.maxFrameBytes() + PeerSession.FRAME_HEADER_BYTES;
                int header = PeerSession.FRAME_HEADER_BYTES;
                channel.pipeline()
                        .addLast("tls", ssl)
                        .addLast("frames", new LengthFieldBasedFrameDecoder(maxFrame, 0, header, 0, header, true))
                        .addLast("length", new LengthFieldPrepender(header))
                        .addLast("session", new PeerSession(PeerNetwork.this, channel, dialed));
            }
        };
    }

    /** A session finished its handshake; a newer connection of the same validator replaces an older one. */
    void established(PeerSession session) {
        int validator = session.peer();
        synchronized (membership) {
            if (closing) {
                session.close(DisconnectReason.SHUTDOWN, "");
                return;
            }
            if (isolated.contains(validator)) {
                // Its identity is known only now, after TLS and Hello: refuse it here, on either side.
                session.close(DisconnectReason.ISOLATED, "until healed");
                return;
            }
            PeerSession older = sessions.put(validator, session);
            if (older != null) {
                older.close(DisconnectReason.REPLACED, "validator " + validator + " connected again");
            }
            notify(() -> listener.onConnected(validator), "onConnected", validator);
        }
        if (session.dialedOut()) {
            dialer.connected(validator);
        }
    }

    /** An established session closed; the validator is disconnected unless a newer session replaced it. */
    void ended(PeerSession session) {
        int validator = session.peer();
        synchronized (membership) {
            // Callbacks run under the lock so that the listener sees them in the order of the map's changes.
            if (sessions.remove(validator, session)) {
                notify(() -> listener.onDisconnected(validator), "onDisconnected", validator);
            }
        }
    }

    void deliver(int validator, byte[] payload) {
        notify(() -> listener.onMessage(validator, payload), "onMessage", validator);
    }

    private void notify(Runnable callback, String name, int validator) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            // A bug in the node, not the peer's doing: keep the connection, show the stack.
            log.error("p2p: the listener's {} failed for validator {}", name, validator, e);
        }
    }

    private void checkPayload(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        if (payload.length == 0) {
            throw new IllegalArgumentException("an empty payload is a keepalive on the wire; nothing to send");
        }
        if (payload.length > config.maxFrameBytes()) {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes is above maxFrameBytes "
                    + config.maxFrameBytes());
        }
    }

    private static String lowercaseFirst(String message) {
        if (message == null || message.isEmpty()) {
            return "unknown error";
        }
        return Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }
}
