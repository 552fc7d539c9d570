package io.cairn.node.config;

import static io.cairn.node.config.BadConfig.json;
import static io.cairn.node.config.BadConfig.text;
import static io.cairn.node.config.BadConfig.yaml;
import static io.cairn.node.config.ConfigFixture.section;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Configs wrong in themselves (syntax, missing or unknown fields, types, address forms, ranges):
 * each is refused with one line naming the file and the field, and nothing is written.
 */
class ConfigFieldErrorsTest {
    private static final String VALID_REST = "dataDir: data\ngenesis: genesis.json\nrpc:\n  listen: 127.0.0.1:8001\n";

    static Stream<BadConfig> missingAndUnknownFields() {
        return Stream.of(
                yaml("missing key", t -> t.remove("key"), "missing field 'key'", ""),
                yaml("missing dataDir", t -> t.remove("dataDir"), "missing field 'dataDir'", ""),
                yaml("missing genesis", t -> t.remove("genesis"), "missing field 'genesis'", ""),
                yaml("missing p2p", t -> t.remove("p2p"), "missing field 'p2p'", ""),
                yaml("missing p2p.listen", t -> section(t, "p2p").remove("listen"), "missing field 'p2p.listen'", ""),
                yaml("missing p2p.peers", t -> section(t, "p2p").remove("peers"), "missing field 'p2p.peers'", ""),
                yaml("missing rpc", t -> t.remove("rpc"), "missing field 'rpc'", ""),
                yaml("missing rpc.listen", t -> section(t, "rpc").remove("listen"), "missing field 'rpc.listen'", ""),
                yaml("unknown top-level field", t -> t.put("keyFile", "node.key"),
                        "unknown field 'keyFile'", "expected one of: key, dataDir, genesis, p2p, rpc, limits, consensus"),
                yaml("unknown field in p2p", t -> section(t, "p2p").put("lisen", "127.0.0.1:7001"),
                        "unknown field 'p2p.lisen'", "expected one of: listen, peers"),
                yaml("unknown field in rpc", t -> section(t, "rpc").put("port", 8001), "unknown field 'rpc.port'", ""),
                yaml("unknown field in limits", t -> section(t, "limits").put("mempoolTxs", 10),
                        "unknown field 'limits.mempoolTxs'", "mempoolTransactions"),
                yaml("unknown field in consensus", t -> section(t, "consensus").put("tick", 100),
                        "unknown field 'consensus.tick'", "tickMillis, emptyBlocks"));
    }

    static Stream<BadConfig> wrongTypes() {
        return Stream.of(
                yaml("key is a number", t -> t.put("key", 7), "key: ", "expected a string, got the number 7"),
                yaml("key has no value", t -> t.putNull("key"), "key: ", "expected a string, got no value"),
                yaml("dataDir is empty", t -> t.put("dataDir", " "), "dataDir: ", "must not be empty"),
                json("path with a NUL character", t -> t.put("genesis", "genesis\0.json"), "genesis: ",
                        "'genesis\\u0000.json' is not a valid path"),
                yaml("p2p is a list", t -> t.putArray("p2p").add("127.0.0.1:7001"), "p2p: ", "expected an object, got a list"),
                yaml("peers is one string", t -> section(t, "p2p").put("peers", "validator-1@127.0.0.1:7002"),
                        "p2p.peers: ", "expected a list, got the string 'validator-1@127.0.0.1:7002'"),
                yaml("a peer is a number", t -> section(t, "p2p").withArray("peers").set(1, 7003),
                        "p2p.peers[1]: ", "expected a string, got the number 7003"),
                yaml("limit is a string", t -> section(t, "limits").put("nonceWindow", "64"),
                        "limits.nonceWindow: ", "expected an integer, got the string '64'"),
                yaml("limit has a fraction", t -> section(t, "limits").put("mempoolBytes", 1.5),
                        "limits.mempoolBytes: ", "expected an integer, got 1.5"),
                json("emptyBlocks is a string", t -> section(t, "consensus").put("emptyBlocks", "no"),
                        "consensus.emptyBlocks: ", "expected true or false, got the string 'no'"),
                json("limits is a number", t -> t.put("limits", 5), "limits: ", "expected an object, got the number 5"));
    }

