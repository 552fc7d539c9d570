package io.cairn.node.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumDriverLogLevel;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's headless chromium, driven through the system's chromedriver, on the explorer one
 * node serves. Nothing is downloaded: both binaries are given by path, so Selenium Manager never
 * runs, and the browser's own background traffic (updates, sync, QUIC probes) is off. Reads the
 * page only through the hooks of the explorer's DOM contract (ids and data attributes).
 */
final class ExplorerBrowser implements AutoCloseable {
    /** Debian's; a -Dcairn.chromium=... / -Dcairn.chromedriver=... on the mvn command line picks others. */
    static final Path CHROMIUM = Paths.get(System.getProperty("cairn.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Paths.get(System.getProperty("cairn.chromedriver", "/usr/bin/chromedriver"));
    static final String NOT_INSTALLED = "chromium and chromium-driver are not installed; .ci/run installs them";
    private static final Duration BOUND = Duration.ofSeconds(20);

    private final String base;
    private final Path screenshots;
    private final Path profile;
    private final ChromeDriver driver;

    /** Both binaries present and runnable: the browser tests can run. */
    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** A fresh browser profile on the explorer at {@code base} (e.g. http://127.0.0.1:8001). */
    ExplorerBrowser(String base, Path screenshots) throws IOException {
        this.base = base;
        this.screenshots = Files.createDirectories(screenshots);
        this.profile = Files.createTempDirectory("cairn-explorer-profile");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,900");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .withLogFile(screenshots.resolve("chromedriver.log").toFile())
                .withLogLevel(ChromiumDriverLogLevel.WARNING)
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(BOUND).scriptTimeout(BOUND);
    }

    /** Loads {@code route} (e.g. "#/block/1") as a person following a link from elsewhere would. */
    void open(String route) {
        // From a blank page, so that this is a fresh load even when only the route differs from
        // the page shown (which the browser would otherwise treat as navigation inside the page).
        driver.get("about:blank");
        driver.get(base + "/" + route);
    }

    void reload() {
        driver.navigate().refresh();
    }

    /** The route after '#', as the address bar shows it. */
    String route() {
        String url = driver.getCurrentUrl();
        int hash = url.indexOf('#');
        return hash < 0 ? "" : url.substring(hash);
    }

    /** Waits until #page shows {@code page} (dashboard, block, tx, account, search, not-found) and has loaded. */
    void awaitPage(String page) {
        awaitShown("#page[data-page='" + page + "']:not([data-loading='true'])");
    }

    /** Waits until an element matching {@code css} is shown. */
    void awaitShown(String css) {
        wait("an element shown for " + css).until(d -> firstShown(d.findElements(By.cssSelector(css))));
    }

    /** Waits until an element matching {@code css} is shown; returns its text. */
    String awaitShownText(String css) {
        return wait("an element shown for " + css).until(d -> {
            WebElement element = firstShown(d.findElements(By.cssSelector(css)));
            return element == null ? null : element.getText().strip();
        });
    }

    /** Waits until an element matching {@code css} is shown; returns its {@code attribute} (null if it has none). */
    String awaitShownAttribute(String css, String attribute) {
        return wait("an element shown for " + css).until(d -> {
            WebElement element = firstShown(d.findElements(By.cssSelector(css)));
            return element == null ? null : Optional.ofNullable(element.getDomAttribute(attribute));
        }).orElse(null);
    }

    /** Waits until the text of #{@code id} satisfies {@code condition}; returns that text. */
    String awaitText(String id, String expected, Predicate<String> condition) {
        return wait("#" + id + " to show " + expected).until(d -> {
            List<WebElement> found = d.findElements(By.id(id));
            String text = found.isEmpty() ? null : found.get(0).getText().strip();
            return text != null && condition.test(text) ? text : null;
        });
    }

    /** Waits until #{@code id} has {@code attribute} = {@code value}; returns its text then. */
    String awaitAttribute(String id, String attribute, String value) {
        return wait("#" + id + " with " + attribute + "=\"" + value + "\"").until(d -> {
            List<WebElement> found = d.findElements(By.id(id));
            return !found.isEmpty() && value.equals(found.get(0).getDomAttribute(attribute))
                    ? found.get(0).getText().strip() : null;
        });
    }

    /** The text of #{@code id} as shown now (waiting only for it to exist). */
    String text(String id) {
        return wait("#" + id).until(d -> d.findElement(By.id(id)).getText().strip());
    }

    /** How many elements match {@code css} now. */
    int count(String css) {
        return driver.findElements(By.cssSelector(css)).size();
    }

    /** Whether an element matching {@code css} is shown now. */
    boolean isShown(String css) {
        return wait("a look at " + css).until(d -> Optional.of(firstShown(d.findElements(By.cssSelector(css))) != null))
                .get();
    }

    /** The text of each element matching {@code css}, read at one instant. */
    List<String> texts(String css) {
        List<?> texts = (List<?>) script("return Array.from(document.querySelectorAll(arguments[0]))"
                + ".map(element => element.innerText.trim());", css);
        return texts.stream().map(String::valueOf).toList();
    }

    /** The values of {@code attribute} over the elements matching {@code css}, read at one instant. */
    Set<String> attributeValues(String css, String attribute) {
        List<?> values = (List<?>) script("return Array.from(document.querySelectorAll(arguments[0]))"
                + ".map(element => element.getAttribute(arguments[1]));", css, attribute);
        return values.stream().map(String::valueOf).collect(Collectors.toSet());
    }

    /** Types {@code query} into #search and submits #search-form, as a person pressing Enter. */
    void search(String query) {
        WebElement box = driver.findElement(By.id("search"));
        box.clear();
        box.sendKeys(query);
        driver.findElement(By.id("search-form")).submit();
    }

    /**
     * Clicks the link to one of {@code routes} in the element {@code css}: the element itself when it
     * is that link, else a link inside it.
     */
    void follow(String css, String... routes) {
        Predicate<WebElement> linksThere = link -> List.of(routes).contains(linkTarget(link));
        wait("a link to " + List.of(routes) + " in " + css).until(d -> {
            WebElement element = firstShown(d.findElements(By.cssSelector(css)));
            if (element == null) {
                return false;
            }
            WebElement link = linksThere.test(element) ? element
                    : element.findElements(By.cssSelector("a[href]")).stream().filter(linksThere).findFirst()
                            .orElseThrow(() -> new AssertionError(css + " has no link to any of " + List.of(routes)
                                    + "; its HTML: " + element.getDomProperty("outerHTML")));
            link.click();
            return true;
        });
    }

    private static WebElement firstShown(List<WebElement> elements) {
        return elements.stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
    }

    private static String linkTarget(WebElement element) {
        String href = element.getDomAttribute("href");
        return href == null || href.indexOf('#') < 0 ? "" : href.substring(href.indexOf('#'));
    }

    /** Leaves a mark in the page's window: it survives hash navigation and live updates, not a reload. */
    void markDocument() {
        script("window.cairnExplorerTestMark = 'still this document';");
    }

    boolean sameDocumentAsMarked() {
        return "still this document".equals(script("return window.cairnExplorerTestMark;"));
    }

    /** Emulates a phone's viewport (CSS pixels, touch, mobile layout) through the DevTools protocol. */
    void phoneViewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 2, "mobile", true));
    }

