package io.cairn.consensus;

/**
 * Quorum arithmetic for n validators of which at most f = floor((n - 1) / 3) are faulty.
 *
 * <p>A quorum is ceil((n + f + 1) / 2) validators: the smallest size for which any two quorums
 * share at least f + 1 validators (2q - n &ge; f + 1), so at least one honest validator is in
 * both, while the n - f honest validators alone still make a quorum. For n = 3f + 1 this is the
 * paper's 2f + 1; for other n the paper's 2f + 1 would be unsafe (n = 6, f = 1: two disjoint
 * sets of 3), which is why the general formula is used. A weak certificate, f + 1, holds at
 * least one honest validator.
 */
public record Quorum(int validators) {
    public Quorum {
        if (validators < 1) {
            throw new IllegalArgumentException("need at least one validator, got " + validators);
        }
    }

    /** f: the most faulty validators the protocol tolerates. */
    public int faulty() {
        return (validators - 1) / 3;
    }

    /** q: votes that make a prepared or committed certificate, and view changes that make a new view. */
    public int size() {
        return (validators + faulty() + 2) / 2;
    }

    /** f + 1: enough votes that one of them is from an honest validator. */
    public int weak() {
        return faulty() + 1;
    }
}
