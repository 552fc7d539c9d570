package io.cairn.ledger.genesis;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.cairn.ledger.Genesis;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Reads and writes genesis JSON files (docs/genesis.md). Reading is strict: unknown fields,
 * repeated keys, wrong types, inexact numbers and trailing content are all errors, each a
 * {@link GenesisException} with one line {@code <source>: <field path>: <problem>}. Writing
 * produces every field, so {@code read(write(g))} equals {@code g}, and never leaves a
 * half-written file or replaces an existing one.
 */
public final class GenesisFile {
    /** The largest genesis file read or written: far beyond a real one, small enough to hold in memory. */
    public static final int MAX_BYTES = 16 * 1024 * 1024;
    private static final String MAX_TEXT = "16 MiB (" + MAX_BYTES + " bytes)";
    private static final Set<PosixFilePermission> PUBLIC_READ = PosixFilePermissions.fromString("rw-r--r--");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // Fractions and exponents stay as written ("1E+3", "1.0") for the error message.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();
    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter(
                    Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                            .withArrayEmptySeparator("")
                            .withObjectEmptySeparator(""))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private GenesisFile() {}

    /** Reads the genesis file at {@code path}; messages name it as given. */
    public static Genesis read(Path path) throws GenesisException {
        String source = path.toString();
        return parse(decodeUtf8(readBounded(path, source), source), source);
    }

    /** Parses genesis JSON; {@code sourceName} starts every error message (usually the file name). */
    public static Genesis parse(String json, String sourceName) throws GenesisException {
        JsonNode document = parseDocument(json, sourceName);
        try {
            return GenesisJson.fromTree(document);
        } catch (InvalidFieldException e) {
            throw fail(sourceName, e.path() + ": " + e.problem());
        } catch (IllegalArgumentException e) {
            // Genesis's own rules (duplicates, supply, consensus ranges): the message starts with the path.
            throw new GenesisException(oneLine(sourceName + ": " + e.getMessage()), e);
        }
    }

    /** The genesis as pretty-printed JSON with every field, ending in a newline. */
    public static String toJson(Genesis genesis) {
        try {
            return PRETTY.writeValueAsString(GenesisJson.toTree(genesis)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    /**
     * Writes a new genesis file: the JSON goes to a synced temporary file in the same directory,
     * which then appears under {@code path} in one step. An existing file is never replaced.
     */
    public static void write(Path path, Genesis genesis) throws GenesisException {
        String source = path.toString();
        byte[] bytes = toJson(genesis).getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            throw fail(source, "the genesis is " + bytes.length + " bytes of JSON, more than the limit of " + MAX_TEXT);
        }
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw fail(source, "already exists; refusing to overwrite it");
        }
        Path directory = path.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(directory, ".genesis-", ".tmp");
            if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temp, PUBLIC_READ); // a genesis holds no secrets
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            publish(temp, path);
            syncDirectory(directory);
        } catch (FileAlreadyExistsException e) {
            throw fail(source, "already exists; refusing to overwrite it");
        } catch (NoSuchFileException e) {
            throw fail(source, "cannot write the file: directory " + directory + " does not exist");
        } catch (AccessDeniedException e) {
            throw fail(source, "cannot write the file: permission denied");
        } catch (IOException e) {
            throw new GenesisException(oneLine(source + ": cannot write the file: " + e.getMessage()), e);
        } finally {
            deleteIfPresent(temp);
        }
    }

    private static byte[] readBounded(Path path, String source) throws GenesisException {
        if (Files.isDirectory(path)) {
            throw fail(source, "is a directory, not a genesis file");
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw fail(source, "the file is larger than the limit of " + MAX_TEXT);
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw fail(source, "no such file");
        } catch (AccessDeniedException e) {
            throw fail(source, "cannot read the file: permission denied");
        } catch (IOException e) {
            throw new GenesisException(oneLine(source + ": cannot read the file: " + e.getMessage()), e);
        }
    }

    private static String decodeUtf8(byte[] bytes, String source) throws GenesisException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never decodes to more chars than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw fail(source, "not valid UTF-8 text (at byte " + in.position() + ")");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static JsonNode parseDocument(String json, String source) throws GenesisException {
        String text = json.startsWith("\uFEFF") ? json.substring(1) : json; // a byte order mark some editors add
        if (text.isBlank()) {
            throw fail(source, "empty (expected a JSON object)");
        }
        JsonNode document;
        try (JsonParser parser = MAPPER.createParser(text)) {
            document = MAPPER.readTree(parser);
            requireEnd(parser, source);
        } catch (JsonProcessingException e) {
            throw syntaxError(e, source);
        } catch (IOException e) {
            throw new GenesisException(oneLine(source + ": cannot parse: " + e.getMessage()), e);
        }
        if (!document.isObject()) {
            throw fail(source, "expected a JSON object at the top level, got " + JsonField.describe(document));
        }
        return document;
    }

    private static void requireEnd(JsonParser parser, String source) throws GenesisException, IOException {
        JsonToken next;
        try {
            next = parser.nextToken();
        } catch (JsonProcessingException e) {
            throw fail(source, "unexpected content after the JSON object" + at(e.getLocation()));
        }
        if (next != null) {
            throw fail(source, "unexpected content after the JSON object" + at(parser.currentTokenLocation()));
        }
    }

    private static GenesisException syntaxError(JsonProcessingException e, String source) {
        String message = e.getOriginalMessage();
        if (message.startsWith("Duplicate field") && e.getProcessor() instanceof JsonParser parser) {
            return fail(source, pathOf(parser.getParsingContext()) + ": duplicate key" + at(e.getLocation()));
        }
        // Jackson names the input "REDACTED" inside nested locations; the source is already named.
        return fail(source, "not valid JSON" + at(e.getLocation()) + ": " + message.replaceAll("\\[Source: [^;]*; ", "["));
    }

    /** The path of the value a parser context is at, in the {@code a.b[2].c} style. */
    private static String pathOf(JsonStreamContext context) {
        Deque<String> segments = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            segments.addFirst(c.inArray() ? "[" + c.getCurrentIndex() + "]" : "." + c.getCurrentName());
        }
        String path = String.join("", segments);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Publishes the complete temp file at {@code target} in one step, never replacing a file there. */
    private static void publish(Path temp, Path target) throws IOException {
        try {
            Files.createLink(target, temp); // link(2) is atomic and fails if the target exists
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException | UnsupportedOperationException e) {
            // A file system without hard links: rename, which refuses an existing target first.
            Files.move(temp, target);
        }
    }

    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true); // makes the new directory entry durable, not just the file's bytes
        } catch (IOException e) {
            // Some platforms cannot open a directory; the file's bytes are synced already.
        }
    }

    private static void deleteIfPresent(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // A leftover hidden temp file is harmless; the write itself succeeded or already failed.
        }
    }

    private static GenesisException fail(String source, String problem) {
        return new GenesisException(oneLine(source + ": " + problem));
    }

    /** Escapes line breaks and other control characters that user text could bring into a message. */
    private static String oneLine(String message) {
        StringBuilder out = new StringBuilder(message.length());
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
