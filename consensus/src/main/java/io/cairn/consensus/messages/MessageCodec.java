package io.cairn.consensus.messages;

import io.cairn.crypto.Hash;
import io.cairn.crypto.Signature;
import io.cairn.crypto.encoding.ByteReader;
import io.cairn.crypto.encoding.ByteWriter;
import io.cairn.crypto.encoding.DecodeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The wire form of consensus messages, strict like the ledger's codec (docs/consensus.md):
 * <pre>
 *   message     = u8 type | body
 *   vote        = u64 height (&ge; 1) | u64 view | digest (32) | u16 sender | signature (64)
 *   PRE-PREPARE = vote | u32 n | proposal (n bytes)
 *   PREPARE     = vote | primary's pre-prepare signature (64)
 *   COMMIT      = vote
 *   VIEW-CHANGE = view-change | u32 n | prepared proposal (n bytes, 0 when none)
 *   NEW-VIEW    = u64 view | u64 height | u16 count | view-change* | u8 has | [pre-prepare vote]
 *                 | u16 sender | signature | [u32 n | proposal]   (the proposal when has = 1)
 *   view-change = u64 new view | u64 height | u8 has | [commit cert] | u8 has | [prepared cert] | u16 sender | signature
 *   commit cert = u64 height | u64 view | digest | u16 count | count × (u16 validator | signature), ascending
 *   prepared cert = pre-prepare vote | u16 count | count × (u16 validator | signature), ascending
 * </pre>
 * A signed body is everything before its sender; VIEW-CHANGE and NEW-VIEW sign its SHA-256.
 */
public final class MessageCodec {
    /** The largest proposal carried: the ledger's largest block. */
    public static final int MAX_PROPOSAL_BYTES = 64 * 1024 * 1024;
    /** The most validators, and so the most signatures or view changes in one message. */
    public static final int MAX_VALIDATORS = 256;

    private MessageCodec() {}

    public static byte[] encode(ConsensusMessage message) {
        ByteWriter writer = new ByteWriter(256).u8(message.type().code());
        if (message instanceof PrePrepare prePrepare) {
            writeVote(writer, prePrepare.vote());
            writer.u32(prePrepare.proposalSize()).bytes(prePrepare.proposal());
        } else if (message instanceof Prepare prepare) {
            writeVote(writer, prepare.vote());
            writer.signature(prepare.primarySignature());
        } else if (message instanceof Commit commit) {
            writeVote(writer, commit.vote());
        } else if (message instanceof ViewChange viewChange) {
            writeViewChange(writer, viewChange);
            writer.u32(viewChange.preparedProposal().length).bytes(viewChange.preparedProposal());
        } else {
            NewView newView = (NewView) message;
            writer.bytes(newViewBody(newView)).u16(newView.sender()).signature(newView.signature());
            newView.prePrepare().ifPresent(p -> writer.u32(p.proposalSize()).bytes(p.proposal()));
        }
        return writer.toByteArray();
    }

    public static ConsensusMessage decode(byte[] bytes) throws DecodeException {
        if (bytes.length > MAX_PROPOSAL_BYTES + 64 * 1024) {
            throw new DecodeException("malformed consensus message: " + bytes.length + " bytes is over the limit");
        }
        ByteReader reader = new ByteReader(bytes, "consensus message");
        int at = reader.position();
        int code = reader.u8("type");
        MessageType type = MessageType.fromCode(code)
                .orElseThrow(() -> reader.errorAt(at, "type", "unknown message type " + code));
        ConsensusMessage message = switch (type) {
            case PRE_PREPARE -> new PrePrepare(readVote(reader, type), readProposal(reader, "proposal"));
            case PREPARE -> new Prepare(readVote(reader, type), reader.signature("primary signature"));
            case COMMIT -> new Commit(readVote(reader, type));
            case VIEW_CHANGE -> readViewChange(reader, true);
            case NEW_VIEW -> readNewView(reader);
        };
        reader.expectEnd();
        return message;
    }

    /** What a VIEW-CHANGE signs the digest of. */
    static byte[] viewChangeBody(ViewChange viewChange) {
        ByteWriter writer = new ByteWriter(512).u64(viewChange.newView()).u64(viewChange.height());
        writer.u8(viewChange.lastCommit().isPresent() ? 1 : 0);
        viewChange.lastCommit().ifPresent(certificate -> writeCommitCertificate(writer, certificate));
        writer.u8(viewChange.prepared().isPresent() ? 1 : 0);
        viewChange.prepared().ifPresent(certificate -> writePreparedCertificate(writer, certificate));
        return writer.toByteArray();
    }

    /** What a NEW-VIEW signs the digest of. */
    static byte[] newViewBody(NewView newView) {
        ByteWriter writer = new ByteWriter(2048).u64(newView.view()).u64(newView.height())
                .u16(newView.viewChanges().size());
        for (ViewChange viewChange : newView.viewChanges()) {
            writeViewChange(writer, viewChange);
        }
        writer.u8(newView.prePrepare().isPresent() ? 1 : 0);
        newView.prePrepare().ifPresent(p -> writeVote(writer, p.vote()));
        return writer.toByteArray();
    }

