package io.cairn.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileTest {
    private static final KeyPair KEY = KeyPair.fromLabel("validator-0");

    @TempDir
    Path dir;

    @Test
    void writesOwnerOnlyAndReadsBack() throws Exception {
        Path file = dir.resolve("node.key");
        KeyFile.write(file, KEY);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(KeyFile.read(file)).isEqualTo(KEY);
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----\n");
    }

    @Test
    void refusesToOverwrite() throws Exception {
        Path file = dir.resolve("node.key");
        KeyFile.write(file, KEY);
        assertThatThrownBy(() -> KeyFile.write(file, KeyPair.fromLabel("other")))
                .isInstanceOf(KeyFileException.class).hasMessageContaining("already exists");
        assertThat(KeyFile.read(file)).isEqualTo(KEY);
    }

    @Test
    void missingFile() {
        assertThatThrownBy(() -> KeyFile.read(dir.resolve("absent.key")))
                .isInstanceOf(KeyFileException.class).hasMessageContaining("absent.key does not exist");
    }

    @Test
    void directoryInsteadOfFile() {
        assertThatThrownBy(() -> KeyFile.read(dir))
                .isInstanceOf(KeyFileException.class).hasMessageContaining("is a directory");
    }

    @Test
    void refusesKeyReadableByOthers() throws Exception {
        Path file = dir.resolve("node.key");
        KeyFile.write(file, KEY);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> KeyFile.read(file))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("accessible by other users").hasMessageContaining("chmod 600");
    }

    @Test
    void malformedFilesGetClearErrorsWithoutTheirContent() throws Exception {
        String seedBase64 = Base64.getEncoder().encodeToString(Hex.decode("302e020100300506032b657004220420"
                + "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"));
        String[][] cases = {
            {"", "exactly one"},
            {"just some text\n", "exactly one"},
            {pem("!!!not base64!!!"), "not valid base64"},
            {pem(Base64.getEncoder().encodeToString(new byte[48])), "not a PKCS#8 Ed25519"},
            {pem(seedBase64.substring(0, 40)), "not a PKCS#8 Ed25519"},
            {pem(seedBase64) + pem(seedBase64), "exactly one"},
            {"-----END PRIVATE KEY-----\n-----BEGIN PRIVATE KEY-----\n", "exactly one"},
        };
        for (int i = 0; i < cases.length; i++) {
            Path file = ownerOnlyFile("bad" + i + ".key", cases[i][0].getBytes(StandardCharsets.US_ASCII));
            assertThatThrownBy(() -> KeyFile.read(file))
                    .as(cases[i][0]).isInstanceOf(KeyFileException.class)
                    .hasMessageContaining("malformed").hasMessageContaining(cases[i][1])
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(seedBase64.substring(20, 40)));
        }
    }

    @Test
    void refusesOversizedFile() throws Exception {
        byte[] big = new byte[10_000];
        Arrays.fill(big, (byte) 'A');
        Path file = ownerOnlyFile("big.key", big);
        assertThatThrownBy(() -> KeyFile.read(file)).hasMessageContaining("larger than");
    }

    @Test
    void readsWhatOpensslWrites() throws Exception {
        assumeTrue(commandExists("openssl"), "openssl is not installed");
        Path file = dir.resolve("openssl.key");
        run("openssl", "genpkey", "-algorithm", "ed25519", "-out", file.toString());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Path pub = dir.resolve("openssl.pub.der");
        run("openssl", "pkey", "-in", file.toString(), "-pubout", "-outform", "DER", "-out", pub.toString());
        byte[] der = Files.readAllBytes(pub);

        KeyPair key = KeyFile.read(file);

        assertThat(key.publicKey().toByteArray()).isEqualTo(Arrays.copyOfRange(der, der.length - 32, der.length));
    }

    private Path ownerOnlyFile(String name, byte[] content) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static String pem(String body) {
        return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
    }

    private static boolean commandExists(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }
}
