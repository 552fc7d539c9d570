package io.cairn.ledger;

import io.cairn.crypto.Hash;
import io.cairn.crypto.PublicKey;
import io.cairn.ledger.codec.GenesisCodec;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything a chain starts from. Validators are ordered: the primary of view v at height h is
 * {@code validators.get((h - 1 + v) mod n)}, and commit certificates name validators by index. The
 * genesis hash is the parent hash of block 1, so a chain is bound to its genesis.
 * Errors name the JSON field they come from (for example {@code validators[2].publicKey}).
 */
public record Genesis(
        String chainId,
        long genesisTimeMillis,
        ConsensusParams consensus,
        List<Validator> validators,
        List<PublicKey> admins,
        List<GenesisAccount> accounts) {

    public Genesis {
        if (!ProtocolLimits.isValidIdentifier(chainId, ProtocolLimits.CHAIN_ID_MAX_LENGTH)) {
            throw new IllegalArgumentException("chainId: must be 1 to " + ProtocolLimits.CHAIN_ID_MAX_LENGTH
                    + " characters of A-Z a-z 0-9 . _ -, got '" + chainId + "'");
        }
        Objects.requireNonNull(consensus, "consensus");
        validators = List.copyOf(validators);
        admins = List.copyOf(admins);
        accounts = List.copyOf(accounts);
        if (genesisTimeMillis < 0) {
            throw new IllegalArgumentException("genesisTime: must not be before 1970");
        }
        checkValidators(validators);
        checkUnique(admins, "admins");
        checkAccounts(accounts);
    }

    public Hash hash() {
        return Hash.of(GenesisCodec.encode(this));
    }

    public OptionalInt validatorIndex(PublicKey key) {
        for (int i = 0; i < validators.size(); i++) {
            if (validators.get(i).publicKey().equals(key)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** The accounts at height 0: every listed account, and every admin with the admin permission. */
    public SortedMap<PublicKey, Account> initialAccounts() {
        SortedMap<PublicKey, Account> initial = new TreeMap<>();
        for (GenesisAccount account : accounts) {
            initial.put(account.publicKey(), new Account(account.balance(), 0, account.permissions()));
        }
        for (PublicKey admin : admins) {
            initial.put(admin, initial.getOrDefault(admin, Account.EMPTY).with(Permission.ADMIN));
        }
        return initial;
    }

    private static void checkValidators(List<Validator> validators) {
        if (validators.isEmpty() || validators.size() > ProtocolLimits.MAX_VALIDATORS) {
            throw new IllegalArgumentException("validators: need 1 to " + ProtocolLimits.MAX_VALIDATORS
                    + " validators, got " + validators.size());
        }
        Map<String, Integer> names = new HashMap<>();
        Map<PublicKey, Integer> keys = new HashMap<>();
        for (int i = 0; i < validators.size(); i++) {
            Integer sameName = names.putIfAbsent(validators.get(i).name(), i);
            if (sameName != null) {
                throw new IllegalArgumentException("validators[" + i + "].name: '" + validators.get(i).name()
                        + "' is also the name of validators[" + sameName + "]");
            }
            Integer sameKey = keys.putIfAbsent(validators.get(i).publicKey(), i);
            if (sameKey != null) {
                throw new IllegalArgumentException("validators[" + i + "].publicKey: also the key of validators[" + sameKey + "]");
            }
        }
    }

    private static void checkUnique(List<PublicKey> keys, String field) {
        Set<PublicKey> seen = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            if (!seen.add(keys.get(i))) {
                throw new IllegalArgumentException(field + "[" + i + "]: listed twice");
            }
        }
    }

    private static void checkAccounts(List<GenesisAccount> accounts) {
        Set<PublicKey> seen = new HashSet<>();
        long supply = 0;
        for (int i = 0; i < accounts.size(); i++) {
            GenesisAccount account = accounts.get(i);
            if (!seen.add(account.publicKey())) {
                throw new IllegalArgumentException("accounts[" + i + "].publicKey: listed twice");
            }
            if (account.permissions().contains(Permission.ADMIN)) {
                throw new IllegalArgumentException("accounts[" + i + "].permissions: 'admin' is given through"
                        + " the top-level 'admins' list");
            }
            try {
                supply = Math.addExact(supply, account.balance());
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("accounts[" + i + "].balance: total supply exceeds 2^63 - 1");
            }
        }
    }
}
