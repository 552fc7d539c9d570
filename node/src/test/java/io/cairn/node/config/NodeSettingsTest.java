package io.cairn.node.config;

import static io.cairn.node.config.ConfigFixture.section;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Valid configs resolve to the settings they describe, whichever format, and reading them writes nothing. */
class NodeSettingsTest {
    @TempDir
    Path dir;

    @Test
    void yamlAndEquivalentJsonResolveToEqualSettings() throws Exception {
        ConfigFixture fixture = new ConfigFixture(dir);
        Path yaml = fixture.yaml(ConfigFixture.validTree());
        Path json = fixture.json(ConfigFixture.validTree());
        SortedMap<String, String> before = fixture.snapshot();

        NodeSettings fromYaml = NodeSettings.resolve(NodeConfig.load(yaml));
        NodeSettings fromJson = NodeSettings.resolve(NodeConfig.load(json));

        assertThat(fromYaml).isEqualTo(fromJson).hasSameHashCodeAs(fromJson);
        assertThat(fromYaml.config().file()).isNotEqualTo(fromJson.config().file());
        assertThat(fromYaml.self()).isZero();
        assertThat(fromYaml.selfValidator().name()).isEqualTo("validator-0");
        assertThat(fromYaml.key()).isEqualTo(TestKeys.validator(0));
        assertThat(fromYaml.genesis()).isEqualTo(fixture.genesis);
        assertThat(fromYaml.peers()).containsExactly(
                entry(1, new InetSocketAddress("127.0.0.1", 7002)),
                entry(2, new InetSocketAddress("127.0.0.1", 7003)),
                entry(3, new InetSocketAddress("127.0.0.1", 7004)));
        assertThat(fromYaml.p2pListen()).isEqualTo(new InetSocketAddress("127.0.0.1", 7001));
        assertThat(fromYaml.rpcListen()).isEqualTo(new InetSocketAddress("127.0.0.1", 8001));
        assertThat(fromYaml.dataDir()).isEqualTo(dir.toAbsolutePath().resolve("data"));
        assertThat(fixture.snapshot()).as("nothing written, no data directory").isEqualTo(before);
    }

    @Test
    void omittedLimitsAndConsensusTakeTheDefaults() throws Exception {
        ObjectNode tree = ConfigFixture.validTree();
        tree.remove("limits");
        tree.remove("consensus");

        NodeSettings settings = NodeSettings.resolve(NodeConfig.load(new ConfigFixture(dir).yaml(tree)));

        assertThat(settings.limits()).isEqualTo(Limits.DEFAULTS);
        assertThat(settings.consensus()).isEqualTo(ConsensusOptions.DEFAULTS);
        assertThat(settings.consensus().emptyBlocks()).isFalse();
    }

    @Test
    void givenLimitsAndConsensusOptionsAreTakenAsWritten() throws Exception {
        ObjectNode tree = ConfigFixture.validTree();
        section(tree, "limits").put("mempoolTransactions", 7).put("mempoolBytes", 3L << 20).put("nonceWindow", 9)
                .put("peerQueueBytes", 5L << 30 >> 1).put("rpcMaxBodyBytes", 100_000);
        section(tree, "consensus").put("tickMillis", 150).put("emptyBlocks", true);

        NodeSettings settings = NodeSettings.resolve(NodeConfig.load(new ConfigFixture(dir).yaml(tree)));

        assertThat(settings.limits()).isEqualTo(new Limits(7, 3L << 20, 9, 5L << 30 >> 1, 100_000));
        assertThat(settings.consensus()).isEqualTo(new ConsensusOptions(150, true));
        assertThat(settings.timeoutTicks()).isEqualTo(14); // 2000 ms of view-change timeout in 150 ms ticks, rounded up
    }

