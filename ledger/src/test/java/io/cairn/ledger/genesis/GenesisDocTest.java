package io.cairn.ledger.genesis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.ledger.ConsensusParams;
import io.cairn.ledger.Genesis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/genesis.md stays true: its example is what the writer produces, its tables name every field. */
class GenesisDocTest {
    /** Tests run in the ledger module's directory; the docs are at the repository root. */
    private static final Path DOC = Path.of("..", "docs", "genesis.md");

    @Test
    void exampleParsesAndIsExactlyWhatTheWriterWrites() throws Exception {
        String example = jsonBlock(Files.readString(DOC));
        Genesis genesis = GenesisFile.parse(example, DOC.toString());
        assertThat(GenesisFile.toJson(genesis)).isEqualTo(example);
    }

    @Test
    void tablesDocumentEveryFieldTheWriterWrites() throws Exception {
        String doc = Files.readString(DOC);
        JsonNode example = GenesisDocuments.tree(jsonBlock(doc));
        List<String> fields = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = example.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            fields.add(field.getKey());
            JsonNode value = field.getValue();
            JsonNode element = value.isArray() && value.size() > 0 ? value.get(0) : null;
            if (value.isObject()) {
                value.fieldNames().forEachRemaining(fields::add); // consensus has its own table
            } else if (element != null && element.isObject()) {
                element.fieldNames().forEachRemaining(name -> fields.add(field.getKey() + "[i]." + name));
            }
        }
        assertThat(fields).hasSize(6 + 4 + 2 + 3);
        for (String field : fields) {
            assertThat(doc).as("documented field").contains("| `" + field + "` |");
        }
    }

    @Test
    void consensusDefaultsInTheDocMatchTheCode() throws Exception {
        Matcher rows = Pattern.compile("\\| `(\\w+)` \\| integer \\| (\\d+)").matcher(Files.readString(DOC));
        Map<String, Long> documented = new HashMap<>();
        while (rows.find()) {
            documented.put(rows.group(1), Long.parseLong(rows.group(2)));
        }
        ConsensusParams defaults = ConsensusParams.DEFAULTS;
        assertThat(documented).containsExactlyInAnyOrderEntriesOf(Map.of(
                "maxBlockTransactions", (long) defaults.maxBlockTransactions(),
                "maxBlockBytes", (long) defaults.maxBlockBytes(),
                "maxTransactionBytes", (long) defaults.maxTransactionBytes(),
                "viewChangeTimeoutMillis", defaults.viewChangeTimeoutMillis()));
    }

    /** The one ```json block of the document. */
    private static String jsonBlock(String markdown) {
        Matcher block = Pattern.compile("```json\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        assertThat(block.find()).as("a ```json block in " + DOC).isTrue();
        String json = block.group(1);
        assertThat(block.find()).as("only one ```json block in " + DOC).isFalse();
        return json;
    }
}
