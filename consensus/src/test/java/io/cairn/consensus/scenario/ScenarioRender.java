package io.cairn.consensus.scenario;

import io.cairn.consensus.DurableState;
import io.cairn.consensus.ValidatorSet;
import io.cairn.consensus.Ready.Decision;
import io.cairn.consensus.Ready.Evidence;
import io.cairn.consensus.Ready.Outbound;
import io.cairn.consensus.Ready.SyncRequest;
import io.cairn.consensus.messages.Commit;
import io.cairn.consensus.messages.CommitCertificate;
import io.cairn.consensus.messages.ConsensusMessage;
import io.cairn.consensus.messages.MessageType;
import io.cairn.consensus.messages.NewView;
import io.cairn.consensus.messages.PrePrepare;
import io.cairn.consensus.messages.Prepare;
import io.cairn.consensus.messages.PreparedCertificate;
import io.cairn.consensus.messages.ValidatorSignature;
import io.cairn.consensus.messages.ViewChange;
import io.cairn.consensus.messages.Vote;
import io.cairn.consensus.testing.Blocks;
import io.cairn.consensus.testing.TestValidators;
import io.cairn.crypto.Hash;
import io.cairn.crypto.Signature;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes what a core actually produced back in scenario syntax, so that a failing scenario shows
 * expected and actual side by side. Only for messages: the comparison itself is by equals.
 */
final class ScenarioRender {
    private final ScenarioObjects objects;
    private final String chainId;
    private final ValidatorSet validators;
    private final int self;

    ScenarioRender(ScenarioObjects objects, String chainId, ValidatorSet validators, int self) {
        this.objects = objects;
        this.chainId = chainId;
        this.validators = validators;
        this.self = self;
    }