    @Test
    void relativePathsAreRelativeToTheConfigFileNotTheWorkingDirectory() throws Exception {
        ConfigFixture fixture = new ConfigFixture(dir);
        Path confDir = Files.createDirectory(dir.resolve("conf"));
        ObjectNode tree = ConfigFixture.validTree();
        tree.put("key", "../node.key").put("dataDir", "../state/./chain").put("genesis", dir.resolve("genesis.json").toString());
        Path config = Files.move(fixture.yaml(tree), confDir.resolve("node.yaml"));

        NodeConfig loaded = NodeConfig.load(config);

        assertThat(loaded.key()).isEqualTo(dir.toAbsolutePath().resolve("node.key"));
        assertThat(loaded.dataDir()).isEqualTo(dir.toAbsolutePath().resolve("state/chain"));
        assertThat(loaded.genesis()).isEqualTo(dir.resolve("genesis.json"));
        assertThat(NodeSettings.resolve(loaded).self()).isZero();
        assertThat(dir.resolve("state")).doesNotExist();
    }

    @Test
    void peersMayBeNamedByPublicKeyAndReachedByHostNameOrIpv6() throws Exception {
        ObjectNode tree = ConfigFixture.validTree();
        String key2 = TestKeys.validator(2).publicKey().toHex().toUpperCase(Locale.ROOT);
        section(tree, "p2p").putArray("peers").add("validator-1@node-1.example:7002").add(key2 + "@[::1]:7003");

        NodeSettings settings = NodeSettings.resolve(NodeConfig.load(new ConfigFixture(dir).yaml(tree)));

        assertThat(settings.peers()).containsOnlyKeys(1, 2);
        InetSocketAddress byName = settings.peers().get(1);
        assertThat(byName.isUnresolved()).as("a host name is looked up when connecting").isTrue();
        assertThat(byName.getHostString()).isEqualTo("node-1.example");
        assertThat(byName.getPort()).isEqualTo(7002);
        assertThat(settings.peers().get(2)).isEqualTo(new InetSocketAddress("::1", 7003));
    }

    @Test
    void aSingleValidatorChainRunsWithoutPeers() throws Exception {
        ConfigFixture fixture = new ConfigFixture(dir, TestGenesis.of(1, 1));
        ObjectNode tree = ConfigFixture.validTree();
        section(tree, "p2p").putArray("peers");

        NodeSettings settings = NodeSettings.resolve(NodeConfig.load(fixture.yaml(tree)));

        assertThat(settings.peers()).isEmpty();
        assertThat(settings.self()).isZero();
    }

    @Test
    void anOperatorCanWriteTheYamlByHand() throws Exception {
        ConfigFixture fixture = new ConfigFixture(dir);
        Path config = fixture.write("node.yml", """
                # validator-0 of the test chain
                key: node.key
                dataDir: data
                genesis: genesis.json
                p2p:
                  listen: 127.0.0.1:7001
                  peers: [ "validator-1@127.0.0.1:7002", "validator-2@127.0.0.1:7003", "validator-3@127.0.0.1:7004" ]
                rpc:
                  listen: 127.0.0.1:8001
                limits:
                  nonceWindow: 32
                """);

        NodeSettings settings = NodeSettings.resolve(NodeConfig.load(config));

        assertThat(settings.limits().nonceWindow()).isEqualTo(32);
        assertThat(settings.peers()).hasSize(3);
    }

    @Test
    void describingTheSettingsNeverShowsTheSecretKey() throws Exception {
        ConfigFixture fixture = new ConfigFixture(dir);
        NodeSettings settings = NodeSettings.resolve(NodeConfig.load(fixture.yaml(ConfigFixture.validTree())));
        String pem = Files.readString(dir.resolve("node.key"));
        String base64 = pem.lines().filter(line -> !line.startsWith("-----")).findFirst().orElseThrow();

        assertThat(settings.toString()).contains("cairn-test", "validator-0").doesNotContain(base64);
        assertThat(settings.key().toString()).doesNotContain(base64).contains("redacted");
    }
}
