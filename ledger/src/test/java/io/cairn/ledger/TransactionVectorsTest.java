package io.cairn.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cairn.crypto.Hex;
import io.cairn.crypto.KeyPair;
import io.cairn.crypto.PublicKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The test vectors of docs/transactions.md: the page cannot drift from the code. */
class TransactionVectorsTest {
    private static final Path DOCS = Path.of("..", "docs");
    private static final Pattern VECTOR_LINE = Pattern.compile("^([a-z][a-z -]*[a-z])\\s{2,}([0-9a-f]+)$");
    private static final String CHAIN_ID = "cairn-example";

    @Test
    void documentedVectorsMatchTheCode() throws Exception {
        Map<String, String> documented = vectors(Files.readString(DOCS.resolve("transactions.md")).split("## Test vectors")[1]);

        assertThat(documented).isEqualTo(computed());
    }

    @Test
    void documentedEncodingsDecodeAndVerify() throws Exception {
        Map<String, String> documented = vectors(Files.readString(DOCS.resolve("transactions.md")).split("## Test vectors")[1]);
        for (String kind : new String[] {"transfer", "put"}) {
            Transaction tx = Transaction.decode(Hex.decode(documented.get(kind + " encoding")));
            assertThat(tx.hasValidSignature()).as(kind).isTrue();
            assertThat(tx.hash().toHex()).isEqualTo(documented.get(kind + " hash"));
            assertThat(Hex.encode(tx.signBytes())).isEqualTo(documented.get(kind + " sign-bytes"));
        }
    }

    @Test
    void anIndependentJavaScriptImplementationOfThePageAgrees() throws Exception {
        assumeTrue(onPath("node"), "Node.js is not installed; the JavaScript cross-check is skipped");
        Process node = new ProcessBuilder("node", DOCS.resolve("examples/sign-transaction.mjs").toString())
                .redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).as(output).isZero();

        assertThat(vectors(output)).isEqualTo(computed());
    }

    private static Map<String, String> computed() {
        byte[] seed = new byte[32];
        byte[] recipientSeed = new byte[32];
        for (int i = 0; i < 32; i++) {
            seed[i] = (byte) i;
            recipientSeed[i] = (byte) (0x20 + i);
        }
        KeyPair key = KeyPair.fromSeed(seed);
        PublicKey recipient = KeyPair.fromSeed(recipientSeed).publicKey();
        Transaction transfer = Transaction.sign(CHAIN_ID, key, 0, new Operation.Transfer(recipient, 250));
        Transaction put = Transaction.sign(CHAIN_ID, key, 1, new Operation.Put(
                "invoice/42".getBytes(StandardCharsets.US_ASCII),
                "sha256:9f86d081884c7d65".getBytes(StandardCharsets.US_ASCII)));

        Map<String, String> vectors = new LinkedHashMap<>();
        vectors.put("seed", Hex.encode(seed));
        vectors.put("public key", key.publicKey().toHex());
        vectors.put("recipient", recipient.toHex());
        for (Map.Entry<String, Transaction> entry : Map.of("transfer", transfer, "put", put).entrySet()) {
            Transaction tx = entry.getValue();
            vectors.put(entry.getKey() + " sign-bytes", Hex.encode(tx.signBytes()));
            vectors.put(entry.getKey() + " signature", tx.signature().toHex());
            vectors.put(entry.getKey() + " encoding", Hex.encode(tx.encode()));
            vectors.put(entry.getKey() + " hash", tx.hash().toHex());
        }
        return vectors;
    }

    private static Map<String, String> vectors(String text) {
        Map<String, String> vectors = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            Matcher matcher = VECTOR_LINE.matcher(line.strip());
            if (matcher.matches()) {
                vectors.put(matcher.group(1), matcher.group(2));
            }
        }
        return vectors;
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