    static String name(MessageType type) {
        return type.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    String output(Object output) {
        if (output instanceof DurableState state) {
            return "out " + persist(state);
        } else if (output instanceof Outbound outbound) {
            String to = outbound.to().isPresent() ? "send to=" + outbound.to().getAsInt() : "broadcast";
            return "out " + to + " " + message(outbound.message());
        } else if (output instanceof Decision decision) {
            return "out decide h=" + decision.height() + " block=" + block(decision.proposal().digest())
                    + " " + certificateFields(decision.certificate());
        } else if (output instanceof SyncRequest sync) {
            return "out sync from=" + sync.fromHeight() + " to=" + sync.targetHeight() + " peers="
                    + sync.peers().stream().map(String::valueOf).collect(Collectors.joining(","));
        } else if (output instanceof Evidence evidence) {
            return "out evidence validator=" + evidence.validator() + " first=" + vote(evidence.first())
                    + " second=" + vote(evidence.second());
        }
        return "out ?" + output;
    }

    private String persist(DurableState state) {
        StringBuilder text = new StringBuilder("persist h=" + state.height() + " v=" + state.view());
        if (state.changingView()) {
            text.append(" changing");
        }
        if (!state.signed().isEmpty()) {
            text.append(" signed=").append(state.signed().stream()
                    .map(s -> name(s.type()) + ":" + s.view() + ":" + block(s.digest()))
                    .collect(Collectors.joining(",")));
        }
        state.prepared().ifPresent(p -> text.append(" prepared=").append(prepared(p)));
        boolean attachedMatches = state.prepared().isPresent()
                ? Hash.of(state.preparedProposal()).equals(state.prepared().get().digest())
                : state.preparedProposal().length == 0;
        if (!attachedMatches) {
            text.append(" (kept block ").append(attached(state.preparedProposal())).append(")");
        }
        return text.toString();
    }

    String message(ConsensusMessage message) {
        String text;
        if (message instanceof PrePrepare p) {
            String digest = Hash.of(p.proposal()).equals(p.vote().digest()) ? "" : " digest=" + block(p.vote().digest());
            text = "pre-prepare " + voteFields(p.vote()) + " block=" + attached(p.proposal()) + digest;
        } else if (message instanceof Prepare p) {
            text = "prepare " + voteFields(p.vote()) + " block=" + block(p.vote().digest())
                    + (verifies(p.primaryVote(validators.primary(p.height(), p.view()))) ? "" : " primary-sig=bad");
        } else if (message instanceof Commit c) {
            text = "commit " + voteFields(c.vote()) + " block=" + block(c.vote().digest());
        } else if (message instanceof ViewChange v) {
            text = viewChange(v);
        } else {
            text = newView((NewView) message);
        }
        return text + from(message.sender()) + (verifies(message) ? "" : " sig=bad");
    }

    private String viewChange(ViewChange v) {
        return "view-change v=" + v.newView() + " h=" + v.height()
                + v.lastCommit().map(c -> " last=" + commitCertificate(c)).orElse("")
                + v.prepared().map(p -> " prepared=" + prepared(p)).orElse("")
                + (v.hasPreparedProposal() ? " attach=" + attached(v.preparedProposal()) : "");
    }

    private String newView(NewView n) {
        String proof = n.viewChanges().stream().map(this::proofEntry).collect(Collectors.joining(","));
        return "new-view v=" + n.view() + " h=" + n.height() + " proof=" + proof
                + n.prePrepare().map(p -> " block=" + attached(p.proposal())).orElse("");
    }

    private String proofEntry(ViewChange viewChange) {
        for (Map.Entry<String, Object> entry : objects.named().entrySet()) {
            if (entry.getValue() instanceof ViewChange named && named.withoutProposal().equals(viewChange)) {
                return entry.getKey();
            }
        }
        return "<" + viewChange(viewChange) + from(viewChange.sender()) + ">";
    }

    private String vote(Vote vote) {
        for (Map.Entry<String, Object> entry : objects.named().entrySet()) {
            Object value = entry.getValue();
            if ((value instanceof PrePrepare p && p.vote().equals(vote)) || (value instanceof Prepare q && q.vote().equals(vote))
                    || (value instanceof Commit c && c.vote().equals(vote))) {
                return entry.getKey();
            }
        }
        return "<" + name(vote.type()) + " " + voteFields(vote) + " block=" + block(vote.digest()) + " from=" + vote.sender() + ">";
    }

    private String prepared(PreparedCertificate certificate) {
        return nameOf(certificate).orElse("<prepared h=" + certificate.height() + " v=" + certificate.view() + " block="
                + block(certificate.digest()) + " signers=" + signers(certificate.prepares().stream()
                        .map(ValidatorSignature::validator).toArray(Integer[]::new)) + ">");
    }

    private String commitCertificate(CommitCertificate certificate) {
        return nameOf(certificate).orElse("<commits h=" + certificate.height() + " " + certificateFields(certificate) + ">");
    }

    private String certificateFields(CommitCertificate certificate) {
        return "v=" + certificate.view() + " signers=" + signers(certificate.signatures().stream()
                .map(ValidatorSignature::validator).toArray(Integer[]::new))
                + (certificate.votes().stream().allMatch(this::verifies) ? "" : " (a signature does not verify)");
    }

    private Optional<String> nameOf(Object value) {
        return objects.named().entrySet().stream().filter(e -> e.getValue().equals(value)).map(Map.Entry::getKey)
                .findFirst();
    }

    private static String signers(Integer[] signers) {
        return Arrays.stream(signers).map(String::valueOf).collect(Collectors.joining(","));
    }

    private static String voteFields(Vote vote) {
        return "h=" + vote.height() + " v=" + vote.view();
    }

    private String from(int sender) {
        return sender == self ? "" : " from=" + sender;
    }

    private String block(Hash digest) {
        return objects.label(digest).orElse(digest.toHex().substring(0, 12) + "..");
    }

    private String attached(byte[] bytes) {
        return Blocks.labelOf(bytes).orElse(bytes.length + "-bytes");
    }

    private boolean verifies(Vote vote) {
        return check(vote.sender(), vote.signBytes(chainId), vote.signature());
    }

    private boolean verifies(ConsensusMessage message) {
        return check(message.sender(), message.signBytes(chainId), message.signature());
    }

    private static boolean check(int sender, byte[] bytes, Signature signature) {
        return TestValidators.key(sender).publicKey().verify(bytes, signature);
    }
}
