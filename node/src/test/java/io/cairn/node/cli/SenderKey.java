package io.cairn.node.cli;

import io.cairn.crypto.Hex;
import io.cairn.crypto.KeyFile;
import io.cairn.crypto.KeyPair;
import io.cairn.crypto.Sha256;
import io.cairn.ledger.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A test account's key written to a key file, with the two forms its secret could leak in: the
 * seed in hex (TestKeys derives it as SHA-256 of its label) and the PEM body of the file.
 */
record SenderKey(Path file, KeyPair key, String seedHex, String pemBody) {
    static SenderKey account(Path dir, int index) throws Exception {
        Path file = dir.resolve("account-" + index + ".key");
        KeyPair key = TestKeys.account(index);
        KeyFile.write(file, key);
        String seedHex = Hex.encode(Sha256.digest(("cairn-test-account-" + index).getBytes(StandardCharsets.UTF_8)));
        String pemBody = Files.readString(file).lines().filter(line -> !line.startsWith("-----")).findFirst().orElseThrow();
        return new SenderKey(file, key, seedHex, pemBody);
    }

    /** The secret in every form a request could carry it: hex either case, the PEM's base64. */
    List<String> secretForms() {
        return List.of(seedHex, seedHex.toUpperCase(Locale.ROOT), pemBody);
    }
}