    void desktopViewport() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    /** How far the document is wider than the viewport, in CSS pixels (0 when nothing overflows sideways). */
    long sidewaysOverflow() {
        return ((Number) script("return document.documentElement.scrollWidth - window.innerWidth;")).longValue();
    }

    Object script(String source, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(source, arguments);
    }

    /** Writes the whole page as it looks now, beyond the viewport too, to {@code name}.png among the screenshots. */
    Path screenshot(String name) throws IOException {
        Map<?, ?> size = (Map<?, ?>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of()).get("cssContentSize");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", size.get("width"),
                        "height", size.get("height"), "scale", 1)));
        Path file = screenshots.resolve(name + ".png");
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        return file;
    }

    /** For a failed test: the screenshot and the browser console, under {@code name}. */
    void keepEvidence(String name) {
        try {
            screenshot(name);
            String console = driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString)
                    .collect(Collectors.joining("\n"));
            Files.writeString(screenshots.resolve(name + ".console.log"), console + "\n" + route() + "\n");
        } catch (IOException | RuntimeException e) {
            System.err.println("could not keep the browser's evidence for " + name + ": " + e);
        }
    }

    private WebDriverWait wait(String what) {
        WebDriverWait wait = new WebDriverWait(driver, BOUND, Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class); // the page re-renders what changed
        wait.withMessage(() -> "waited " + BOUND.toSeconds() + " s for " + what + " on " + route());
        return wait;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try {
                LocalNetwork.deleteRecursively(profile);
            } catch (IOException e) {
                System.err.println("left the browser profile " + profile + ": " + e);
            }
        }
    }
}
