package io.cairn.node.p2p;

import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.ssl.NotSslRecordException;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import javax.net.ssl.SSLException;

/**
 * Why a connection ended. Refusals are the peer's fault (or a misconfiguration an operator must
 * see) and are logged at WARN; the others are ordinary life of a network.
 */
public enum DisconnectReason {
    /** The first bytes were not a TLS record: a port scanner, an HTTP client, garbage. */
    NOT_TLS(true, "not TLS"),
    /** TLS failed: an older protocol version, a broken handshake, or the peer refused our certificate. */
    TLS_FAILED(true, "TLS handshake failed"),
    /** The certificate's key is not a validator of this chain, is our own, or is not the one we dialed. */
    UNKNOWN_KEY(true, "certificate refused"),
    /** The Hello was malformed, of another protocol version, or claimed another validator. */
    BAD_HELLO(true, "bad hello"),
    /** The Hello named another chain id or genesis. */
    WRONG_CHAIN(true, "another chain"),
    /** TLS and Hello did not finish within the handshake timeout. */
    HANDSHAKE_TIMEOUT(true, "handshake timeout"),
    /** A frame's length prefix was above the limit. */
    OVERSIZED_FRAME(true, "oversized frame"),
    /** An authenticated validator sent a payload the node cannot decode. */
    MALFORMED_MESSAGE(true, "malformed message"),
    /** Nothing, not even a keepalive, arrived within the idle timeout. */
    IDLE_TIMEOUT(false, "idle timeout"),
    /** The same validator connected again; the newer connection wins. */
    REPLACED(false, "replaced by a newer connection"),
    /** A socket error such as a reset. */
    CONNECTION_ERROR(false, "connection error"),
    /** The peer closed the connection. */
    PEER_CLOSED(false, "closed by the peer"),
    /** This network is closing. */
    SHUTDOWN(false, "shutdown"),
    /** A testnet's fault injection cut this validator off ({@link PeerNetwork#isolate}); never in production. */
    ISOLATED(false, "isolated by fault injection");

    private final boolean refusal;
    private final String description;

    DisconnectReason(boolean refusal, String description) {
        this.refusal = refusal;
        this.description = description;
    }

    /** True when the connection was refused or cut off for what the peer did or is. */
    public boolean refusal() {
        return refusal;
    }

    public String description() {
        return description;
    }

    /** The reason for a failure that Netty or JSSE reported on a connection. */
    static DisconnectReason of(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof NotSslRecordException) {
            return NOT_TLS;
        }
        if (cause instanceof ClosedChannelException) {
            return PEER_CLOSED; // Netty's word for "the peer hung up during the TLS handshake"
        }
        if (cause instanceof TooLongFrameException) {
            return OVERSIZED_FRAME;
        }
        if (rejection(cause) != null) {
            return UNKNOWN_KEY;
        }
        if (cause instanceof SSLException) {
            return TLS_FAILED;
        }
        return CONNECTION_ERROR;
    }

    /** A one-line account of {@code failure} for the log: never a hex dump, never key material. */
    static String detail(Throwable failure) {
        Throwable cause = unwrap(failure);
        PeerCertificateRejected rejection = rejection(cause);
        if (rejection != null) {
            return rejection.getMessage();
        }
        if (cause instanceof NotSslRecordException) {
            // Netty's message hex-dumps the bytes received; the log needs only the fact.
            return "the first bytes are not a TLS record";
        }
        if (cause instanceof ClosedChannelException) {
            return "during the TLS handshake";
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (!(cause instanceof IOException) && !(cause instanceof DecoderException)) {
            message = cause.getClass().getSimpleName() + ": " + message;
        }
        return message.length() > 200 ? message.substring(0, 200) + "..." : message;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof DecoderException && !(cause instanceof TooLongFrameException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static PeerCertificateRejected rejection(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PeerCertificateRejected rejected) {
                return rejected;
            }
        }
        return null;
    }
}
