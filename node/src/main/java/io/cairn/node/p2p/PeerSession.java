package io.cairn.node.p2p;

import io.cairn.crypto.Hash;
import io.cairn.crypto.encoding.DecodeException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection, from TLS to close: identifies the peer by its certificate, exchanges Hellos,
 * then delivers frames and keeps the link alive. Everything but {@link #trySend} and
 * {@link #close} runs on the channel's event loop; both of those may be called from anywhere.
 */
final class PeerSession extends ChannelInboundHandlerAdapter {
    static final int FRAME_HEADER_BYTES = 4;
    static final int INBOUND = -1;
    private static final Logger log = LoggerFactory.getLogger(PeerSession.class);

    private final PeerNetwork network;
    private final PeerNetworkConfig config;
    private final Channel channel;
    private final int dialed;
    private final AtomicLong queuedBytes = new AtomicLong();
    private String remote = "an unknown address";
    private volatile int peer = -1;
    private volatile boolean established;
    private DisconnectReason closeReason;
    private ScheduledFuture<?> handshakeTimer;

    /** @param dialed the validator this connection dialed, or {@link #INBOUND} when it was accepted */
    PeerSession(PeerNetwork network, Channel channel, int dialed) {
        this.network = network;
        this.config = network.config();
        this.channel = channel;
        this.dialed = dialed;
    }

    int peer() {
        return peer;
    }

    boolean dialedOut() {
        return dialed != INBOUND;
    }

    /** Queues {@code payload} unless the bytes already waiting for this peer would exceed the limit. */
    boolean trySend(byte[] payload) {
        long size = payload.length + (long) FRAME_HEADER_BYTES;
        long queued;
        do {
            queued = queuedBytes.get();
            if (queued + size > config.maxQueuedBytesPerPeer()) {
                network.counters().droppedQueueFull();
                return false;
            }
        } while (!queuedBytes.compareAndSet(queued, queued + size));
        channel.writeAndFlush(Unpooled.wrappedBuffer(payload)).addListener(write -> {
            queuedBytes.addAndGet(-size);
            if (write.isSuccess()) {
                network.counters().sent(payload.length);
            } else {
                network.counters().droppedNotConnected();
            }
        });
        return true;
    }

    /** Closes the connection for {@code reason}; only the first reason given is logged and counted. */
    void close(DisconnectReason reason, String detail) {
        if (!channel.eventLoop().inEventLoop()) {
            try {
                channel.eventLoop().execute(() -> close(reason, detail));
            } catch (RejectedExecutionException e) {
                channel.close(); // the event loop is shutting down and closes the channel anyway
            }
            return;
        }
        if (closeReason == null) {
            ended(reason, detail);
            channel.close();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        remote = address(channel.remoteAddress());
        long timeout = config.handshakeTimeout().toMillis();
        handshakeTimer = channel.eventLoop().schedule(() -> {
            if (!established) {
                close(DisconnectReason.HANDSHAKE_TIMEOUT, "TLS and hello not done within " + timeout + " ms");
            }
        }, timeout, TimeUnit.MILLISECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof SslHandshakeCompletionEvent tls) {
            tlsFinished(ctx, tls);
        } else if (event instanceof IdleStateEvent idle) {
            idle(idle);
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        ByteBuf frame = (ByteBuf) message;
        try {
            if (closeReason != null) {
                return;
            }
            if (peer < 0) {
                // Data can only come out of a finished TLS handshake, even if its event is still to come.
                tlsUp(ctx);
            }
            if (established) {
                deliver(frame);
            } else if (closeReason == null) {
                hello(ctx, ByteBufUtil.getBytes(frame));
            }
        } finally {
            frame.release();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        close(DisconnectReason.of(cause), DisconnectReason.detail(cause));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (handshakeTimer != null) {
            handshakeTimer.cancel(false);
        }
        if (closeReason == null) {
            ended(DisconnectReason.PEER_CLOSED, established ? "" : "before the handshake finished");
        }
        if (established) {
            network.ended(this);
        }
        ctx.fireChannelInactive();
    }

    private void tlsFinished(ChannelHandlerContext ctx, SslHandshakeCompletionEvent tls) {
        if (!tls.isSuccess()) {
            exceptionCaught(ctx, tls.cause());
        } else if (peer < 0 && closeReason == null) {
            tlsUp(ctx);
        }
    }

    /** TLS is up: learn which validator the certificate names and send our Hello first of all. */
    private void tlsUp(ChannelHandlerContext ctx) {
        try {
            SslHandler ssl = ctx.pipeline().get(SslHandler.class);
            peer = network.tls().acceptorTrust().identify(ssl.engine().getSession().getPeerCertificates());
        } catch (PeerCertificateRejected | SSLPeerUnverifiedException e) {
            close(DisconnectReason.UNKNOWN_KEY, e.getMessage());
            return;
        }
        if (dialedOut() && peer != dialed) {
            // The pinned trust manager already refused this; checked again because it is cheap.
            close(DisconnectReason.UNKNOWN_KEY, "validator " + peer + " answered, we dialed validator " + dialed);
            return;
        }
        Hello ours = new Hello(Hello.PROTOCOL_VERSION, config.chainId(), config.genesisHash(), config.self());
        ctx.writeAndFlush(Unpooled.wrappedBuffer(ours.encode()));
    }

    private void hello(ChannelHandlerContext ctx, byte[] frame) {
        Hello hello;
        try {
            hello = Hello.decode(frame);
        } catch (DecodeException e) {
            close(DisconnectReason.BAD_HELLO, e.getMessage());
            return;
        }
        if (!hello.chainId().equals(config.chainId()) || !hello.genesisHash().equals(config.genesisHash())) {
            close(DisconnectReason.WRONG_CHAIN, "the peer is on chain '" + hello.chainId() + "' with genesis "
                    + brief(hello.genesisHash()) + ", we are on '" + config.chainId() + "' with genesis "
                    + brief(config.genesisHash()));
            return;
        }
        if (hello.validator() != peer) {
            close(DisconnectReason.BAD_HELLO, "it says it is validator " + hello.validator()
                    + ", its certificate is validator " + peer + "'s");
            return;
        }
        if (!dialedOut() && peer > config.self()) {
            close(DisconnectReason.BAD_HELLO, "validator " + peer + " dialed validator " + config.self()
                    + ", but the lower index dials");
            return;
        }
        established = true;
        handshakeTimer.cancel(false);
        long idle = config.idleTimeout().toMillis();
        ctx.pipeline().addBefore(ctx.name(), "idle", new IdleStateHandler(idle, idle / 3, 0, TimeUnit.MILLISECONDS));
        log.info("p2p: {} validator {} at {}", dialedOut() ? "connected to" : "accepted", peer, remote);
        network.established(this);
    }

    private void deliver(ByteBuf frame) {
        int length = frame.readableBytes();
        if (length == 0) {
            return; // a keepalive: it has done its work by arriving
        }
        network.counters().received(length);
        network.deliver(peer, ByteBufUtil.getBytes(frame));
    }

    private void idle(IdleStateEvent event) {
        if (event.state() == IdleState.READER_IDLE) {
            close(DisconnectReason.IDLE_TIMEOUT, "nothing received for " + config.idleTimeout().toMillis() + " ms");
        } else if (event.state() == IdleState.WRITER_IDLE && queuedBytes.get() == 0) {
            // Bytes still queued will show the peer we are alive once they move; no need to add more.
            channel.writeAndFlush(Unpooled.EMPTY_BUFFER);
        }
    }

    /** Counts and logs the end of this connection, once. */
    private void ended(DisconnectReason reason, String detail) {
        closeReason = network.closing() ? DisconnectReason.SHUTDOWN : reason;
        if (established) {
            network.ended(this); // first, so that a close already counted is never still listed as connected
        }
        network.counters().closed(closeReason);
        String who = (dialedOut() ? "connection to " : "connection from ") + remote
                + (peer >= 0 ? " (validator " + peer + ")" : dialedOut() ? " (dialing validator " + dialed + ")" : "");
        String why = closeReason.description() + (detail.isEmpty() ? "" : ": " + detail);
        if (closeReason.refusal() || closeReason == DisconnectReason.IDLE_TIMEOUT) {
            log.warn("p2p: closed {}: {}", who, why);
        } else if (closeReason == DisconnectReason.SHUTDOWN) {
            log.debug("p2p: closed {}: {}", who, why);
        } else {
            log.info("p2p: closed {}: {}", who, why);
        }
    }

    static String address(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            return inet.getHostString() + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }

    private static String brief(Hash hash) {
        return hash.toHex().substring(0, 16);
    }
}
