package io.cairn.ledger.genesis;

import static io.cairn.ledger.genesis.GenesisDocuments.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.crypto.testing.RandomCases;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever a damaged file holds, the reader answers with a genesis or a one-line GenesisException. */
class GenesisFileFuzzTest {
    /** Characters that matter to JSON and to the fields, so damage hits structure and values. */
    private static final String ALPHABET = "{}[]:,\"\\ \n0123456789.-+eEaZzT/tfnul\u0000\u00e9\uFEFF";
    private static final String VALID = GenesisFile.toJson(GenesisDocuments.BASE);

    @Test
    void damagedDocumentNeverEscapesAsAnotherException() {
        RandomCases.forAll("damaged genesis documents", 500, GenesisFileFuzzTest::parseDamaged);
    }

    private static void parseDamaged(Random random) {
        int edits = 1 + random.nextInt(8);
        StringBuilder json = new StringBuilder(VALID);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(json.length() + 1);
            char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            switch (random.nextInt(3)) {
                case 0 -> json.insert(at, c);
                case 1 -> json.deleteCharAt(Math.min(at, json.length() - 1));
                default -> json.setCharAt(Math.min(at, json.length() - 1), c);
            }
        }
        try {
            GenesisFile.parse(json.toString(), SOURCE);
        } catch (GenesisException e) {
            assertThat(e.getMessage()).startsWith(SOURCE + ": ").doesNotContain("\n", "\r", "\u0000");
        }
    }
}
