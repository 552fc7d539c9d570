package io.cairn.consensus;

import io.cairn.consensus.messages.MessageCodec;
import io.cairn.consensus.messages.MessageType;
import io.cairn.consensus.messages.PreparedCertificate;
import io.cairn.crypto.Hash;
import io.cairn.crypto.encoding.ByteReader;
import io.cairn.crypto.encoding.ByteWriter;
import io.cairn.crypto.encoding.DecodeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a validator must remember across a crash, written before any vote leaves the process:
 * the height it is deciding, its view (and whether it is changing to it), what it signed at this
 * height, and its highest prepared certificate with the block. A core rebuilt from it never
 * signs two different blocks for one (height, view) and never goes back a view.
 */
public record DurableState(
        long height,
        long view,
        boolean changingView,
        List<Signed> signed,
        Optional<PreparedCertificate> prepared,
        byte[] preparedProposal) {

    /** One vote this validator signed at {@link #height}: its kind, view and block. */
    public record Signed(MessageType type, long view, Hash digest) {
        public Signed {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(digest, "digest");
        }
    }

    private static final int VERSION = 1;

    public DurableState {
        signed = List.copyOf(signed);
        Objects.requireNonNull(prepared, "prepared");
        preparedProposal = preparedProposal.clone();
        if (height < 1 || view < 0) {
            throw new IllegalArgumentException("height must be at least 1 and view not negative");
        }
    }

    /** The state of a validator that has never voted, deciding {@code height}. */
    public static DurableState initial(long height) {
        return new DurableState(height, 0, false, List.of(), Optional.empty(), new byte[0]);
    }

    @Override
    public byte[] preparedProposal() {
        return preparedProposal.clone();
    }

    /** The digest this validator signed for (type, view) at this height, if any. */
    public Optional<Hash> signedDigest(MessageType type, long inView) {
        for (Signed vote : signed) {
            if (vote.type() == type && vote.view() == inView) {
                return Optional.of(vote.digest());
            }
        }
        return Optional.empty();
    }

    public byte[] encode() {
        ByteWriter writer = new ByteWriter(256 + preparedProposal.length)
                .u8(VERSION).u64(height).u64(view).u8(changingView ? 1 : 0).u16(signed.size());
        for (Signed vote : signed) {
            writer.u8(vote.type().code()).u64(vote.view()).hash(vote.digest());
        }
        writer.u8(prepared.isPresent() ? 1 : 0);
        prepared.ifPresent(certificate -> MessageCodec.writePreparedCertificate(writer, certificate));
        return writer.u32(preparedProposal.length).bytes(preparedProposal).toByteArray();
    }

    public static DurableState decode(byte[] bytes) throws DecodeException {
        ByteReader reader = new ByteReader(bytes, "consensus state");
        int version = reader.u8("version");
        if (version != VERSION) {
            throw reader.errorAt(0, "version", "unsupported consensus state version " + version);
        }
        long height = reader.u63("height");
        long view = reader.u63("view");
        int changingAt = reader.position();
        int changingFlag = reader.u8("changing view");
        if (changingFlag > 1) {
            throw reader.errorAt(changingAt, "changing view", "a flag must be 0 or 1, got " + changingFlag);
        }
        boolean changing = changingFlag == 1;
        int count = reader.u16InRange("signed count", 0, 64);
        List<Signed> signed = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int at = reader.position();
            int code = reader.u8("signed type");
            MessageType type = MessageType.fromCode(code)
                    .orElseThrow(() -> reader.errorAt(at, "signed type", "unknown type " + code));
            signed.add(new Signed(type, reader.u63("signed view"), reader.hash("signed digest")));
        }
        int preparedAt = reader.position();
        int preparedFlag = reader.u8("has prepared");
        if (preparedFlag > 1) {
            throw reader.errorAt(preparedAt, "has prepared", "a flag must be 0 or 1, got " + preparedFlag);
        }
        Optional<PreparedCertificate> prepared = preparedFlag == 1
                ? Optional.of(MessageCodec.readPreparedCertificate(reader)) : Optional.empty();
        int length = reader.u32InRange("prepared proposal length", 0, MessageCodec.MAX_PROPOSAL_BYTES);
        byte[] proposal = reader.bytes(length, "prepared proposal");
        reader.expectEnd();
        if (height < 1) {
            throw new DecodeException("malformed consensus state: height 0");
        }
        return new DurableState(height, view, changing, signed, prepared, proposal);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DurableState other && height == other.height && view == other.view
                && changingView == other.changingView && signed.equals(other.signed)
                && prepared.equals(other.prepared) && Arrays.equals(preparedProposal, other.preparedProposal);
    }

    @Override
    public int hashCode() {
        return Objects.hash(height, view, changingView, signed);
    }

    @Override
    public String toString() {
        return "DurableState[height " + height + ", view " + view + (changingView ? " (changing)" : "")
                + ", signed " + signed + prepared.map(p -> ", prepared " + p.digest() + " in view " + p.view()).orElse("")
                + "]";
    }
}
