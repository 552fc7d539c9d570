package io.cairn.ledger.testing;

import io.cairn.crypto.PublicKey;
import io.cairn.ledger.ConsensusParams;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.GenesisAccount;
import io.cairn.ledger.Permission;
import io.cairn.ledger.Validator;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** Genesis files for tests: validators and accounts from {@link TestKeys}, one admin. */
public final class TestGenesis {
    public static final String CHAIN_ID = "cairn-test";
    public static final long GENESIS_TIME = 1_790_000_000_000L;
    public static final long INITIAL_BALANCE = 1_000_000_000L;

    private TestGenesis() {}

    /** {@code validators} validators and {@code accounts} accounts with a balance and transfer + put. */
    public static Genesis of(int validators, int accounts) {
        return of(validators, accounts, ConsensusParams.DEFAULTS);
    }

    public static Genesis of(int validators, int accounts, ConsensusParams params) {
        List<Validator> validatorList = new ArrayList<>();
        for (int i = 0; i < validators; i++) {
            validatorList.add(new Validator("validator-" + i, TestKeys.validator(i).publicKey()));
        }
        List<GenesisAccount> accountList = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            accountList.add(new GenesisAccount(TestKeys.account(i).publicKey(), INITIAL_BALANCE,
                    EnumSet.of(Permission.TRANSFER, Permission.PUT)));
        }
        List<PublicKey> admins = List.of(TestKeys.admin().publicKey());
        return new Genesis(CHAIN_ID, GENESIS_TIME, params, validatorList, admins, accountList);
    }
}
