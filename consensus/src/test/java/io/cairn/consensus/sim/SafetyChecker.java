package io.cairn.consensus.sim;

import io.cairn.consensus.Ready.Evidence;
import io.cairn.consensus.messages.CommitCertificate;
import io.cairn.consensus.messages.Vote;
import io.cairn.consensus.sim.Chain.StoredBlock;
import io.cairn.consensus.validation.CertificateVerifier;
import io.cairn.crypto.Hash;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The safety invariants, checked after every step on every honest node's chain (crashed nodes
 * included: their chain is on disk). Each new block must carry a certificate that
 * {@link CertificateVerifier#verify} accepts against the validator keys, for its height and digest;
 * it must be valid by the deterministic block rule on that chain; and no two honest nodes may commit
 * different blocks at one height. Chains only grow, and each block names its parent, so agreement at
 * every height makes honest chains prefixes of each other. Evidence the cores report must never
 * name an honest validator: that would be an honest node signing two blocks in one (height, view).
 */
final class SafetyChecker {
    private final SimContext context;
    /** The block honest nodes committed at each height. */
    private final TreeMap<Long, Hash> committed = new TreeMap<>();
    private final TreeMap<Long, Integer> committedBy = new TreeMap<>();
    private final long[] checkedHeight;
    /** Certificates already verified; looked up only, never iterated. */
    private final Set<CommitCertificate> verified = new HashSet<>();
    /** What kind of safety invariant broke. */
    enum Violation { AGREEMENT, CERTIFICATE, VALIDITY, EQUIVOCATION, DRIVER }

    private final List<String> violations = new ArrayList<>();
    private final java.util.EnumSet<Violation> kinds = java.util.EnumSet.noneOf(Violation.class);

    SafetyChecker(SimContext context) {
        this.context = context;
        this.checkedHeight = new long[context.scenario.n()];
    }

    List<String> violations() {
        return violations;
    }

    java.util.Set<Violation> kinds() {
        return kinds;
    }

    void violation(Violation kind, String description) {
        kinds.add(kind);
        if (violations.size() < 10) { // a broken run can break on every block: the first few say enough
            violations.add(kind + " at " + context.now() + " ms: " + description);
        }
    }

    /** Checks the blocks committed since the last step. */
    void afterStep() {
        for (SimNode node : context.nodes) {
            if (!node.isHonest()) {
                continue;
            }
            Chain chain = node.chain;
            if (chain.height() < checkedHeight[node.index]) {
                violation(Violation.DRIVER, "node " + node.index + " lost committed blocks: its chain went from height "
                        + checkedHeight[node.index] + " to " + chain.height());
            }
            for (long height = checkedHeight[node.index] + 1; height <= chain.height(); height++) {
                check(node.index, chain, chain.get(height));
            }
            checkedHeight[node.index] = chain.height();
        }
    }

    private void check(int node, Chain chain, StoredBlock block) {
        long height = block.height();
        String where = "node " + node + " at height " + height + ": ";
        CommitCertificate certificate = block.certificate();
        if (!Hash.of(block.bytes()).equals(block.digest())) {
            violation(Violation.CERTIFICATE, where + "the block's digest is not SHA-256 of its bytes");
        }
        if (certificate.height() != height || !certificate.digest().equals(block.digest())) {
            violation(Violation.CERTIFICATE, where + "the certificate is for height " + certificate.height() + " and block "
                    + certificate.digest() + ", not this block " + block.digest());
        } else if (!verified.contains(certificate)) {
            Optional<String> problem = CertificateVerifier.verify(SimContext.CHAIN_ID, context.publicKeys, certificate);
            if (problem.isPresent()) {
                violation(Violation.CERTIFICATE, where + "invalid commit certificate: " + problem.get());
            } else {
                verified.add(certificate);
            }
        }
        if (!SimBlocks.isValid(block.bytes(), height, chain.digestAt(height - 1))) {
            violation(Violation.VALIDITY, where + "committed a block that is not valid on its chain: " + SimBlocks.decode(block.bytes()));
        }
        Hash earlier = committed.putIfAbsent(height, block.digest());
        if (earlier == null) {
            committedBy.put(height, node);
        } else if (!earlier.equals(block.digest())) {
            violation(Violation.AGREEMENT, where + "committed " + block.digest() + " but node " + committedBy.get(height) + " committed "
                    + earlier + " (agreement)");
        }
    }

    /** At the end of a run, the property itself: every honest chain is a prefix of the longest one. */
    void checkPrefixes() {
        SimNode longest = null;
        for (SimNode node : context.nodes) {
            if (node.isHonest() && (longest == null || node.chain.height() > longest.chain.height())) {
                longest = node;
            }
        }
        for (SimNode node : context.nodes) {
            if (!node.isHonest()) {
                continue;
            }
            for (long height = 1; height <= node.chain.height(); height++) {
                if (!node.chain.digestAt(height).equals(longest.chain.digestAt(height))) {
                    violation(Violation.AGREEMENT, "node " + node.index + "'s chain is not a prefix of node "
                            + longest.index + "'s: they differ at height " + height);
                    break;
                }
            }
        }
    }

    /** Evidence from node {@code reporter}'s core: it must be genuine, and name a Byzantine validator. */
    void evidence(int reporter, Evidence evidence) {
        context.stats.evidence++;
        Vote first = evidence.first();
        Vote second = evidence.second();
        boolean genuine = first.sender() == evidence.validator() && second.sender() == evidence.validator()
                && first.type() == second.type() && first.height() == second.height() && first.view() == second.view()
                && !first.digest().equals(second.digest()) && signed(first) && signed(second);
        if (!genuine) {
            violation(Violation.EQUIVOCATION, "node " + reporter + " reported false evidence against validator " + evidence.validator()
                    + ": " + first + " / " + second);
        } else if (!context.scenario.isByzantine(evidence.validator())) {
            violation(Violation.EQUIVOCATION, "honest validator " + evidence.validator() + " signed two blocks at height " + first.height()
                    + " in view " + first.view() + ": " + first.type() + " " + first.digest() + " and "
                    + second.type() + " " + second.digest());
        }
    }

    private boolean signed(Vote vote) {
        return vote.sender() < context.scenario.n()
                && context.publicKeys.get(vote.sender()).verify(vote.signBytes(SimContext.CHAIN_ID), vote.signature());
    }

    /** The highest height any honest node has committed. */
    long highestCommitted() {
        return committed.isEmpty() ? 0 : committed.lastKey();
    }
}
