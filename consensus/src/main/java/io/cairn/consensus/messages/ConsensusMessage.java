package io.cairn.consensus.messages;

import io.cairn.crypto.Signature;

/** A signed PBFT message from one validator. Each type owns its sign-bytes; the codec its wire form. */
public sealed interface ConsensusMessage permits VoteMessage, ViewChange, NewView {
    MessageType type();

    long height();

    long view();

    /** The sending validator's index. */
    int sender();

    Signature signature();

    /** What {@link #signature()} signs. */
    byte[] signBytes(String chainId);
}
