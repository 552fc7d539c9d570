package io.cairn.consensus.statemachine;

/** Why the core ignored a message; each is counted, for metrics and tests. */
public enum DropReason {
    NOT_A_VALIDATOR,
    OWN_MESSAGE,
    BAD_SIGNATURE,
    NOT_FROM_PRIMARY,
    STALE_HEIGHT,
    HEIGHT_TOO_FAR_AHEAD,
    OLD_VIEW,
    VIEW_TOO_FAR_AHEAD,
    DUPLICATE,
    CONFLICTING_VOTE,
    INVALID_PROPOSAL,
    /** Block bytes that are not the block whose digest the primary signed: relayed and altered. */
    PROPOSAL_NOT_SIGNED,
    INVALID_VIEW_CHANGE,
    INVALID_NEW_VIEW,
    INVALID_CERTIFICATE,
    BUFFER_FULL,
    UNEXPECTED_SYNC,
    UNEXPECTED_APPLY,
    REFUSED_DOUBLE_SIGN
}