    public static void writeCommitCertificate(ByteWriter writer, CommitCertificate certificate) {
        writer.u64(certificate.height()).u64(certificate.view()).hash(certificate.digest());
        writeSignatures(writer, certificate.signatures());
    }

    public static CommitCertificate readCommitCertificate(ByteReader reader) throws DecodeException {
        long height = positive(reader, "certificate height");
        long view = reader.u63("certificate view");
        Hash digest = reader.hash("certificate digest");
        return new CommitCertificate(height, view, digest, readSignatures(reader, "certificate"));
    }

    public static void writePreparedCertificate(ByteWriter writer, PreparedCertificate certificate) {
        writeVote(writer, certificate.prePrepare());
        writeSignatures(writer, certificate.prepares());
    }

    public static PreparedCertificate readPreparedCertificate(ByteReader reader) throws DecodeException {
        Vote prePrepare = readVote(reader, MessageType.PRE_PREPARE);
        return new PreparedCertificate(prePrepare, readSignatures(reader, "prepared certificate"));
    }

    private static void writeViewChange(ByteWriter writer, ViewChange viewChange) {
        writer.bytes(viewChangeBody(viewChange)).u16(viewChange.sender()).signature(viewChange.signature());
    }

    private static ViewChange readViewChange(ByteReader reader, boolean withProposal) throws DecodeException {
        long newView = positive(reader, "new view");
        long height = positive(reader, "height");
        Optional<CommitCertificate> lastCommit = flag(reader, "has last commit")
                ? Optional.of(readCommitCertificate(reader)) : Optional.empty();
        Optional<PreparedCertificate> prepared = flag(reader, "has prepared")
                ? Optional.of(readPreparedCertificate(reader)) : Optional.empty();
        int sender = reader.u16InRange("sender", 0, MAX_VALIDATORS - 1);
        Signature signature = reader.signature("signature");
        byte[] proposal = withProposal ? readProposal(reader, "prepared proposal") : new byte[0];
        return new ViewChange(newView, height, lastCommit, prepared, sender, signature, proposal);
    }

    private static NewView readNewView(ByteReader reader) throws DecodeException {
        long view = positive(reader, "view");
        long height = positive(reader, "height");
        int count = reader.u16InRange("view change count", 1, MAX_VALIDATORS);
        List<ViewChange> viewChanges = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            reader.context("viewChanges[" + i + "]");
            viewChanges.add(readViewChange(reader, false));
        }
        reader.context("");
        Optional<Vote> prePrepareVote = flag(reader, "has pre-prepare")
                ? Optional.of(readVote(reader, MessageType.PRE_PREPARE)) : Optional.empty();
        int sender = reader.u16InRange("sender", 0, MAX_VALIDATORS - 1);
        Signature signature = reader.signature("signature");
        Optional<PrePrepare> prePrepare = prePrepareVote.isPresent()
                ? Optional.of(new PrePrepare(prePrepareVote.get(), readProposal(reader, "proposal")))
                : Optional.empty();
        return new NewView(view, height, viewChanges, prePrepare, sender, signature);
    }

    private static void writeVote(ByteWriter writer, Vote vote) {
        writer.u64(vote.height()).u64(vote.view()).hash(vote.digest()).u16(vote.sender()).signature(vote.signature());
    }

    private static Vote readVote(ByteReader reader, MessageType type) throws DecodeException {
        long height = positive(reader, "height");
        long view = reader.u63("view");
        Hash digest = reader.hash("digest");
        int sender = reader.u16InRange("sender", 0, MAX_VALIDATORS - 1);
        return new Vote(type, height, view, digest, sender, reader.signature("signature"));
    }

    private static void writeSignatures(ByteWriter writer, List<ValidatorSignature> signatures) {
        writer.u16(signatures.size());
        for (ValidatorSignature signature : signatures) {
            writer.u16(signature.validator()).signature(signature.signature());
        }
    }

    private static List<ValidatorSignature> readSignatures(ByteReader reader, String what) throws DecodeException {
        int count = reader.u16InRange(what + " signature count", 1, MAX_VALIDATORS);
        List<ValidatorSignature> signatures = new ArrayList<>(count);
        int previous = -1;
        for (int i = 0; i < count; i++) {
            int at = reader.position();
            int validator = reader.u16InRange(what + " signer", 0, MAX_VALIDATORS - 1);
            if (validator <= previous) {
                throw reader.errorAt(at, what + " signer", "validator " + validator
                        + " is not above the previous one (" + previous + ")");
            }
            previous = validator;
            signatures.add(new ValidatorSignature(validator, reader.signature(what + " signature")));
        }
        return signatures;
    }

    private static byte[] readProposal(ByteReader reader, String field) throws DecodeException {
        int length = reader.u32InRange(field + " length", 0, MAX_PROPOSAL_BYTES);
        return reader.bytes(length, field);
    }

    private static long positive(ByteReader reader, String field) throws DecodeException {
        int at = reader.position();
        long value = reader.u63(field);
        if (value == 0) {
            throw reader.errorAt(at, field, "must be at least 1");
        }
        return value;
    }

    private static boolean flag(ByteReader reader, String field) throws DecodeException {
        int at = reader.position();
        int value = reader.u8(field);
        if (value > 1) {
            throw reader.errorAt(at, field, "a flag must be 0 or 1, got " + value);
        }
        return value == 1;
    }
}
