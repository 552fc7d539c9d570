package io.cairn.ledger.genesis;

import static io.cairn.ledger.genesis.GenesisDocuments.SOURCE;
import static io.cairn.ledger.genesis.GenesisDocuments.account;
import static io.cairn.ledger.genesis.GenesisDocuments.consensus;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ledger.ConsensusParams;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.GenesisAccount;
import io.cairn.ledger.Permission;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What a hand-written file may leave out, and the spellings it may use. */
class GenesisFileDefaultsTest {
    private static final String KEY = TestKeys.validator(0).publicKey().toHex();

    @Test
    void minimalFileGetsDefaultConsensusAndNoAdminsOrAccounts() throws Exception {
        String json = """
                {"chainId": "cairn-local", "genesisTime": "2026-11-21T00:00:00Z",
                 "validators": [{"name": "node-0", "publicKey": "%s"}]}
                """.formatted(KEY);
        Genesis genesis = GenesisFile.parse(json, SOURCE);
        assertThat(genesis.chainId()).isEqualTo("cairn-local");
        assertThat(genesis.genesisTimeMillis()).isEqualTo(1_795_219_200_000L);
        assertThat(genesis.consensus()).isEqualTo(ConsensusParams.DEFAULTS);
        assertThat(genesis.validators()).singleElement()
                .satisfies(v -> assertThat(v.publicKey()).isEqualTo(TestKeys.validator(0).publicKey()));
        assertThat(genesis.admins()).isEmpty();
        assertThat(genesis.accounts()).isEmpty();
    }

    @Test
    void emptyConsensusObjectMeansAllDefaults() throws Exception {
        Genesis genesis = GenesisFile.parse(GenesisDocuments.mutated(d -> d.putObject("consensus")), SOURCE);
        assertThat(genesis.consensus()).isEqualTo(ConsensusParams.DEFAULTS);
    }

    @Test
    void eachConsensusFieldDefaultsOnItsOwn() throws Exception {
        Genesis genesis = GenesisFile.parse(GenesisDocuments.mutated(d -> {
            consensus(d).removeAll();
            consensus(d).put("maxBlockTransactions", 7).put("viewChangeTimeoutMillis", 5_000);
        }), SOURCE);
        ConsensusParams defaults = ConsensusParams.DEFAULTS;
        assertThat(genesis.consensus()).isEqualTo(
                new ConsensusParams(7, defaults.maxBlockBytes(), defaults.maxTransactionBytes(), 5_000));
    }

    @Test
    void accountWithOnlyAKeyHasNoBalanceAndNoPermissions() throws Exception {
        Genesis genesis = GenesisFile.parse(GenesisDocuments.mutated(d -> {
            account(d, 2).remove("balance");
            account(d, 2).remove("permissions");
        }), SOURCE);
        GenesisAccount bare = genesis.accounts().get(2);
        assertThat(bare.publicKey()).isEqualTo(TestKeys.account(2).publicKey());
        assertThat(bare.balance()).isZero();
        assertThat(bare.permissions()).isEmpty();
    }

    @Test
    void acceptsUpperCaseHexAndLowerCaseZ() throws Exception {
        Genesis genesis = GenesisFile.parse(GenesisDocuments.mutated(d -> {
            account(d, 0).put("publicKey", TestKeys.account(0).publicKey().toHex().toUpperCase(Locale.ROOT));
            d.put("genesisTime", d.get("genesisTime").textValue().replace('Z', 'z'));
        }), SOURCE);
        assertThat(genesis).isEqualTo(TestGenesis.of(4, 3));
    }

    @Test
    void readsMillisecondsOfTheTime() throws Exception {
        Genesis genesis = GenesisFile.parse(
                GenesisDocuments.mutated(d -> d.put("genesisTime", "1970-01-01T00:00:01.234Z")), SOURCE);
        assertThat(genesis.genesisTimeMillis()).isEqualTo(1_234);
    }

    @Test
    void adminMayAlsoHoldAnAccount() throws Exception {
        Genesis genesis = GenesisFile.parse(GenesisDocuments.mutated(
                d -> account(d, 0).put("publicKey", TestKeys.admin().publicKey().toHex())), SOURCE);
        assertThat(genesis.initialAccounts().get(TestKeys.admin().publicKey()).permissions())
                .containsExactlyInAnyOrder(Permission.ADMIN, Permission.TRANSFER, Permission.PUT);
    }
}
