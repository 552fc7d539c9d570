package io.cairn.node.p2p;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one outbound connection to each validator with a higher index than ours. Each target
 * has at most one attempt or connection at a time: the next dial is scheduled only when the
 * previous channel has closed, whether its connect failed or a live connection ended.
 */
final class PeerDialer {
    private static final Logger log = LoggerFactory.getLogger(PeerDialer.class);

    private final PeerNetwork network;
    private final Bootstrap bootstrap;
    private final EventLoopGroup group;
    private final Map<Integer, Target> targets = new HashMap<>();

    private static final class Target {
        final int validator;
        final InetSocketAddress address;
        final ReconnectBackoff backoff;
        boolean reported;

        Target(int validator, InetSocketAddress address, ReconnectBackoff backoff) {
            this.validator = validator;
            this.address = address;
            this.backoff = backoff;
        }
    }

    PeerDialer(PeerNetwork network, Bootstrap bootstrap, EventLoopGroup group) {
        this.network = network;
        this.bootstrap = bootstrap;
        this.group = group;
        PeerNetworkConfig config = network.config();
        SecureRandom random = new SecureRandom();
        config.peers().forEach((validator, address) -> {
            if (validator > config.self()) {
                targets.put(validator, new Target(validator, address,
                        new ReconnectBackoff(config.backoffMin(), config.backoffMax(), random)));
            }
        });
    }

    void start() {
        targets.values().forEach(this::dial);
    }

    /** A handshake with {@code validator} completed: its next redial starts from the shortest delay. */
    void connected(int validator) {
        Target target = targets.get(validator);
        if (target != null) {
            target.backoff.reset();
            synchronized (target) {
                target.reported = false;
            }
        }
    }

    private void dial(Target target) {
        if (network.closing()) {
            return;
        }
        if (network.isIsolated(target.validator)) {
            // Cut off by fault injection: look again shortly, so a heal reconnects within one short delay.
            schedule(target, network.config().backoffMin().toMillis());
            return;
        }
        ChannelFuture connect;
        try {
            connect = bootstrap.clone().handler(network.sessionPipeline(target.validator)).connect(target.address);
        } catch (RejectedExecutionException e) {
            return; // shutting down
        }
        connect.addListener(attempt -> {
            if (!attempt.isSuccess()) {
                unreachable(target, attempt.cause());
            }
        });
        connect.channel().closeFuture().addListener(closed -> redialLater(target));
    }

    private void unreachable(Target target, Throwable cause) {
        network.counters().dialFailed();
        boolean first;
        synchronized (target) {
            first = !target.reported;
            target.reported = true;
        }
        String address = PeerSession.address(target.address);
        if (first && !network.closing()) {
            // Once per outage: a peer that is down for an hour must not fill the log.
            log.info("p2p: cannot reach validator {} at {}: {}; retrying with backoff up to {} ms",
                    target.validator, address, cause.getMessage(), network.config().backoffMax().toMillis());
        } else {
            log.debug("p2p: cannot reach validator {} at {}: {}", target.validator, address, cause.getMessage());
        }
    }

    private void redialLater(Target target) {
        if (network.closing()) {
            return;
        }
        schedule(target, target.backoff.nextDelayMillis());
    }

    private void schedule(Target target, long delay) {
        try {
            group.schedule(() -> dial(target), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }
}
