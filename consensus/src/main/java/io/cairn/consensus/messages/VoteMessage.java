package io.cairn.consensus.messages;

import io.cairn.crypto.Signature;

/** A message whose signed content is one {@link Vote}: PRE-PREPARE, PREPARE and COMMIT. */
public sealed interface VoteMessage extends ConsensusMessage permits PrePrepare, Prepare, Commit {
    Vote vote();

    @Override
    default MessageType type() {
        return vote().type();
    }

    @Override
    default long height() {
        return vote().height();
    }

    @Override
    default long view() {
        return vote().view();
    }

    @Override
    default int sender() {
        return vote().sender();
    }

    @Override
    default Signature signature() {
        return vote().signature();
    }

    @Override
    default byte[] signBytes(String chainId) {
        return vote().signBytes(chainId);
    }
}
