package io.cairn.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The block explorer as the server hands it out: index.html at {@code /}, every file of
 * {@code resources/explorer} with its content type and caching headers, nothing that points off
 * the node, a module graph with no missing file, and nothing else of the classpath served.
 */
class ExplorerFilesTest {
    @RegisterExtension
    static final RpcServerFixture fixture = new RpcServerFixture();
    private static final RpcClient client = fixture.client;
    private static final Path EXPLORER = explorerDirectory();
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html;charset=utf-8",
            "css", "text/css;charset=utf-8",
            "js", "text/javascript;charset=utf-8");
    /** The module named by a static import or export ... from, or by a dynamic import(). */
    private static final Pattern IMPORT = Pattern.compile(
            "(?m)^\\s*(?:import|export)\\b[^;'\"]*?from\\s*'([^']+)'|\\bimport\\(\\s*'([^']+)'\\s*\\)");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\b(?:src|href)=\"([^\"]*)\"");

    private static Path explorerDirectory() {
        URL url = RpcServer.class.getResource(RpcServer.EXPLORER_DIRECTORY);
        assertThat(url).as("the explorer's files on the test classpath").isNotNull();
        try {
            return Paths.get(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> explorerFiles() {
        try (Stream<Path> files = Files.walk(EXPLORER)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String urlPath(Path file) {
        return "/" + EXPLORER.relativize(file).toString().replace('\\', '/');
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static HttpResponse<byte[]> getBytes(String path, String ifNoneMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fixture.server.port() + path))
                .timeout(Duration.ofSeconds(10)).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theRootIsTheExplorerPageInHtml() throws IOException {
        RpcClient.Answer answer = client.get("/");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).hasValue("text/html;charset=utf-8");
        assertThat(answer.body()).isEqualTo(Files.readString(EXPLORER.resolve("index.html")))
                .contains("<main id=\"page\"").contains("<script type=\"module\" src=\"js/app.js\">");
    }

    @Test
    void everyFileIsServedAsItIsWithItsContentTypeAndARevalidatingCache() throws IOException {
        List<Path> files = explorerFiles();
        assertThat(files.stream().map(ExplorerFilesTest::urlPath)).contains("/index.html", "/style.css", "/js/app.js",
                "/js/api.js", "/js/verify.js", "/js/chart.js", "/js/pages/dashboard.js");
        for (Path file : files) {
            HttpResponse<byte[]> response = getBytes(urlPath(file), null);
            assertThat(response.statusCode()).as(urlPath(file)).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).as(urlPath(file))
                    .hasValue(CONTENT_TYPES.get(extension(file)));
            assertThat(response.body()).as(urlPath(file)).isEqualTo(Files.readAllBytes(file));
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
            String etag = response.headers().firstValue("ETag").orElseThrow();
            // A browser revalidates each module on load; an unchanged one costs a 304 and no body.
            HttpResponse<byte[]> again = getBytes(urlPath(file), etag);
            assertThat(again.statusCode()).as("revalidating %s", urlPath(file)).isEqualTo(304);
            assertThat(again.body()).isEmpty();
        }
    }

    @Test
    void noFileNamesAnAddressOffTheNode() throws IOException {
        for (Path file : explorerFiles()) {
            String text = Files.readString(file);
            assertThat(text).as(urlPath(file)).doesNotContainIgnoringCase("http://")
                    .doesNotContainIgnoringCase("https://").doesNotContain("url(//").doesNotContain("\"//");
        }
    }

    @Test
    void theHtmlReferencesOnlyFilesThatAreThere() throws IOException {
        String html = Files.readString(EXPLORER.resolve("index.html"));
        List<String> references = new ArrayList<>();
        Matcher matcher = ATTRIBUTE.matcher(html);
        while (matcher.find()) {
            references.add(matcher.group(1));
        }
        assertThat(references).contains("style.css", "js/app.js");
        for (String reference : references) {
            // A fragment is a route of the page; a data: URI (the icon) is inline: neither is fetched.
            if (!reference.startsWith("#") && !reference.startsWith("data:image/")) {
                assertThat(reference).as("a local relative path").doesNotContain(":").doesNotStartWith("/");
                assertThat(EXPLORER.resolve(reference)).as(reference).isRegularFile();
            }
        }
    }

    @Test
    void everyModuleImportIsAFileThatIsServed() throws IOException {
        int imports = 0;
        for (Path file : explorerFiles().stream().filter(f -> extension(f).equals("js")).toList()) {
            Matcher matcher = IMPORT.matcher(Files.readString(file));
            while (matcher.find()) {
                String specifier = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
                assertThat(specifier).as("import in %s", urlPath(file)).startsWith(".").endsWith(".js");
                Path target = file.getParent().resolve(specifier).normalize();
                assertThat(target).as("%s imports %s", urlPath(file), specifier).isRegularFile();
                assertThat(target.startsWith(EXPLORER)).isTrue();
                imports++;
            }
        }
        assertThat(imports).as("imports found (the pattern still matches the code)").isGreaterThan(20);
    }

    @Test
    void theApiPathsStillAnswerBesideTheExplorer() {
        assertThat(client.result("node_status", null).get("height").asLong()).isEqualTo(InMemoryNode.BLOCKS);
        assertThat(client.get("/health").status()).isEqualTo(200);
        RpcClient.Answer metrics = client.get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).hasValue(RpcServer.PROMETHEUS_TEXT);
        RpcClient.Answer rpcByGet = client.get("/rpc");
        assertThat(rpcByGet.status()).isEqualTo(405);
        assertThat(rpcByGet.json().get("status").asInt()).isEqualTo(405);
    }

    @Test
    void aMissingFileIsAJson404AndNothingElseOfTheClasspathIsServed() {
        for (String path : List.of("/js/missing.js", "/explorer/index.html", "/logback-test.xml",
                "/io/cairn/rpc/RpcServer.class", "/META-INF/MANIFEST.MF", "/js/../../logback-test.xml",
                "/%2e%2e/logback-test.xml", "/js/%2e%2e/%2e%2e/io/cairn/rpc/RpcServer.class")) {
            RpcClient.Answer answer = client.get(path);
            assertThat(answer.status()).as(path).isIn(400, 404);
            assertThat(answer.contentType()).as(path).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            assertThat(answer.json().get("status").asInt()).as(path).isEqualTo(answer.status());
        }
        assertThat(client.get("/").status()).isEqualTo(200);
    }

    @Test
    void aPostToAnExplorerFileIsRefusedInJson() {
        RpcClient.Answer answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fixture.server.port()
                + "/index.html")).POST(HttpRequest.BodyPublishers.ofString("x", StandardCharsets.UTF_8)).build());
        assertThat(answer.status()).isIn(404, 405);
        assertThat(answer.json().get("status").asInt()).isEqualTo(answer.status());
    }
}