    static Stream<BadConfig> badAddresses() {
        return Stream.of(
                yaml("peer without @", t -> section(t, "p2p").withArray("peers").set(1, "x"),
                        "p2p.peers[1]: ", "'x' is not validator@host:port"),
                yaml("peer with empty validator", t -> section(t, "p2p").withArray("peers").set(0, "@127.0.0.1:7002"),
                        "p2p.peers[0]: ", "'@127.0.0.1:7002' is not validator@host:port"),
                yaml("peer without port", t -> section(t, "p2p").withArray("peers").set(2, "validator-3@127.0.0.1"),
                        "p2p.peers[2]: ", "'validator-3@127.0.0.1': '127.0.0.1' is not host:port"),
                yaml("peer port out of range", t -> section(t, "p2p").withArray("peers").set(0, "validator-1@h1:65536"),
                        "p2p.peers[0]: ", "port 65536 is outside 1..65535"),
                yaml("listen port out of range", t -> section(t, "p2p").put("listen", "127.0.0.1:70000"),
                        "p2p.listen: ", "port 70000 is outside 1..65535"),
                yaml("listen port zero", t -> section(t, "rpc").put("listen", "127.0.0.1:0"),
                        "rpc.listen: ", "port 0 is outside 1..65535"),
                yaml("port is not a number", t -> section(t, "rpc").put("listen", "localhost:http"),
                        "rpc.listen: ", "port 'http' is not a number from 1 to 65535"),
                yaml("no host", t -> section(t, "rpc").put("listen", ":8001"), "rpc.listen: ", "':8001' has no host"),
                yaml("IPv6 without brackets", t -> section(t, "p2p").put("listen", "::1:7001"),
                        "p2p.listen: ", "write an IPv6 address in brackets"),
                yaml("bad IPv6 in brackets", t -> section(t, "p2p").put("listen", "[::g]:7001"),
                        "p2p.listen: ", "'::g' in brackets is not an IPv6 address"),
                yaml("IPv4 out of range", t -> section(t, "p2p").put("listen", "300.1.1.1:7001"),
                        "p2p.listen: ", "'300.1.1.1' is not a host name or IP address"),
                yaml("host with bad characters", t -> section(t, "p2p").put("listen", "my_host!:7001"),
                        "p2p.listen: ", "'my_host!' is not a host name or IP address"));
    }

    static Stream<BadConfig> outOfRange() {
        return Stream.of(
                yaml("nonce window zero", t -> section(t, "limits").put("nonceWindow", 0),
                        "limits.nonceWindow: ", "0 is outside 1..1024"),
                yaml("mempool transactions too many", t -> section(t, "limits").put("mempoolTransactions", 1L << 40),
                        "limits.mempoolTransactions: ", "1099511627776 is outside 1..10000000"),
                yaml("mempool bytes too few", t -> section(t, "limits").put("mempoolBytes", 1000),
                        "limits.mempoolBytes: ", "1000 is outside 1048576..17179869184"),
                yaml("rpc body beyond a long", t -> section(t, "limits").put("rpcMaxBodyBytes",
                                new BigInteger("99999999999999999999")),
                        "limits.rpcMaxBodyBytes: ", "99999999999999999999 is outside 65536..268435456"),
                yaml("tick too short", t -> section(t, "consensus").put("tickMillis", 5),
                        "consensus.tickMillis: ", "5 is outside 10..1000"));
    }

    static Stream<BadConfig> unreadableFiles() {
        return Stream.of(
                text("YAML syntax error", "node.yaml", "key: node.key\np2p: [a, b\n" + VALID_REST,
                        "not valid YAML at line 3", "while parsing a flow sequence; expected ',' or ']'"),
                text("YAML bad indentation", "node.yml", "key: node.key\n  p2p: x\n", "not valid YAML at line 2",
                        "mapping values are not allowed here"),
                text("JSON syntax error", "node.json", "{\"key\": \"node.key\",\n \"dataDir\": }", "not valid JSON at line 2",
                        "Unexpected character ('}'"),
                text("field given twice", "node.yaml", "key: a.key\nkey: node.key\n", "key: the field appears twice at line 2", ""),
                text("JSON content after the object", "node.json", "{\"key\": \"node.key\"} {}",
                        "unexpected content after the JSON document", ""),
                text("second YAML document", "node.yaml", "key: node.key\n---\nkey: other.key\n",
                        "unexpected content after the YAML document", ""),
                text("empty file", "node.yaml", "# nothing yet\n", "the file is empty", "expected the fields key, dataDir"),
                text("a list at the top", "node.yaml", "- key: node.key\n", "expected fields", "got a list"),
                text("unknown extension", "node.toml", "key = 'node.key'\n", "unknown config format", "*.yaml, *.yml or *.json"),
                new BadConfig("config is a directory", fixture -> Files.createDirectory(fixture.dir.resolve("node.yaml")),
                        "is a directory, not a config file", ""),
                new BadConfig("config is far too large", fixture -> fixture.write("node.yaml",
                                "# " + "x".repeat(ConfigReader.MAX_BYTES) + "\n"),
                        "the file is larger than 1048576 bytes", ""),
                new BadConfig("config missing", fixture -> fixture.dir.resolve("absent.yaml"), "no such file", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingAndUnknownFields")
    void refusesMissingAndUnknownFields(BadConfig bad, @TempDir Path dir) throws Exception {
        bad.assertRejected(new ConfigFixture(dir));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongTypes")
    void refusesValuesOfTheWrongType(BadConfig bad, @TempDir Path dir) throws Exception {
        bad.assertRejected(new ConfigFixture(dir));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAddresses")
    void refusesMalformedAddresses(BadConfig bad, @TempDir Path dir) throws Exception {
        bad.assertRejected(new ConfigFixture(dir));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outOfRange")
    void refusesLimitsOutOfRange(BadConfig bad, @TempDir Path dir) throws Exception {
        bad.assertRejected(new ConfigFixture(dir));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableFiles")
    void refusesFilesThatDoNotParse(BadConfig bad, @TempDir Path dir) throws Exception {
        bad.assertRejected(new ConfigFixture(dir));
    }
}
