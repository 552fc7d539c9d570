package io.cairn.ledger.genesis;

import static io.cairn.ledger.genesis.GenesisDocuments.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.crypto.PublicKey;
import io.cairn.crypto.testing.RandomCases;
import io.cairn.ledger.ConsensusParams;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.GenesisAccount;
import io.cairn.ledger.Permission;
import io.cairn.ledger.ProtocolLimits;
import io.cairn.ledger.Validator;
import io.cairn.ledger.codec.BlockCodec;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the writer produces, the reader reads back to an equal genesis with the same hash. */
class GenesisFileRoundTripTest {
    private static final String IDENTIFIER_CHARS =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-";

    @TempDir
    Path dir;

    @Test
    void toJsonThenParseGivesEqualGenesis() throws Exception {
        Genesis genesis = TestGenesis.of(4, 10);
        Genesis parsed = GenesisFile.parse(GenesisFile.toJson(genesis), SOURCE);
        assertThat(parsed).isEqualTo(genesis);
        assertThat(parsed.hash()).isEqualTo(genesis.hash());
    }

    @Test
    void writeThenReadGivesEqualGenesis() throws Exception {
        Genesis genesis = TestGenesis.of(4, 10);
        Path file = dir.resolve("genesis.json");
        GenesisFile.write(file, genesis);
        Genesis read = GenesisFile.read(file);
        assertThat(read).isEqualTo(genesis);
        assertThat(read.hash()).isEqualTo(genesis.hash());
    }

    @Test
    void roundTripsLimitsAndEmptyLists() throws Exception {
        int maxTransaction = ProtocolLimits.TRANSACTION_MAX_BYTES;
        List<ConsensusParams> extremes = List.of(
                new ConsensusParams(1, BlockCodec.HEADER_BYTES + ConsensusParams.MIN_TRANSACTION_BYTES,
                        ConsensusParams.MIN_TRANSACTION_BYTES, 100),
                new ConsensusParams(ProtocolLimits.BLOCK_MAX_TRANSACTIONS, ProtocolLimits.BLOCK_MAX_BYTES,
                        maxTransaction, 600_000));
        List<Validator> one = List.of(new Validator("v", TestKeys.validator(0).publicKey()));
        List<GenesisAccount> richAndBare = List.of(
                new GenesisAccount(TestKeys.account(0).publicKey(), Long.MAX_VALUE, EnumSet.of(Permission.PUT)),
                new GenesisAccount(TestKeys.account(1).publicKey(), 0, Set.of()));
        for (ConsensusParams params : extremes) {
            assertRoundTrips(new Genesis("c", 0, params, one, List.of(), List.of()));
            assertRoundTrips(new Genesis("c", Long.MAX_VALUE, params, one, List.of(), richAndBare));
            assertRoundTrips(new Genesis("c", 1_790_000_000_123L, params, one, List.of(), List.of()));
        }
    }

    @Test
    void writesEveryFieldInDocumentOrder() {
        Genesis bare = new Genesis("c", 0, ConsensusParams.DEFAULTS,
                List.of(new Validator("v", TestKeys.validator(0).publicKey())), List.of(), List.of());
        JsonNode tree = GenesisDocuments.tree(GenesisFile.toJson(bare));
        assertThat(tree.fieldNames()).toIterable()
                .containsExactly("chainId", "genesisTime", "consensus", "validators", "admins", "accounts");
        assertThat(tree.get("consensus").fieldNames()).toIterable().containsExactly(
                "maxBlockTransactions", "maxBlockBytes", "maxTransactionBytes", "viewChangeTimeoutMillis");
        assertThat(tree.get("genesisTime").textValue()).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(tree.get("admins").isArray()).isTrue();
        assertThat(tree.get("accounts").isArray()).isTrue();

        JsonNode account = GenesisDocuments.tree(GenesisFile.toJson(TestGenesis.of(1, 1))).get("accounts").get(0);
        assertThat(account.fieldNames()).toIterable().containsExactly("publicKey", "balance", "permissions");
    }

    @Test
    void anyGenesisRoundTrips() {
        RandomCases.forAll("genesis JSON round trip", 200, random -> {
            Genesis genesis = randomGenesis(random);
            assertThat(GenesisFile.parse(GenesisFile.toJson(genesis), SOURCE)).isEqualTo(genesis);
        });
    }

    private void assertRoundTrips(Genesis genesis) throws Exception {
        assertThat(GenesisFile.parse(GenesisFile.toJson(genesis), SOURCE)).isEqualTo(genesis);
        Path file = Files.createTempDirectory(dir, "case").resolve("genesis.json");
        GenesisFile.write(file, genesis);
        assertThat(GenesisFile.read(file)).isEqualTo(genesis);
    }

    /** Any valid genesis: random identifiers, times, limits, keys, balances and permission sets. */
    private static Genesis randomGenesis(Random random) {
        int maxTransaction = ConsensusParams.MIN_TRANSACTION_BYTES
                + random.nextInt(ProtocolLimits.TRANSACTION_MAX_BYTES - ConsensusParams.MIN_TRANSACTION_BYTES + 1);
        int minBlock = BlockCodec.HEADER_BYTES + maxTransaction;
        ConsensusParams params = new ConsensusParams(1 + random.nextInt(ProtocolLimits.BLOCK_MAX_TRANSACTIONS),
                minBlock + random.nextInt(ProtocolLimits.BLOCK_MAX_BYTES - minBlock + 1),
                maxTransaction, 100 + random.nextInt(600_000 - 100 + 1));
        List<Validator> validators = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(7); i < n; i++) {
            // The index keeps names unique; the random part exercises every allowed character.
            validators.add(new Validator(identifier(random, 28) + "-" + i, randomKey(random)));
        }
        List<PublicKey> admins = new ArrayList<>();
        for (int i = 0, n = random.nextInt(3); i < n; i++) {
            admins.add(randomKey(random));
        }
        List<GenesisAccount> accounts = new ArrayList<>();
        for (int i = 0, n = random.nextInt(6); i < n; i++) {
            Set<Permission> permissions = EnumSet.noneOf(Permission.class);
            if (random.nextBoolean()) {
                permissions.add(Permission.TRANSFER);
            }
            if (random.nextBoolean()) {
                permissions.add(Permission.PUT);
            }
            long balance = Math.floorMod(random.nextLong(), Long.MAX_VALUE / 8);
            accounts.add(new GenesisAccount(randomKey(random), balance, permissions));
        }
        long time = Math.floorMod(random.nextLong(), Long.MAX_VALUE);
        return new Genesis(identifier(random, 32), time, params, validators, admins, accounts);
    }

    private static String identifier(Random random, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(maxLength); i < n; i++) {
            text.append(IDENTIFIER_CHARS.charAt(random.nextInt(IDENTIFIER_CHARS.length())));
        }
        return text.toString();
    }

    private static PublicKey randomKey(Random random) {
        byte[] bytes = new byte[PublicKey.SIZE];
        random.nextBytes(bytes);
        return PublicKey.wrap(bytes);
    }
}
