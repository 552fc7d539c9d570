package io.cairn.node.config;

import static io.cairn.node.config.BadConfig.yaml;
import static io.cairn.node.config.ConfigFixture.section;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.crypto.KeyFile;
import io.cairn.ledger.ConsensusParams;
import io.cairn.ledger.ProtocolLimits;
import io.cairn.ledger.genesis.GenesisFile;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Configs that are well-formed but do not fit their key, genesis, directory or each other: each
 * is refused with one line naming the file and the field, and nothing is written.
 */
class ConfigCrossCheckErrorsTest {
    private static final String STRANGER_HEX = TestKeys.stranger().publicKey().toHex();
    private static final String SELF_HEX = TestKeys.validator(0).publicKey().toHex();
    private static final String VALIDATOR_1_HEX = TestKeys.validator(1).publicKey().toHex();

    static Stream<BadConfig> keyAndGenesisFiles() {
        return Stream.of(
                yaml("key file missing", t -> t.put("key", "missing.key"), "key: key file ", "missing.key does not exist"),
                withFiles("key file readable by the group", fixture -> Files.setPosixFilePermissions(
                                fixture.dir.resolve("node.key"), PosixFilePermissions.fromString("rw-r-----")),
                        t -> { }, "key: key file ", "is accessible by other users (rw-r-----)"),
                withFiles("key file is not a key", fixture -> Files.setPosixFilePermissions(
                                Files.writeString(fixture.dir.resolve("notes.key"), "not a key\n"),
                                PosixFilePermissions.fromString("rw-------")),
                        t -> t.put("key", "notes.key"), "key: key file ", "is malformed"),
                withFiles("key is not a validator", fixture -> KeyFile.write(fixture.dir.resolve("other.key"),
                                TestKeys.stranger()),
                        t -> t.put("key", "other.key"), "key: the key ",
                        "(public key " + STRANGER_HEX + ") is not a validator of chain 'cairn-test'"),
                yaml("genesis missing", t -> t.put("genesis", "gone/genesis.json"), "genesis: ",
                        "gone/genesis.json: no such file"),
                withFiles("genesis malformed", fixture -> Files.writeString(fixture.dir.resolve("bad-genesis.json"),
                                "{\"chainId\": \"x\",}"),
                        t -> t.put("genesis", "bad-genesis.json"), "genesis: ", "bad-genesis.json: not valid JSON"),
                withFiles("genesis is not a genesis", fixture -> Files.writeString(fixture.dir.resolve("other.json"),
                                "{\"chainId\": \"x\"}"),
                        t -> t.put("genesis", "other.json"), "genesis: ", "other.json: genesisTime: required field is missing"));
    }

    static Stream<BadConfig> peers() {
        return Stream.of(
                yaml("peer not in genesis", t -> peer(t, 1, "validator-9@127.0.0.1:7003"), "p2p.peers[1]: ",
                        "'validator-9' is not a validator of chain 'cairn-test'; its validators are validator-0, "
                                + "validator-1, validator-2, validator-3"),
                yaml("peer key not in genesis", t -> peer(t, 0, STRANGER_HEX + "@127.0.0.1:7002"), "p2p.peers[0]: ",
                        "'" + STRANGER_HEX + "' is not a validator"),
                yaml("peer is self by name", t -> peer(t, 2, "validator-0@127.0.0.1:7004"), "p2p.peers[2]: ",
                        "'validator-0' is this node itself"),
                yaml("peer is self by key", t -> peer(t, 0, SELF_HEX + "@127.0.0.1:7002"), "p2p.peers[0]: ",
                        "is this node itself"),
                yaml("duplicate peer", t -> peer(t, 2, "validator-1@127.0.0.1:7004"), "p2p.peers[2]: ",
                        "validator 'validator-1' is also p2p.peers[0]"),
                yaml("duplicate peer by name and key", t -> peer(t, 1, VALIDATOR_1_HEX + "@127.0.0.1:7003"),
                        "p2p.peers[1]: ", "validator 'validator-1' is also p2p.peers[0]"),
                yaml("two peers at one address", t -> peer(t, 1, "validator-2@127.0.0.1:7002"), "p2p.peers[1]: ",
                        "address 127.0.0.1:7002 is also that of p2p.peers[0]"));
    }

    static Stream<BadConfig> addressesDirectoriesAndLimits() {
        return Stream.of(
                yaml("p2p and rpc on one socket", t -> section(t, "rpc").put("listen", "127.0.0.1:7001"), "rpc.listen: ",
                        "127.0.0.1:7001 is the same socket as p2p.listen (127.0.0.1:7001)"),
                yaml("rpc port inside the p2p wildcard", t -> {
                    section(t, "p2p").put("listen", "0.0.0.0:7001");
                    section(t, "rpc").put("listen", "127.0.0.1:7001");
                }, "rpc.listen: ", "is the same socket as p2p.listen (0.0.0.0:7001)"),
                yaml("listen host does not resolve", t -> section(t, "p2p").put("listen", "no-such-host.invalid:7001"),
                        "p2p.listen: ", "cannot resolve host 'no-such-host.invalid'"),
                withFiles("dataDir is a file", fixture -> Files.writeString(fixture.dir.resolve("data"), "x"),
                        t -> { }, "dataDir: ", "data is a file, not a directory"),
                yaml("dataDir inside a file", t -> t.put("dataDir", "node.key/data"), "dataDir: ",
                        "cannot be created: "),
                yaml("peer queue smaller than a block", t -> section(t, "limits").put("peerQueueBytes", 2 << 20),
                        "limits.peerQueueBytes: ", "2097152 is less than the largest frame of chain 'cairn-test'"),
                withFiles("tick longer than the view-change timeout", fixture -> {
                    Files.delete(fixture.dir.resolve("genesis.json"));
                    GenesisFile.write(fixture.dir.resolve("genesis.json"), TestGenesis.of(4, 1,
                            new ConsensusParams(2_000, 4 << 20, ProtocolLimits.TRANSACTION_MAX_BYTES, 200)));
                }, t -> section(t, "consensus").put("tickMillis", 500), "consensus.tickMillis: ",
                        "500 is longer than the view-change timeout of chain 'cairn-test' (200 ms)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyAndGenesisFiles")
    void refusesBadKeyAndGenesisFiles(BadConfig bad, @TempDir Path dir) throws Exception {
        bad.assertRejected(new ConfigFixture(dir));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("peers")
    void refusesPeersThatAreNotOtherValidators(BadConfig bad, @TempDir Path dir) throws Exception {
        bad.assertRejected(new ConfigFixture(dir));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("addressesDirectoriesAndLimits")
    void refusesClashingAddressesUnusableDirectoriesAndTooSmallLimits(BadConfig bad, @TempDir Path dir)
            throws Exception {
        bad.assertRejected(new ConfigFixture(dir));
    }

    private static void peer(ObjectNode tree, int index, String entry) {
        section(tree, "p2p").withArray("peers").set(index, entry);
    }

    interface FileSetup {
        void apply(ConfigFixture fixture) throws Exception;
    }

    /** Files prepared beside the fixture's, then the valid YAML config with one edit. */
    private static BadConfig withFiles(String name, FileSetup setup, Consumer<ObjectNode> edit, String field,
            String problem) {
        return new BadConfig(name, fixture -> {
            setup.apply(fixture);
            ObjectNode tree = ConfigFixture.validTree();
            edit.accept(tree);
            return fixture.yaml(tree);
        }, field, problem);
    }
}
