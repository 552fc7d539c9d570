package io.cairn.consensus.scenario;

import io.cairn.consensus.DurableState;
import io.cairn.consensus.Ready.Decision;
import io.cairn.consensus.Ready.Evidence;
import io.cairn.consensus.Ready.SyncRequest;
import io.cairn.consensus.messages.CommitCertificate;
import io.cairn.consensus.messages.ConsensusMessage;
import io.cairn.consensus.messages.MessageType;
import io.cairn.consensus.messages.NewView;
import io.cairn.consensus.messages.PrePrepare;
import io.cairn.consensus.messages.Prepare;
import io.cairn.consensus.messages.PreparedCertificate;
import io.cairn.consensus.messages.ViewChange;
import io.cairn.consensus.messages.Vote;
import io.cairn.consensus.testing.Blocks;
import io.cairn.consensus.testing.TestMessages;
import io.cairn.consensus.testing.TestValidators;
import io.cairn.crypto.Hash;
import io.cairn.crypto.KeyPair;
import io.cairn.crypto.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The scenario vocabulary: turns a line's words into the certificates, messages, persisted states,
 * decisions, sync requests and evidence it names, signed with the validators' deterministic keys.
 * Also remembers {@code let} names and block labels, so that outputs can be written back as text.
 */
final class ScenarioObjects {
    private final TestMessages messages;
    private final Map<String, Object> named = new LinkedHashMap<>();
    private final Map<Hash, String> labels = new HashMap<>();

    ScenarioObjects(TestMessages messages) {
        this.messages = messages;
    }

    Map<String, Object> named() {
        return named;
    }

    Optional<String> label(Hash digest) {
        return Optional.ofNullable(labels.get(digest));
    }

    Hash block(String label) {
        Hash digest = Blocks.digest(label);
        labels.put(digest, label);
        return digest;
    }

    /** {@code let NAME prepared|commits|<message> ...} */
    void define(ScenarioLine line) {
        String name = line.word(1);
        if (named.containsKey(name)) {
            throw line.error(name + " is already defined");
        }
        Object value = switch (line.word(2)) {
            case "prepared" -> prepared(line);
            case "commits" -> commits(line);
            default -> message(line, 2, OptionalInt.empty());
        };
        named.put(name, value);
    }

    <T> T named(String name, Class<T> type, ScenarioLine line) {
        Object value = named.get(name);
        if (!type.isInstance(value)) {
            throw line.error(name + " is not a defined " + type.getSimpleName());
        }
        return type.cast(value);
    }

    private PreparedCertificate prepared(ScenarioLine line) {
        return messages.prepared(line.number("h"), line.number("v"), block(line.option("block")), line.indexes("signers"));
    }

    CommitCertificate commits(ScenarioLine line) {
        return messages.commits(line.number("h"), line.number("v"), block(line.option("block")), line.indexes("signers"));
    }

    /**
     * The message described from word {@code at} on: a defined name, or a kind with its fields.
     * {@code sender} is this node for outputs, where {@code from=} names another signer only for
     * votes this node passes on (a certificate's COMMITs); inputs must say {@code from=}.
     */
    ConsensusMessage message(ScenarioLine line, int at, OptionalInt sender) {
        String kind = line.word(at);
        if (named.get(kind) instanceof ConsensusMessage message && line.wordCount() == at + 1) {
            return message;
        }
        if (sender.isPresent() && line.has("from") && !kind.equals("commit")) {
            throw line.error("outputs are from this node, except COMMITs it passes on: drop from=");
        }
        int from = sender.isPresent() && !line.has("from") ? sender.getAsInt() : line.integer("from");
        KeyPair key = line.optional("sig").map(s -> badSignature(line, s)).orElse(TestValidators.key(from));
        return switch (kind) {
            case "pre-prepare" -> prePrepare(line, from, key);
            case "prepare" -> prepare(line, from, key);
            case "commit" -> new io.cairn.consensus.messages.Commit(
                    messages.vote(MessageType.COMMIT, line.number("h"), line.number("v"), block(line.option("block")), from, key));
            case "view-change" -> viewChange(line, from, key);
            case "new-view" -> newView(line, from, key);
            default -> throw line.error("unknown message " + kind);
        };
    }

    private static KeyPair badSignature(ScenarioLine line, String value) {
        if (!value.equals("bad")) {
            throw line.error("sig= can only be bad");
        }
        return TestValidators.forger();
    }

