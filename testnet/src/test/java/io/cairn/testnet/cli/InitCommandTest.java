package io.cairn.testnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.crypto.KeyFile;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.GenesisAccount;
import io.cairn.ledger.Permission;
import io.cairn.ledger.genesis.GenesisFile;
import io.cairn.node.config.NodeConfig;
import io.cairn.node.config.NodeSettings;
import io.cairn.testnet.layout.TestnetLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesKeysGenesisAndAConfigPerNodeThatTheNodeAccepts() throws Exception {
        CommandRun run = CommandRun.of("init", "--nodes", "4", "--dir", dir.toString(), "--accounts", "3");

        assertThat(run.exitCode()).as(run.err()).isZero();
        TestnetLayout layout = TestnetLayout.read(dir);
        assertThat(layout.nodes()).hasSize(4);
        assertThat(layout.accounts()).isEqualTo(3);
        Genesis genesis = GenesisFile.read(layout.genesisFile());
        assertThat(genesis.chainId()).isEqualTo(layout.chainId());
        assertThat(genesis.validators()).extracting(v -> v.name())
                .containsExactly("validator-0", "validator-1", "validator-2", "validator-3");
        assertThat(genesis.consensus().viewChangeTimeoutMillis()).isEqualTo(1_000);
        assertThat(genesis.admins()).containsExactly(KeyFile.read(dir.resolve("accounts/admin.key")).publicKey());
        for (int k = 0; k < 3; k++) {
            Path key = layout.accountKey(k);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
            GenesisAccount account = genesis.accounts().stream()
                    .filter(a -> a.publicKey().equals(uncheckedKey(key))).findFirst().orElseThrow();
            assertThat(account.balance()).isPositive();
            assertThat(account.permissions()).isEqualTo(EnumSet.of(Permission.TRANSFER, Permission.PUT));
        }
        for (int i = 0; i < 4; i++) {
            Path key = layout.home(i).resolve("node.key");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
            NodeSettings settings = NodeSettings.resolve(NodeConfig.load(layout.home(i).resolve("node.json")));
            assertThat(settings.self()).isEqualTo(i);
            assertThat(settings.rpcListen().getPort()).isEqualTo(layout.node(i).rpcPort());
            assertThat(settings.config().testnetAdminListen().map(Object::toString))
                    .contains("127.0.0.1:" + layout.node(i).adminPort());
            assertThat(settings.peers()).hasSize(3).doesNotContainKey(i);
        }
    }

    @Test
    void basePortGivesEachNodeItsP2pRpcAndAdminPort() throws Exception {
        int base = freeBasePort();
        CommandRun run = CommandRun.of("init", "--nodes", "3", "--dir", dir.toString(), "--base-port", String.valueOf(base));

        assertThat(run.exitCode()).as(run.err()).isZero();
        TestnetLayout layout = TestnetLayout.read(dir);
        for (int i = 0; i < 3; i++) {
            assertThat(layout.node(i).p2pPort()).isEqualTo(base + 2 * i);
            assertThat(layout.node(i).rpcPort()).isEqualTo(base + 2 * i + 1);
            assertThat(layout.node(i).adminPort()).isEqualTo(base + 6 + i);
        }
    }

    @Test
    void withoutBasePortEveryPortIsDistinct() throws Exception {
        assertThat(CommandRun.of("init", "--nodes", "4", "--dir", dir.toString()).exitCode()).isZero();

        Set<Integer> ports = TestnetLayout.read(dir).nodes().stream()
                .flatMap(n -> java.util.stream.Stream.of(n.p2pPort(), n.rpcPort(), n.adminPort()))
                .collect(Collectors.toSet());
        assertThat(ports).hasSize(12);
    }

    @Test
    void hostsWriteConfigsThatListenEverywhereAndReachPeersOnTheirHosts() throws Exception {
        CommandRun run = CommandRun.of("init", "--nodes", "3", "--dir", dir.toString(),
                "--hosts", "10.0.0.1,10.0.0.2,10.0.0.3", "--base-port", "7000");

        assertThat(run.exitCode()).as(run.err()).isZero();
        TestnetLayout layout = TestnetLayout.read(dir);
        NodeConfig config = NodeConfig.load(layout.home(1).resolve("node.json"));
        assertThat(config.p2pListen().toString()).isEqualTo("0.0.0.0:7002");
        assertThat(config.rpcListen().toString()).isEqualTo("0.0.0.0:7003");
        assertThat(config.testnetAdminListen()).as("no fault injection on a multi-host network").isEmpty();
        assertThat(config.peers()).extracting(Object::toString)
                .containsExactly("validator-0@10.0.0.1:7000", "validator-2@10.0.0.3:7004");
        assertThat(layout.node(2).rpcUri().toString()).isEqualTo("http://10.0.0.3:7005");
        assertThat(NodeSettings.resolve(config).self()).isEqualTo(1);
    }

    @Test
    void hostsMustNameOneHostPerNode() {
        CommandRun run = CommandRun.of("init", "--nodes", "4", "--dir", dir.toString(), "--hosts", "a,b");

        assertThat(run.exitCode()).isEqualTo(CairnTestnet.BAD_INPUT);
        assertThat(run.err()).contains("--hosts names 2 hosts for 4 nodes");
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void refusesAnExistingTestnetWithoutForceAndTouchesNothing() throws Exception {
        assertThat(CommandRun.of("init", "--nodes", "2", "--dir", dir.toString()).exitCode()).isZero();
        String genesisBefore = Files.readString(dir.resolve("genesis.json"));
        String layoutBefore = Files.readString(dir.resolve(TestnetLayout.FILE));

        CommandRun again = CommandRun.of("init", "--nodes", "4", "--dir", dir.toString());

        assertThat(again.exitCode()).isEqualTo(CairnTestnet.BAD_INPUT);
        assertThat(again.err().strip()).isEqualTo("cairn-testnet: " + dir + " already holds a testnet;"
                + " use --force to replace it (its keys, chain and logs are deleted)");
        assertThat(Files.readString(dir.resolve("genesis.json"))).isEqualTo(genesisBefore);
        assertThat(Files.readString(dir.resolve(TestnetLayout.FILE))).isEqualTo(layoutBefore);
    }

    @Test
    void forceReplacesAnExistingTestnet() throws Exception {
        assertThat(CommandRun.of("init", "--nodes", "4", "--dir", dir.toString()).exitCode()).isZero();
        String genesisBefore = Files.readString(dir.resolve("genesis.json"));

        CommandRun again = CommandRun.of("init", "--nodes", "2", "--dir", dir.toString(), "--force");

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(TestnetLayout.read(dir).nodes()).hasSize(2);
        assertThat(Files.readString(dir.resolve("genesis.json"))).isNotEqualTo(genesisBefore);
        assertThat(dir.resolve("node-3")).doesNotExist();
    }

    @Test
    void aBasePortInUseIsRefusedNamingThePort() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket()) {
            taken.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
            int base = taken.getLocalPort();
            CommandRun run = CommandRun.of("init", "--nodes", "1", "--dir", dir.toString(), "--base-port", String.valueOf(base));

            assertThat(run.exitCode()).isEqualTo(CairnTestnet.BAD_INPUT);
            assertThat(run.err()).contains("port " + base + " is already in use");
            assertThat(dir.toFile().list()).isEmpty();
        }
    }

    @Test
    void nodesOutOfRangeAreRefused() {
        CommandRun run = CommandRun.of("init", "--nodes", "0", "--dir", dir.toString());

        assertThat(run.exitCode()).isEqualTo(CairnTestnet.BAD_INPUT);
        assertThat(run.err()).contains("--nodes 0: must be 1 to 64");
    }

    private static io.cairn.crypto.PublicKey uncheckedKey(Path key) {
        try {
            return KeyFile.read(key).publicKey();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A base port whose next 9 ports are free now (found, then released). */
    private static int freeBasePort() throws Exception {
        for (int attempt = 0; attempt < 20; attempt++) {
            int base;
            try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
                base = probe.getLocalPort();
            }
            if (base + 9 < 65_535 && java.util.stream.IntStream.range(base, base + 9)
                    .allMatch(io.cairn.testnet.init.PortPlan::isFree)) {
                return base;
            }
        }
        throw new IllegalStateException("no 9 consecutive free ports");
    }
}
