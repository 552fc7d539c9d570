package io.cairn.node.p2p;

import io.cairn.crypto.KeyPair;
import io.cairn.crypto.PublicKey;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * A hand-driven peer over a blocking TLS socket, built from the network's own certificate and
 * trust classes, so a test can send exactly the bytes a misbehaving validator would.
 */
final class TlsTestPeer implements AutoCloseable {
    private final SSLSocket socket;
    private final DataOutputStream out;
    private final int self;

    private TlsTestPeer(SSLSocket socket, int self) throws IOException {
        this.socket = socket;
        this.out = new DataOutputStream(socket.getOutputStream());
        this.self = self;
    }

    /**
     * Connects and completes TLS as validator {@code self} holding {@code key}.
     *
     * @param receiveBuffer the socket's receive buffer, small for a peer meant to fall behind
     */
    static TlsTestPeer connect(KeyPair key, int self, List<PublicKey> validators, InetSocketAddress to,
            int receiveBuffer) throws Exception {
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(new KeyManager[] {NodeIdentity.create(key, self)},
                new TrustManager[] {new ValidatorTrust(validators, self, ValidatorTrust.ANY_VALIDATOR)}, null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
        socket.setReceiveBufferSize(receiveBuffer);
        socket.connect(to, 5_000);
        socket.setSoTimeout(5_000);
        socket.setEnabledProtocols(new String[] {"TLSv1.3"});
        socket.startHandshake();
        return new TlsTestPeer(socket, self);
    }

    static TlsTestPeer connect(KeyPair key, int self, List<PublicKey> validators, InetSocketAddress to)
            throws Exception {
        return connect(key, self, validators, to, 64 * 1024);
    }

    /** Sends the Hello an honest validator {@code self} of the test chain would send. */
    TlsTestPeer hello() throws IOException {
        return hello(self);
    }

    TlsTestPeer hello(int claimed) throws IOException {
        frame(new Hello(Hello.PROTOCOL_VERSION, TestValidators.CHAIN, TestValidators.GENESIS, claimed).encode());
        return this;
    }

    void frame(byte[] payload) throws IOException {
        out.writeInt(payload.length);
        out.write(payload);
        out.flush();
    }

    /** Writes only a length prefix, as a peer announcing a frame would. */
    void lengthPrefix(int length) throws IOException {
        out.writeInt(length);
        out.flush();
    }


    /**
     * Reads until the other side ends the connection; true when it did (end of stream or a
     * TLS alert), false when it was still open after the socket timeout.
     */
    boolean closedByPeer() {
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            while (in.read(buffer) >= 0) {
                // discard whatever came before the close: Hello, keepalives
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    int localPort() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