    private PrePrepare prePrepare(ScenarioLine line, int from, KeyPair key) {
        String block = line.option("block");
        Hash digest = block(line.optional("digest").orElse(block));
        Vote vote = messages.vote(MessageType.PRE_PREPARE, line.number("h"), line.number("v"), digest, from, key);
        return new PrePrepare(vote, Blocks.bytes(block));
    }

    private Prepare prepare(ScenarioLine line, int from, KeyPair key) {
        long height = line.number("h");
        long view = line.number("v");
        Hash digest = block(line.option("block"));
        KeyPair primaryKey = line.optional("primary-sig").map(s -> badSignature(line, s))
                .orElse(TestValidators.key(messages.validators().primary(height, view)));
        Signature primary = messages.vote(MessageType.PRE_PREPARE, height, view, digest,
                messages.validators().primary(height, view), primaryKey).signature();
        return new Prepare(messages.vote(MessageType.PREPARE, height, view, digest, from, key), primary);
    }

    private ViewChange viewChange(ScenarioLine line, int from, KeyPair key) {
        Optional<CommitCertificate> last = line.optional("last").map(n -> named(n, CommitCertificate.class, line));
        Optional<PreparedCertificate> prepared = line.optional("prepared")
                .map(n -> named(n, PreparedCertificate.class, line));
        byte[] attached = line.optional("attach").map(Blocks::bytes).orElse(new byte[0]);
        return messages.viewChange(line.number("v"), line.number("h"), last, prepared, attached, from, key);
    }

    private NewView newView(ScenarioLine line, int from, KeyPair key) {
        long view = line.number("v");
        long height = line.number("h");
        List<ViewChange> proof = new ArrayList<>();
        for (String name : line.list("proof")) {
            proof.add(named(name, ViewChange.class, line));
        }
        Optional<PrePrepare> prePrepare = line.optional("block").map(block -> new PrePrepare(
                messages.vote(MessageType.PRE_PREPARE, height, view, block(block), from, key), Blocks.bytes(block)));
        return messages.newView(view, height, proof, prePrepare, from, key);
    }

    /** {@code persist h= v= [changing] [signed=type:view:block,...] [prepared=NAME]} */
    DurableState persist(ScenarioLine line) {
        List<DurableState.Signed> signed = new ArrayList<>();
        line.optional("signed").ifPresent(list -> {
            for (String entry : list.split(",")) {
                String[] parts = entry.split(":");
                if (parts.length != 3) {
                    throw line.error("signed= entries are type:view:block");
                }
                signed.add(new DurableState.Signed(voteType(line, parts[0]), Long.parseLong(parts[1]), block(parts[2])));
            }
        });
        Optional<PreparedCertificate> prepared = line.optional("prepared")
                .map(n -> named(n, PreparedCertificate.class, line));
        byte[] proposal = prepared.map(p -> Blocks.bytes(label(p.digest()).orElseThrow())).orElse(new byte[0]);
        return new DurableState(line.number("h"), line.number("v"), line.hasWord("changing"), signed, prepared, proposal);
    }

    private static MessageType voteType(ScenarioLine line, String name) {
        return Arrays.stream(MessageType.values()).filter(t -> ScenarioRender.name(t).equals(name)).findFirst()
                .orElseThrow(() -> line.error("unknown vote type " + name));
    }

    /** {@code decide h= block= (cert=NAME | v= signers=)} */
    Decision decide(ScenarioLine line) {
        long height = line.number("h");
        String block = line.option("block");
        CommitCertificate certificate = line.has("cert") ? named(line.option("cert"), CommitCertificate.class, line)
                : messages.commits(height, line.number("v"), block(block), line.indexes("signers"));
        return new Decision(height, Blocks.proposal(block), certificate);
    }

    /** {@code sync from= to= peers=} */
    SyncRequest sync(ScenarioLine line) {
        List<Integer> peers = Arrays.stream(line.indexes("peers")).boxed().toList();
        return new SyncRequest(line.number("from"), line.number("to"), peers);
    }

    /** {@code evidence validator= first=NAME second=NAME}: the votes of two defined messages. */
    Evidence evidence(ScenarioLine line) {
        return new Evidence(line.integer("validator"), vote(line, line.option("first")), vote(line, line.option("second")));
    }

    private Vote vote(ScenarioLine line, String name) {
        ConsensusMessage message = named(name, ConsensusMessage.class, line);
        if (message instanceof PrePrepare p) {
            return p.vote();
        } else if (message instanceof Prepare p) {
            return p.vote();
        } else if (message instanceof io.cairn.consensus.messages.Commit c) {
            return c.vote();
        }
        throw line.error(name + " is not a vote");
    }
}
