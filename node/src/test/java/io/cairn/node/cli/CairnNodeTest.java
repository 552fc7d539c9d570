package io.cairn.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import io.cairn.crypto.KeyFile;
import io.cairn.ledger.genesis.GenesisFile;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command tree: help and version, and one-line errors with exit code 2 for bad usage and bad configs. */
class CairnNodeTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "--help,                 Usage: cairn-node [-hV] [COMMAND]",
        "run --help,             Usage: cairn-node run [-hV] --config=FILE",
        "keys --help,            Usage: cairn-node keys [-hV] [COMMAND]",
        "keys new --help,        Usage: cairn-node keys new [-hV] --out=FILE",
        "keys show --help,       Usage: cairn-node keys show [-hV] FILE",
        "tx --help,              Usage: cairn-node tx [-hV] [COMMAND]",
        "tx transfer --help,     Usage: cairn-node tx transfer [-hV] --amount=N [--chain-id=ID] --key=FILE",
        "tx put --help,          Usage: cairn-node tx put [-hV] [--chain-id=ID] --key=FILE [--nonce=N]",
        "tx grant --help,        Usage: cairn-node tx grant [-hV] --account=ADDRESS [--chain-id=ID] --key=FILE",
        "tx revoke --help,       Usage: cairn-node tx revoke [-hV] --account=ADDRESS [--chain-id=ID] --key=FILE",
        "tx get --help,          Usage: cairn-node tx get [-hV] [--rpc=URL] HASH",
        "block get --help,       Usage: cairn-node block get [-hV] [--rpc=URL] HEIGHT|HASH|latest",
        "account get --help,     Usage: cairn-node account get [-hV] [--rpc=URL] ADDRESS",
        "verify-proof --help,    Usage: cairn-node verify-proof [-hV] --genesis=FILE [PROOF_JSON_FILE|-]"})
    void everyCommandExplainsItselfAndExitsZero(String args, String usage) {
        CommandRun run = CommandRun.of(args.split(" "));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith(usage);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void theTopLevelHelpListsTheCommands() {
        assertThat(CommandRun.of("--help").out()).contains("run ", "keys ");
        assertThat(CommandRun.of("keys", "--help").out()).contains("new ", "show ");
        assertThat(CommandRun.of("--help").out()).contains("tx ", "block ", "account ", "verify-proof ");
        assertThat(CommandRun.of("tx", "--help").out()).contains("transfer ", "put ", "grant ", "revoke ", "get ");
    }

    @Test
    void versionPrintsTheToolAndExitsZero() {
        CommandRun run = CommandRun.of("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).singleElement(STRING)
                .startsWith("cairn-node ");
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', value = {
        "''                  | cairn-node: Missing required subcommand (see 'cairn-node --help')",
        "keys                | cairn-node: Missing required subcommand (see 'cairn-node keys --help')",
        "run                 | cairn-node: Missing required option: '--config=FILE' (see 'cairn-node run --help')",
        "start               | cairn-node: Unmatched argument at index 0: 'start' (see 'cairn-node --help')",
        "keys new --out      | cairn-node: Missing required parameter for option '--out' (FILE) (see 'cairn-node keys new --help')",
        "keys show a b       | cairn-node: Unmatched argument at index 3: 'b' (see 'cairn-node keys show --help')"})
    void badUsageIsOneLineAndExitCodeTwo(String args, String line) {
        CommandRun run = CommandRun.of(args.isEmpty() ? new String[0] : args.split(" "));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(line);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void runWithABadConfigPrintsOneLineNamingTheFieldAndExitsTwo() throws Exception {
        GenesisFile.write(dir.resolve("genesis.json"), TestGenesis.of(4, 1));
        KeyFile.write(dir.resolve("node.key"), TestKeys.validator(0));
        Path config = Files.writeString(dir.resolve("bad.yaml"), """
                key: node.key
                dataDir: data
                genesis: genesis.json
                p2p:
                  listen: 127.0.0.1:7001
                  peers: [ "validator-1@127.0.0.1:7002", "x" ]
                rpc:
                  listen: 127.0.0.1:8001
                """);

        CommandRun run = CommandRun.of("run", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("cairn-node: " + config + ": p2p.peers[1]: 'x' is not validator@host:port");
        assertThat(run.out()).isEmpty();
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void runWithAMissingConfigPrintsOneLineAndExitsTwo() {
        Path config = dir.resolve("nowhere.yaml");

        CommandRun run = CommandRun.of("run", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("cairn-node: " + config + ": no such file");
    }
}
