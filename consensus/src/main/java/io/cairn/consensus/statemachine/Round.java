package io.cairn.consensus.statemachine;

import io.cairn.consensus.messages.MessageType;
import io.cairn.consensus.messages.PrePrepare;
import io.cairn.consensus.messages.Vote;
import io.cairn.crypto.Hash;
import io.cairn.crypto.Signature;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The votes for one height: the primary's PRE-PREPARE per view, and PREPARE and COMMIT votes
 * keyed by view and sender, where a sender's first vote in a view is the one that counts (a
 * second, different one is a conflict and is returned to the caller as evidence).
 */
public final class Round {
    /** Commits from this many views back still count: a certificate from an old view is still final. */
    private static final int COMMIT_VIEWS_KEPT = 8;
    private static final int PROPOSALS_KEPT = 4;

    private final long height;
    private final Map<Long, Vote> prePrepares = new HashMap<>();
    private final Map<Long, Map<Integer, Vote>> prepares = new HashMap<>();
    private final Map<Long, Map<Integer, Signature>> primarySignatures = new HashMap<>();
    private final TreeMap<Long, Map<Integer, Vote>> commits = new TreeMap<>();
    private final Set<Long> preparedViews = new HashSet<>();
    private final Set<Integer> voters = new HashSet<>();
    private final Map<Hash, byte[]> proposals = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Hash, byte[]> eldest) {
            return size() > PROPOSALS_KEPT;
        }
    };

    public Round(long height) {
        this.height = height;
    }

    public long height() {
        return height;
    }

    public Optional<Vote> prePrepare(long view) {
        return Optional.ofNullable(prePrepares.get(view));
    }

    public void acceptPrePrepare(PrePrepare prePrepare) {
        prePrepares.put(prePrepare.view(), prePrepare.vote());
        proposals.put(prePrepare.vote().digest(), prePrepare.proposal());
        voters.add(prePrepare.sender());
    }

    public Optional<byte[]> proposal(Hash digest) {
        byte[] bytes = proposals.get(digest);
        return bytes == null ? Optional.empty() : Optional.of(bytes.clone());
    }

    /** Records a PREPARE; returns the sender's earlier, different vote in this view if there is one. */
    public Optional<Vote> addPrepare(Vote prepare, Signature primarySignature) {
        Vote earlier = prepares.computeIfAbsent(prepare.view(), v -> new HashMap<>()).putIfAbsent(prepare.sender(), prepare);
        if (earlier == null) {
            primarySignatures.computeIfAbsent(prepare.view(), v -> new HashMap<>()).put(prepare.sender(), primarySignature);
            voters.add(prepare.sender());
            return Optional.empty();
        }
        return earlier.digest().equals(prepare.digest()) ? Optional.empty() : Optional.of(earlier);
    }

    /** The PREPARE votes for {@code digest} in {@code view}. */
    public List<Vote> prepares(long view, Hash digest) {
        return matching(prepares.get(view), digest);
    }

    /** The primary signatures carried by prepares in {@code view} for digests other than {@code digest}. */
    public List<Vote> otherPrimaryVotes(long view, Hash digest, int primary) {
        List<Vote> claims = new ArrayList<>();
        Map<Integer, Vote> byView = prepares.getOrDefault(view, Map.of());
        Map<Integer, Signature> signatures = primarySignatures.getOrDefault(view, Map.of());
        for (Vote prepare : byView.values()) {
            if (!prepare.digest().equals(digest)) {
                claims.add(new Vote(MessageType.PRE_PREPARE, height, view,
                        prepare.digest(), primary, signatures.get(prepare.sender())));
            }
        }
        return claims;
    }

    public boolean markPrepared(long view) {
        return preparedViews.add(view);
    }

    /** Records a COMMIT; returns the sender's earlier, different vote in this view if there is one. */
    public Optional<Vote> addCommit(Vote commit) {
        Vote earlier = commits.computeIfAbsent(commit.view(), v -> new HashMap<>()).putIfAbsent(commit.sender(), commit);
        while (commits.size() > COMMIT_VIEWS_KEPT) {
            commits.pollFirstEntry();
        }
        if (earlier == null) {
            voters.add(commit.sender());
            return Optional.empty();
        }
        return earlier.digest().equals(commit.digest()) ? Optional.empty() : Optional.of(earlier);
    }

    /** The COMMIT votes of the first (view, digest) that has at least {@code quorum} of them. */
    public Optional<List<Vote>> commitQuorum(int quorum) {
        for (Map<Integer, Vote> byView : commits.values()) {
            Map<Hash, List<Vote>> byDigest = new HashMap<>();
            for (Vote vote : byView.values()) {
                byDigest.computeIfAbsent(vote.digest(), d -> new ArrayList<>()).add(vote);
            }
            for (List<Vote> votes : byDigest.values()) {
                if (votes.size() >= quorum) {
                    return Optional.of(votes);
                }
            }
        }
        return Optional.empty();
    }

    /** How many distinct validators have voted or proposed at this height. */
    public int voterCount() {
        return voters.size();
    }

    /** Forgets the PREPARE votes of views before {@code view}: they can no longer form a certificate that counts. */
    public void forgetPreparesBefore(long view) {
        prepares.keySet().removeIf(v -> v < view);
        primarySignatures.keySet().removeIf(v -> v < view);
    }

    private static List<Vote> matching(Map<Integer, Vote> votes, Hash digest) {
        List<Vote> result = new ArrayList<>();
        if (votes != null) {
            for (Vote vote : votes.values()) {
                if (vote.digest().equals(digest)) {
                    result.add(vote);
                }
            }
        }
        return result;
    }
}
