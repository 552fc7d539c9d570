package io.cairn.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import io.cairn.crypto.Hex;
import io.cairn.crypto.KeyFile;
import io.cairn.crypto.Sha256;
import io.cairn.ledger.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keys new} and {@code keys show}: owner-only files, never overwritten, only the public key printed. */
class KeysCommandTest {
    @TempDir
    Path dir;

    @Test
    void newWritesAnOwnerOnlyKeyFileAndPrintsItsPublicKey() throws Exception {
        Path file = dir.resolve("node.key");

        CommandRun run = CommandRun.of("keys", "new", "--out", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(run.outLines()).containsExactly(KeyFile.read(file).publicKey().toHex());
    }

    @Test
    void eachNewKeyIsDifferent() {
        String first = CommandRun.of("keys", "new", "--out", dir.resolve("a.key").toString()).out();
        String second = CommandRun.of("keys", "new", "--out", dir.resolve("b.key").toString()).out();

        assertThat(first).matches("[0-9a-f]{64}\\R").isNotEqualTo(second);
    }

    @Test
    void newRefusesToOverwriteAndLeavesTheFileAlone() throws Exception {
        Path file = dir.resolve("node.key");
        CommandRun.of("keys", "new", "--out", file.toString());
        byte[] before = Files.readAllBytes(file);

        CommandRun run = CommandRun.of("keys", "new", "--out", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(
                "cairn-node: key file " + file + " already exists; refusing to overwrite it");
        assertThat(run.out()).isEmpty();
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void newIntoAMissingDirectoryFailsWithOneLine() {
        Path file = dir.resolve("no/such/dir/node.key");

        CommandRun run = CommandRun.of("keys", "new", "--out", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement(STRING)
                .startsWith("cairn-node: cannot write key file " + file);
        assertThat(file.getParent()).doesNotExist();
    }

    @Test
    void showPrintsThePublicKeyAndNeverTheSecret() throws Exception {
        Path file = dir.resolve("node.key");
        KeyFile.write(file, TestKeys.validator(0));
        // TestKeys derives the seed as SHA-256 of its label, so the test knows the secret to look for.
        String seedHex = Hex.encode(Sha256.digest("cairn-test-validator-0".getBytes(StandardCharsets.UTF_8)));
        String pemBody = Files.readString(file).lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();

        CommandRun run = CommandRun.of("keys", "show", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly(TestKeys.validator(0).publicKey().toHex());
        assertThat(run.out().toLowerCase(Locale.ROOT)).doesNotContain(seedHex);
        assertThat(run.out()).doesNotContain(pemBody);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void showPrintsTheKeyThatNewPrinted() {
        Path file = dir.resolve("node.key");

        String created = CommandRun.of("keys", "new", "--out", file.toString()).out();
        String shown = CommandRun.of("keys", "show", file.toString()).out();

        assertThat(shown).isEqualTo(created);
    }

    @Test
    void showRefusesAGroupReadableKeyWithOneLine() throws Exception {
        Path file = dir.resolve("node.key");
        KeyFile.write(file, TestKeys.validator(0));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        CommandRun run = CommandRun.of("keys", "show", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement(STRING)
                .startsWith("cairn-node: key file " + file + " is accessible by other users");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void showOfAMissingFileFailsWithOneLine() {
        Path file = dir.resolve("missing.key");

        CommandRun run = CommandRun.of("keys", "show", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("cairn-node: key file " + file + " does not exist");
    }
}
