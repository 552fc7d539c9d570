package io.cairn.ledger.genesis;

import static io.cairn.ledger.genesis.GenesisDocuments.BASE;
import static io.cairn.ledger.genesis.GenesisDocuments.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Errors about the file as a whole: where it is, how big, and whether it is one JSON object. */
class GenesisFileReadErrorsTest {
    @TempDir
    Path dir;

    @Test
    void namesMissingFile() {
        Path missing = dir.resolve("genesis.json");
        assertReadFails(missing).hasMessage(missing + ": no such file");
    }

    @Test
    void namesFileInMissingDirectory() {
        Path missing = dir.resolve("nowhere").resolve("genesis.json");
        assertReadFails(missing).hasMessage(missing + ": no such file");
    }

    @Test
    void refusesDirectory() {
        assertReadFails(dir).hasMessage(dir + ": is a directory, not a genesis file");
    }

    @Test
    void refusesUnreadableFile() throws IOException {
        Path file = Files.writeString(dir.resolve("genesis.json"), GenesisFile.toJson(BASE));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file), "root reads any file");
        assertReadFails(file).hasMessage(file + ": cannot read the file: permission denied");
    }

    @Test
    void refusesEmptyFile() throws IOException {
        Path file = Files.write(dir.resolve("genesis.json"), new byte[0]);
        assertReadFails(file).hasMessage(file + ": empty (expected a JSON object)");
    }

    @Test
    void refusesWhitespaceOnly() throws IOException {
        Path file = Files.writeString(dir.resolve("genesis.json"), " \n\t\r\n");
        assertReadFails(file).hasMessage(file + ": empty (expected a JSON object)");
    }

    @Test
    void refusesFileOverSixteenMebibytes() throws IOException {
        Path file = Files.write(dir.resolve("genesis.json"), padded(GenesisFile.MAX_BYTES + 1));
        assertReadFails(file).hasMessage(file + ": the file is larger than the limit of 16 MiB (16777216 bytes)");
    }

    @Test
    void readsFileOfExactlySixteenMebibytes() throws Exception {
        Path file = Files.write(dir.resolve("genesis.json"), padded(GenesisFile.MAX_BYTES));
        assertThat(GenesisFile.read(file)).isEqualTo(BASE);
    }

    @Test
    void refusesTextThatIsNotUtf8() throws IOException {
        byte[] json = GenesisFile.toJson(BASE).getBytes(StandardCharsets.UTF_8);
        json[20] = (byte) 0xff;
        Path file = Files.write(dir.resolve("genesis.json"), json);
        assertReadFails(file).hasMessage(file + ": not valid UTF-8 text (at byte 20)");
    }

    @Test
    void ignoresByteOrderMark() throws Exception {
        Path file = Files.writeString(dir.resolve("genesis.json"), "\uFEFF" + GenesisFile.toJson(BASE));
        assertThat(GenesisFile.read(file)).isEqualTo(BASE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            plain text           | hello                      | not valid JSON at line 1, column 1: Unrecognized token 'hello'
            unclosed object      | {                          | not valid JSON at line 1, column 2: Unexpected end-of-input
            unquoted key         | {chainId: 1}               | not valid JSON at line 1, column 2: Unexpected character ('c'
            comment              | {/* hi */}                 | not valid JSON at line 1, column 2: Unexpected character ('/'
            trailing comma       | {"chainId": "a",}          | not valid JSON at line 1, column 17: Unexpected character ('}'
            NaN                  | {"balance": NaN}           | not valid JSON at line 1, column 16: Non-standard token 'NaN'
            leading zero         | {"balance": 01}            | not valid JSON at line 1, column 14: Invalid numeric value: Leading zeroes
            top-level array      | [1]                        | expected a JSON object at the top level, got an array
            top-level string     | "genesis"                  | expected a JSON object at the top level, got a string
            top-level number     | 42                         | expected a JSON object at the top level, got a number
            top-level null       | null                       | expected a JSON object at the top level, got null
            trailing word        | {} x                       | unexpected content after the JSON object at line 1, column 4
            second object        | {} {}                      | unexpected content after the JSON object at line 1, column 4
            extra brace          | {}}                        | unexpected content after the JSON object at line 1, column 3
            """)
    void refusesDocumentThatIsNotOneObject(String name, String text, String problem) throws IOException {
        Path file = Files.writeString(dir.resolve("genesis.json"), text);
        assertReadFails(file).hasMessageStartingWith(file + ": " + problem);
    }

    @Test
    void refusesTrailingContentAfterValidGenesis() {
        String json = GenesisFile.toJson(BASE) + "garbage";
        int lines = json.split("\n").length;
        assertThatThrownBy(() -> GenesisFile.parse(json, SOURCE))
                .isExactlyInstanceOf(GenesisException.class)
                .hasMessage(SOURCE + ": unexpected content after the JSON object at line " + lines + ", column 1");
    }

    @Test
    void refusesDeepNestingWithoutOverflowingTheStack() {
        String json = "{\"chainId\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertThatThrownBy(() -> GenesisFile.parse(json, SOURCE))
                .isExactlyInstanceOf(GenesisException.class)
                .hasMessageStartingWith(SOURCE + ": not valid JSON: Document nesting depth (1001) exceeds the maximum");
    }

    @Test
    void parseNamesTheGivenSource() {
        assertThatThrownBy(() -> GenesisFile.parse("", "from-rpc"))
                .isExactlyInstanceOf(GenesisException.class)
                .hasMessage("from-rpc: empty (expected a JSON object)");
    }

    /** {@link GenesisDocuments#BASE} padded with trailing spaces to exactly {@code size} bytes. */
    private static byte[] padded(int size) {
        byte[] json = GenesisFile.toJson(BASE).getBytes(StandardCharsets.UTF_8);
        byte[] padded = Arrays.copyOf(json, size);
        Arrays.fill(padded, json.length, size, (byte) ' ');
        return padded;
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertReadFails(Path path) {
        return assertThatThrownBy(() -> GenesisFile.read(path))
                .isExactlyInstanceOf(GenesisException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
