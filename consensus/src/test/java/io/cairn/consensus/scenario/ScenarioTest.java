package io.cairn.consensus.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file under scenarios/ is one test: scripted events in, the exact outputs out (see
 * {@link ScenarioRunner} for the format). Each file opens with the paper section it checks.
 */
class ScenarioTest {
    @TestFactory
    Stream<DynamicTest> scenarios() throws IOException, URISyntaxException {
        Path directory = Path.of(ScenarioTest.class.getResource("/scenarios").toURI());
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(path -> path.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(files).as("scenario files").isNotEmpty();
        return files.stream().map(file -> {
            String text = read(file);
            String name = file.getFileName().toString();
            return DynamicTest.dynamicTest(name + " — " + ScenarioParser.reference(text), () -> {
                assertThat(ScenarioParser.reference(text)).as(name + " must open with '# ... Reference: PBFT section ...'")
                        .startsWith("Reference: PBFT section");
                ScenarioRunner.run(name, text);
            });
        });
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
