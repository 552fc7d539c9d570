package io.cairn.node.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads a config file into a {@link NodeConfig}, checking each field's type, form and range. */
final class ConfigReader {
    /** Far beyond any real config; a limit so a wrong path (a log, a disk image) fails fast. */
    static final int MAX_BYTES = 1 << 20;

    private static final List<String> TOP = List.of("key", "dataDir", "genesis", "p2p", "rpc", "limits", "consensus", "testnet");
    private static final List<String> P2P = List.of("listen", "peers");
    private static final List<String> RPC = List.of("listen");
    private static final List<String> LIMITS =
            List.of("mempoolTransactions", "mempoolBytes", "nonceWindow", "peerQueueBytes", "rpcMaxBodyBytes");
    private static final List<String> CONSENSUS = List.of("tickMillis", "emptyBlocks", "voteLog");
    private static final List<String> TESTNET = List.of("adminListen");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private ConfigReader() {}

    /** Every field the reader knows, as dotted paths ({@code p2p.listen}); sections are not listed. */
    static List<String> fieldPaths() {
        List<String> paths = new ArrayList<>(List.of("key", "dataDir", "genesis"));
        P2P.forEach(name -> paths.add("p2p." + name));
        RPC.forEach(name -> paths.add("rpc." + name));
        LIMITS.forEach(name -> paths.add("limits." + name));
        CONSENSUS.forEach(name -> paths.add("consensus." + name));
        TESTNET.forEach(name -> paths.add("testnet." + name));
        return paths;
    }

    static NodeConfig read(Path file) throws ConfigException {
        String source = file.toString();
        Format format = Format.of(file)
                .orElseThrow(() -> new ConfigException(source + ": unknown config format; name the file *.yaml, *.yml or *.json"));
        JsonNode document = parse(format, readBounded(file, source), source);
        if (document == null || document.isMissingNode() || document.isNull()) {
            throw new ConfigException(source + ": the file is empty; expected the fields " + String.join(", ", TOP));
        }
        if (!document.isObject()) {
            throw new ConfigException(source + ": expected fields (" + String.join(", ", TOP)
                    + ") at the top level, got " + ConfigField.describe(document));
        }
        return fromTree(ConfigField.root(source, document).object(TOP), file);
    }

    private static NodeConfig fromTree(ConfigField top, Path file) throws ConfigException {
        Path base = file.toAbsolutePath().getParent();
        Path key = path(top.required("key"), base);
        Path dataDir = path(top.required("dataDir"), base);
        Path genesis = path(top.required("genesis"), base);
        ConfigField p2p = top.required("p2p").object(P2P);
        HostPort p2pListen = hostPort(p2p.required("listen"));
        List<PeerAddress> peers = new ArrayList<>();
        for (ConfigField peer : p2p.required("peers").elements()) {
            peers.add(peer(peer));
        }
        HostPort rpcListen = hostPort(top.required("rpc").object(RPC).required("listen"));
        Limits limits = limits(top.optional("limits"));
        ConsensusOptions consensus = consensus(top.optional("consensus"), base);
        Optional<HostPort> adminListen = testnetAdmin(top.optional("testnet"));
        return new NodeConfig(file, key, dataDir, genesis,
                p2pListen, peers, rpcListen, limits, consensus, adminListen);
    }

    /** The test-only fault-injection admin: loopback only, so no other machine can partition a node. */
    private static Optional<HostPort> testnetAdmin(Optional<ConfigField> section) throws ConfigException {
        if (section.isEmpty()) {
            return Optional.empty();
        }
        ConfigField field = section.get().object(TESTNET).required("adminListen");
        HostPort address = hostPort(field);
        if (!isLoopback(address)) {
            throw field.invalid(ConfigField.quote(address.toString())
                    + " is not a loopback address; the test-only admin listens on 127.0.0.1, [::1] or localhost only");
        }
        return Optional.of(address);
    }

    private static boolean isLoopback(HostPort address) {
        if (address.host().equalsIgnoreCase("localhost")) {
            return true;
        }
        // An IP literal is parsed, never looked up; a host name other than localhost is refused.
        return address.isIpLiteral() && address.toSocketAddress().getAddress().isLoopbackAddress();
    }

    private static Path path(ConfigField field, Path base) throws ConfigException {
        String text = field.text();
        try {
            return base.resolve(text).normalize();
        } catch (InvalidPathException e) {
            throw field.invalid(ConfigField.quote(text) + " is not a valid path: " + e.getReason());
        }
    }

    private static HostPort hostPort(ConfigField field) throws ConfigException {
        String text = field.text();
        try {
            return HostPort.parse(text);
        } catch (IllegalArgumentException e) {
            throw field.invalid(e.getMessage());
        }
    }

    private static PeerAddress peer(ConfigField field) throws ConfigException {
        String text = field.text();
        try {
            return PeerAddress.parse(text);
        } catch (IllegalArgumentException e) {
            String problem = e.getMessage();
            // The host:port part's own message does not show the whole entry; this one should.
            throw field.invalid(problem.startsWith("'" + text) ? problem : ConfigField.quote(text) + ": " + problem);
        }
    }

