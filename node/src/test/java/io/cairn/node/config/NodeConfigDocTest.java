package io.cairn.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.cairn.crypto.KeyFile;
import io.cairn.crypto.PublicKey;
import io.cairn.ledger.ConsensusParams;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.Validator;
import io.cairn.ledger.genesis.GenesisFile;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/node-config.md stays true: its example resolves, shows the defaults, and its table names every field. */
class NodeConfigDocTest {
    private static final Path DOC = Path.of("..", "docs", "node-config.md");
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    @Test
    void theExampleResolvesWithTheDefaultLimits(@TempDir Path dir) throws Exception {
        List<Validator> validators = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            validators.add(new Validator("node-" + i, TestKeys.validator(i).publicKey()));
        }
        GenesisFile.write(dir.resolve("genesis.json"), new Genesis(TestGenesis.CHAIN_ID, TestGenesis.GENESIS_TIME,
                ConsensusParams.DEFAULTS, validators, List.<PublicKey>of(), List.of()));
        KeyFile.write(dir.resolve("node.key"), TestKeys.validator(0));
        Path config = Files.writeString(dir.resolve("node.yaml"), example());

        NodeSettings settings = NodeSettings.resolve(NodeConfig.load(config));

        assertThat(settings.self()).isZero();
        assertThat(settings.peers()).containsExactly(
                entry(1, new InetSocketAddress("127.0.0.1", 7002)), entry(2, new InetSocketAddress("127.0.0.1", 7003)));
        assertThat(settings.limits()).isEqualTo(Limits.DEFAULTS);
        assertThat(settings.consensus()).isEqualTo(ConsensusOptions.DEFAULTS);
    }

    @Test
    void theFieldTableNamesEveryFieldTheReaderKnows() throws Exception {
        String doc = Files.readString(DOC);

        for (String field : ConfigReader.fieldPaths()) {
            assertThat(doc).as("the row of " + field).contains("| `" + field + "` |");
        }
    }

    private static String example() throws Exception {
        Matcher block = YAML_BLOCK.matcher(Files.readString(DOC));
        assertThat(block.find()).as("a ```yaml block in " + DOC).isTrue();
        return block.group(1);
    }
}
