package io.cairn.consensus.sim;

import io.cairn.crypto.Hash;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 over everything that happened in a run, in order: every delivered packet (time, sender,
 * receiver, content), every decision and every injected fault. Two runs of one seed must agree.
 */
public final class Trace {
    private final MessageDigest digest;
    private final ByteBuffer header = ByteBuffer.allocate(21);

    public Trace() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void record(int kind, long time, int a, long b, byte[] content) {
        header.clear();
        header.put((byte) kind).putLong(time).putInt(a).putLong(b);
        digest.update(header.array());
        digest.update(content);
    }

    void delivered(long time, int from, int to, Packet packet) {
        record(1, time, from, to, packet.traceBytes());
    }

    void decided(long time, int node, long height, Hash block) {
        record(2, time, node, height, block.toByteArray());
    }

    void fault(long time, FaultKind kind, int node) {
        record(3, time, node, kind.ordinal(), new byte[0]);
    }

    /** The digest so far; the trace can go on afterwards. */
    public Hash digest() {
        try {
            return Hash.wrap(((MessageDigest) digest.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
