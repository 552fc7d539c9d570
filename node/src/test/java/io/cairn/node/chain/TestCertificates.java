package io.cairn.node.chain;

import io.cairn.consensus.messages.CommitCertificate;
import io.cairn.consensus.messages.MessageType;
import io.cairn.consensus.messages.Vote;
import io.cairn.crypto.Hash;
import io.cairn.crypto.Signature;
import io.cairn.ledger.Block;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.testing.TestKeys;
import java.util.ArrayList;
import java.util.List;

/**
 * Commit certificates as consensus makes them: each signer's COMMIT vote signed over the
 * consensus sign-bytes with its genesis key ({@link TestKeys#validator}), so they pass
 * {@code CertificateVerifier} and the core's checks.
 */
public final class TestCertificates {
    private static final Signature UNSIGNED = Signature.wrap(new byte[Signature.SIZE]);

    private TestCertificates() {}

    /** The COMMIT votes of {@code signers} for (height, view, digest), as a certificate. */
    public static CommitCertificate commit(String chainId, long height, long view, Hash digest, int... signers) {
        List<Vote> votes = new ArrayList<>(signers.length);
        for (int signer : signers) {
            Vote unsigned = new Vote(MessageType.COMMIT, height, view, digest, signer, UNSIGNED);
            votes.add(new Vote(MessageType.COMMIT, height, view, digest, signer,
                    TestKeys.validator(signer).sign(unsigned.signBytes(chainId))));
        }
        return CommitCertificate.of(votes);
    }

    /** A quorum's certificate for {@code block}: validators 0 .. 2f in the view the block names. */
    public static CommitCertificate quorum(Genesis genesis, Block block) {
        int n = genesis.validators().size();
        int[] signers = new int[2 * ((n - 1) / 3) + 1];
        for (int i = 0; i < signers.length; i++) {
            signers[i] = i;
        }
        return commit(genesis.chainId(), block.height(), block.header().view(), block.hash(), signers);
    }
}
