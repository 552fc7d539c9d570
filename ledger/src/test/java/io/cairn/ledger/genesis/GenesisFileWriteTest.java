package io.cairn.ledger.genesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.crypto.PublicKey;
import io.cairn.ledger.ConsensusParams;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.GenesisAccount;
import io.cairn.ledger.Permission;
import io.cairn.ledger.testing.TestGenesis;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing creates exactly one complete new file, or fails clearly and leaves the directory as it was. */
class GenesisFileWriteTest {
    private static final Genesis GENESIS = TestGenesis.of(4, 3);

    @TempDir
    Path dir;

    @Test
    void writesExactlyTheJsonAndNothingElse() throws Exception {
        Path file = dir.resolve("genesis.json");
        GenesisFile.write(file, GENESIS);
        assertThat(Files.readString(file)).isEqualTo(GenesisFile.toJson(GENESIS)).endsWith("}\n");
        assertThat(entries()).containsExactly(file);
    }

    @Test
    void makesTheFileReadableByEveryone() throws Exception {
        Path file = dir.resolve("genesis.json");
        GenesisFile.write(file, GENESIS);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
    }

    @Test
    void writesToBareFileName() throws Exception {
        // A name without a directory has no parent path; the temp file must still go beside it.
        Path file = Path.of("genesis-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".json");
        try {
            GenesisFile.write(file, GENESIS);
            assertThat(GenesisFile.read(file)).isEqualTo(GENESIS);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void refusesToOverwriteExistingFile() throws IOException {
        Path file = Files.writeString(dir.resolve("genesis.json"), "the old genesis");
        assertThatThrownBy(() -> GenesisFile.write(file, GENESIS))
                .isExactlyInstanceOf(GenesisException.class)
                .hasMessage(file + ": already exists; refusing to overwrite it");
        assertThat(Files.readString(file)).isEqualTo("the old genesis");
        assertThat(entries()).containsExactly(file);
    }

    @Test
    void refusesToReplaceDirectory() throws IOException {
        Path target = Files.createDirectory(dir.resolve("genesis.json"));
        assertThatThrownBy(() -> GenesisFile.write(target, GENESIS))
                .isExactlyInstanceOf(GenesisException.class)
                .hasMessage(target + ": already exists; refusing to overwrite it");
        assertThat(entries()).containsExactly(target);
    }

    @Test
    void refusesToReplaceSymbolicLink() throws IOException {
        Path elsewhere = Files.writeString(dir.resolve("elsewhere.json"), "keep me");
        Path link = Files.createSymbolicLink(dir.resolve("genesis.json"), elsewhere);
        assertThatThrownBy(() -> GenesisFile.write(link, GENESIS))
                .isExactlyInstanceOf(GenesisException.class)
                .hasMessage(link + ": already exists; refusing to overwrite it");
        assertThat(Files.readString(elsewhere)).isEqualTo("keep me");
    }

    @Test
    void namesMissingDirectory() {
        Path missing = dir.resolve("nowhere");
        Path file = missing.resolve("genesis.json");
        assertThatThrownBy(() -> GenesisFile.write(file, GENESIS))
                .isExactlyInstanceOf(GenesisException.class)
                .hasMessage(file + ": cannot write the file: directory " + missing + " does not exist");
        assertThat(missing).doesNotExist();
    }

    @Test
    void refusesGenesisLargerThanReadAccepts() throws IOException {
        Genesis huge = genesisWithAccounts(100_000);
        assertThat(GenesisFile.toJson(huge).length()).isGreaterThan(GenesisFile.MAX_BYTES);
        Path file = dir.resolve("genesis.json");
        assertThatThrownBy(() -> GenesisFile.write(file, huge))
                .isExactlyInstanceOf(GenesisException.class)
                .hasMessageStartingWith(file + ": the genesis is ")
                .hasMessageEndingWith(" bytes of JSON, more than the limit of 16 MiB (16777216 bytes)");
        assertThat(entries()).isEmpty();
    }

    /** A genesis with {@code count} accounts; keys are counters, since only their number matters here. */
    private static Genesis genesisWithAccounts(int count) {
        List<GenesisAccount> accounts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] key = ByteBuffer.allocate(PublicKey.SIZE).putInt(i).array();
            accounts.add(new GenesisAccount(PublicKey.wrap(key), 1, EnumSet.of(Permission.TRANSFER, Permission.PUT)));
        }
        return new Genesis("big", 0, ConsensusParams.DEFAULTS, GENESIS.validators(), List.of(), accounts);
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
