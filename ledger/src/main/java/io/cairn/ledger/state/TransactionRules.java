package io.cairn.ledger.state;

import io.cairn.crypto.Hash;
import io.cairn.crypto.PublicKey;
import io.cairn.ledger.Account;
import io.cairn.ledger.ConsensusParams;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Operation.Grant;
import io.cairn.ledger.Operation.Put;
import io.cairn.ledger.Operation.Revoke;
import io.cairn.ledger.Operation.Transfer;
import io.cairn.ledger.Outcome;
import io.cairn.ledger.Permission;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.state.Rejection.Reason;
import java.util.Optional;

/** The rules of one chain for a single transaction: may it enter a block, and what does it do. */
public final class TransactionRules {
    private final String chainId;
    private final ConsensusParams params;

    public TransactionRules(Genesis genesis) {
        this.chainId = genesis.chainId();
        this.params = genesis.consensus();
    }

    /**
     * Everything a node checks before admitting a transaction: that it may enter the next block
     * on {@code state} (signature included), and that it would succeed there.
     */
    public Optional<Rejection> check(Transaction tx, WorldState state) {
        Optional<Rejection> rejection = checkIncludable(tx.hash(), tx, state, SignatureVerifier.ALWAYS);
        if (rejection.isEmpty()) {
            Outcome predicted = apply(tx, new StateOverlay(state));
            if (!predicted.succeeded()) {
                rejection = Optional.of(Rejection.wouldFail(predicted));
            }
        }
        return rejection;
    }

    /**
     * May the transaction enter the next block on {@code state}: its form, its signature (through
     * {@code signatures}), its sender's permission and its nonce. Cheap checks run first.
     */
    public Optional<Rejection> checkIncludable(Hash hash, Transaction tx, WorldState state,
            SignatureVerifier signatures) {
        Optional<Rejection> rejection = checkForm(tx);
        if (rejection.isEmpty() && !signatures.isValid(hash, tx)) {
            rejection = Optional.of(new Rejection(Reason.BAD_SIGNATURE,
                    "the signature does not verify against the sender's key over the sign-bytes"));
        }
        return rejection.isPresent() ? rejection : checkInclusion(tx, state);
    }

    /** Checks that need neither state nor a signature verification: the chain and the size. */
    public Optional<Rejection> checkForm(Transaction tx) {
        if (!tx.chainId().equals(chainId)) {
            return Optional.of(new Rejection(Reason.WRONG_CHAIN,
                    "the transaction is for chain '" + tx.chainId() + "', this is '" + chainId + "'"));
        }
        int size = tx.encodedSize();
        if (size > params.maxTransactionBytes()) {
            return Optional.of(new Rejection(Reason.TOO_LARGE,
                    "the transaction is " + size + " bytes, the limit is " + params.maxTransactionBytes()));
        }
        return Optional.empty();
    }

    /** May the transaction enter a block on {@code state}: sender permitted and nonce exactly next. */
    public Optional<Rejection> checkInclusion(Transaction tx, WorldState state) {
        Optional<Account> found = state.account(tx.sender());
        if (found.isEmpty()) {
            return Optional.of(new Rejection(Reason.UNKNOWN_SENDER, "account " + tx.sender() + " does not exist"));
        }
        Account sender = found.get();
        Permission needed = tx.operation().requiredPermission();
        if (!sender.has(needed)) {
            return Optional.of(new Rejection(Reason.NOT_PERMITTED, "the sender lacks the '" + needed.jsonName()
                    + "' permission needed for a " + tx.operation().kind().jsonName()));
        }
        if (tx.nonce() < sender.nonce()) {
            return Optional.of(new Rejection(Reason.NONCE_TOO_LOW,
                    "nonce " + tx.nonce() + " is already used; the next nonce is " + sender.nonce()));
        }
        if (tx.nonce() > sender.nonce()) {
            return Optional.of(new Rejection(Reason.NONCE_TOO_HIGH,
                    "nonce " + tx.nonce() + " is ahead; the next nonce is " + sender.nonce()));
        }
        return Optional.empty();
    }

    /**
     * Applies a transaction that passed {@link #checkInclusion}: its effect if it succeeds, and
     * in every case the sender's nonce moves on.
     */
    public Outcome apply(Transaction tx, StateOverlay state) {
        PublicKey sender = tx.sender();
        Outcome outcome = applyEffect(sender, tx.operation(), state);
        state.putAccount(sender, state.account(sender).orElseThrow().withNextNonce());
        return outcome;
    }

    private static Outcome applyEffect(PublicKey sender, Operation operation, StateOverlay state) {
        if (operation instanceof Transfer transfer) {
            return transfer(sender, transfer, state);
        }
        if (operation instanceof Put put) {
            state.putData(sender, put.key(), put.value());
            return Outcome.SUCCESS;
        }
        if (operation instanceof Grant grant) {
            Account target = state.account(grant.account()).orElse(Account.EMPTY);
            if (target.has(grant.permission())) {
                return Outcome.ALREADY_GRANTED;
            }
            state.putAccount(grant.account(), target.with(grant.permission()));
            return Outcome.SUCCESS;
        }
        Revoke revoke = (Revoke) operation;
        Account target = state.account(revoke.account()).orElse(Account.EMPTY);
        if (revoke.account().equals(sender) && revoke.permission() == Permission.ADMIN) {
            return Outcome.SELF_REVOKE_ADMIN; // so that at least one admin always remains
        }
        if (!target.has(revoke.permission())) {
            return Outcome.NOT_GRANTED;
        }
        state.putAccount(revoke.account(), target.without(revoke.permission()));
        return Outcome.SUCCESS;
    }

    private static Outcome transfer(PublicKey sender, Transfer transfer, StateOverlay state) {
        Account from = state.account(sender).orElseThrow();
        if (from.balance() < transfer.amount()) {
            return Outcome.INSUFFICIENT_BALANCE;
        }
        if (transfer.to().equals(sender)) {
            return Outcome.SUCCESS;
        }
        Account to = state.account(transfer.to()).orElse(Account.EMPTY);
        long credited;
        try {
            credited = Math.addExact(to.balance(), transfer.amount());
        } catch (ArithmeticException e) {
            return Outcome.BALANCE_OVERFLOW;
        }
        state.putAccount(sender, from.withBalance(from.balance() - transfer.amount()));
        state.putAccount(transfer.to(), to.withBalance(credited));
        return Outcome.SUCCESS;
    }
}