    private static Limits limits(Optional<ConfigField> section) throws ConfigException {
        Limits d = Limits.DEFAULTS;
        if (section.isEmpty()) {
            return d;
        }
        ConfigField limits = section.get().object(LIMITS);
        return new Limits(
                (int) integerOr(limits, "mempoolTransactions", Limits.MEMPOOL_TRANSACTIONS_MIN,
                        Limits.MEMPOOL_TRANSACTIONS_MAX, d.mempoolTransactions()),
                integerOr(limits, "mempoolBytes", Limits.MEMPOOL_BYTES_MIN, Limits.MEMPOOL_BYTES_MAX, d.mempoolBytes()),
                (int) integerOr(limits, "nonceWindow", Limits.NONCE_WINDOW_MIN, Limits.NONCE_WINDOW_MAX, d.nonceWindow()),
                integerOr(limits, "peerQueueBytes", Limits.PEER_QUEUE_BYTES_MIN, Limits.PEER_QUEUE_BYTES_MAX,
                        d.peerQueueBytes()),
                (int) integerOr(limits, "rpcMaxBodyBytes", Limits.RPC_MAX_BODY_BYTES_MIN,
                        Limits.RPC_MAX_BODY_BYTES_MAX, d.rpcMaxBodyBytes()));
    }

    private static ConsensusOptions consensus(Optional<ConfigField> section, Path base) throws ConfigException {
        ConsensusOptions d = ConsensusOptions.DEFAULTS;
        if (section.isEmpty()) {
            return d;
        }
        ConfigField consensus = section.get().object(CONSENSUS);
        int tickMillis = (int) integerOr(consensus, "tickMillis",
                ConsensusOptions.TICK_MILLIS_MIN, ConsensusOptions.TICK_MILLIS_MAX, d.tickMillis());
        Optional<ConfigField> emptyBlocks = consensus.optional("emptyBlocks");
        Optional<ConfigField> voteLog = consensus.optional("voteLog");
        return new ConsensusOptions(tickMillis, emptyBlocks.isPresent() ? emptyBlocks.get().bool() : d.emptyBlocks(),
                voteLog.isPresent() ? Optional.of(path(voteLog.get(), base)) : Optional.empty());
    }

    private static long integerOr(ConfigField object, String name, long min, long max, long fallback)
            throws ConfigException {
        Optional<ConfigField> field = object.optional(name);
        return field.isPresent() ? field.get().integer(min, max) : fallback;
    }

    private static byte[] readBounded(Path file, String source) throws ConfigException {
        if (Files.isDirectory(file)) {
            throw new ConfigException(source + ": is a directory, not a config file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new ConfigException(source + ": the file is larger than " + MAX_BYTES + " bytes; is it the config?");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new ConfigException(source + ": no such file");
        } catch (AccessDeniedException e) {
            throw new ConfigException(source + ": cannot read the file: permission denied");
        } catch (IOException e) {
            throw new ConfigException(source + ": cannot read the file: " + e.getMessage(), e);
        }
    }

    private static JsonNode parse(Format format, byte[] bytes, String source) throws ConfigException {
        ObjectMapper mapper = format == Format.JSON ? JSON : YAML;
        try (JsonParser parser = mapper.createParser(bytes)) {
            JsonNode document = mapper.readTree(parser);
            if (document != null && parser.nextToken() != null) {
                throw new ConfigException(source + ": unexpected content after the " + format.label + " document"
                        + at(parser.currentTokenLocation()));
            }
            return document;
        } catch (JsonProcessingException e) {
            throw syntaxError(e, format, source);
        } catch (IOException e) {
            throw new ConfigException(source + ": cannot parse: " + e.getMessage(), e);
        }
    }

    private static ConfigException syntaxError(JsonProcessingException e, Format format, String source) {
        String message = e.getOriginalMessage();
        if (message.startsWith("Duplicate field") && e.getProcessor() instanceof JsonParser parser) {
            return new ConfigException(source + ": " + pathOf(parser.getParsingContext()) + ": the field appears twice"
                    + at(e.getLocation()));
        }
        return new ConfigException(source + ": not valid " + format.label + at(e.getLocation()) + ": " + problem(message));
    }

    /**
     * The parser's problem on one line. SnakeYAML's messages span lines, quoting the offending
     * line with a caret under it; the location is reported separately, so keep only the prose.
     */
    private static String problem(String message) {
        return message.lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .map(line -> line.replaceAll("\\[Source: [^;]*; ", "["))
                .collect(Collectors.joining("; "));
    }

    /** The path of the value a parser is at, in the {@code p2p.peers[2]} style. */
    private static String pathOf(JsonStreamContext context) {
        Deque<String> segments = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            segments.addFirst(c.inArray() ? "[" + c.getCurrentIndex() + "]" : "." + c.getCurrentName());
        }
        String path = String.join("", segments);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private enum Format {
        JSON("JSON"),
        YAML("YAML");

        final String label;

        Format(String label) {
            this.label = label;
        }

        static Optional<Format> of(Path file) {
            Path name = file.getFileName();
            String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
            if (lower.endsWith(".json")) {
                return Optional.of(JSON);
            }
            if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
                return Optional.of(YAML);
            }
            return Optional.empty();
        }
    }
}
