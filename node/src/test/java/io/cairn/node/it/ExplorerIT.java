package io.cairn.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.crypto.KeyPair;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The block explorer in a real browser (headless chromium) against a real network of four
 * validator processes, through node 0's RPC address. It asserts what a person sees, through the
 * hooks of the explorer's DOM contract, against what the node's JSON-RPC reports; and writes a
 * screenshot of each page under target/explorer-screenshots. Skipped, saying why, where chromium
 * and its driver are not installed.
 */
class ExplorerIT {
    private static final Path SCREENSHOTS = Paths.get("target", "explorer-screenshots").toAbsolutePath();
    private static final Duration COMMIT_BOUND = Duration.ofSeconds(30);
    private static final Pattern VERIFIED_CERTIFICATE =
            Pattern.compile("final: signed by (\\d+) of 4 validators \u2014 verified in your browser");

    private static LocalNetwork network;
    private static ExplorerBrowser browser;
    /** Transfers committed before any test runs: the blocks, transactions and accounts to look at. */
    private static List<String> committed;

    /** On a failure, the page as it looked and the browser console, next to the screenshots. */
    @RegisterExtension
    static final TestWatcher EVIDENCE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                browser.keepEvidence("failed-" + context.getRequiredTestMethod().getName());
            }
        }
    };

    @BeforeAll
    static void startNetworkAndBrowser() throws Exception {
        if (!ExplorerBrowser.installed()) {
            return; // each test is skipped, saying why (a class-wide skip would be reported as no tests at all)
        }
        network = LocalNetwork.create("explorer", 4, false);
        network.startAll();
        Transfers transfers = new Transfers(network);
        assertThat(transfers.submit(4, 0, 1, 2, 3)).isEqualTo(4);
        committed = transfers.admitted();
        Convergence.awaitCommitted(network, committed, COMMIT_BOUND, 0, 1, 2, 3);
        assertTheExplorerIsServed(network.rpcPort(0));
        LocalNetwork.deleteRecursively(SCREENSHOTS); // no evidence of an earlier run's failures left about
        browser = new ExplorerBrowser("http://127.0.0.1:" + network.rpcPort(0), SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowserAndNetwork() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (network != null) {
                network.close();
            }
        }
    }

    @BeforeEach
    void browserInstalled() {
        assumeTrue(ExplorerBrowser.installed(), ExplorerBrowser.NOT_INSTALLED);
    }

    @AfterEach
    void desktopAgain() {
        if (browser != null) {
            browser.desktopViewport();
        }
    }

    @Test
    void theDashboardShowsTheHeadHeightTheNodeReportsAndFollowsNewBlocksLive() throws Exception {
        long before = network.rpc(0).height();
        browser.open("#/");
        browser.awaitPage("dashboard");
        long shown = Long.parseLong(browser.awaitText("head-height", "a height of at least " + before,
                heightAtLeast(before)));
        assertThat(shown).as("the head height shown").isLessThanOrEqualTo(network.rpc(0).height());
        browser.awaitShown("#latest-blocks [data-height='" + shown + "']");
        assertThat(browser.count("svg#tps-chart")).as("the transactions-per-second chart").isEqualTo(1);
        assertThat(browser.attributeValues("#validators [data-index]", "data-index")).containsExactlyInAnyOrder(
                "0", "1", "2", "3");
        await("every validator shown online").atMost(Duration.ofSeconds(20)).until(
                () -> browser.texts("#validators [data-index]"),
                rows -> rows.size() >= 4 && rows.stream().allMatch(row -> row.contains("online")));

        browser.markDocument();
        String hash = submit(1, transfer(TestKeys.account(8), nonceOf(TestKeys.account(8))));
        Convergence.awaitCommitted(network, List.of(hash), COMMIT_BOUND, 0);
        long height = txGet(hash).get("height").asLong();
        browser.awaitText("head-height", "a height of at least " + height, heightAtLeast(height));
        browser.follow("#latest-blocks [data-height='" + height + "']", "#/block/" + height);
        browser.awaitPage("block");
        browser.awaitText("block-height", String.valueOf(height), String.valueOf(height)::equals);
        assertThat(browser.sameDocumentAsMarked()).as("the dashboard followed the chain without a reload").isTrue();
        browser.open("#/");
        browser.awaitPage("dashboard");
        browser.awaitShown("#latest-blocks [data-height='" + height + "']");
        browser.screenshot("dashboard");
    }

    @Test
    void aSubmittedTransactionAppearsLiveAndItsPageTurnsFromPendingToCommitted() throws Exception {
        KeyPair sender = TestKeys.account(9);
        long nonce = nonceOf(sender);
        // The later nonce first: admitted, but no block can take it before the earlier one, so
        // the page surely sees it pending first and must then turn it committed by itself.
        Transaction later = transfer(sender, nonce + 1);
        Transaction first = transfer(sender, nonce);
        String hash = later.hash().toHex();
        browser.open("#/");
        browser.awaitPage("dashboard");
        browser.markDocument();

        assertThat(submit(0, later)).isEqualTo(hash);
        browser.follow("#latest-txs [data-hash='" + hash + "']", "#/tx/" + hash);
        browser.awaitPage("tx");
        assertThat(browser.awaitAttribute("tx-status", "data-status", "pending")).isEqualTo("pending");

        submit(3, first);
        assertThat(browser.awaitAttribute("tx-status", "data-status", "committed")).isEqualTo("committed");
        assertThat(browser.awaitAttribute("proof-status", "data-verified", "true"))
                .isEqualTo("included: proof verified in your browser");
        assertThat(browser.sameDocumentAsMarked()).as("all of it live, without a reload").isTrue();
        browser.screenshot("tx");

        JsonNode tx = txGet(hash);
        assertThat(tx.get("status").asText()).isEqualTo("committed");
        long height = tx.get("height").asLong();
        String blockHash = network.rpc(0).block(height).get("hash").asText();
        browser.follow("#tx-block", "#/block/" + height, "#/block/" + blockHash);
        browser.awaitPage("block");
        browser.awaitText("block-height", String.valueOf(height), String.valueOf(height)::equals);
        browser.awaitShown("#block-txs [data-hash='" + hash + "']");
    }

    @Test
    void theBlockPageShowsItsTransactionsAndACertificateVerifiedInTheBrowser() throws Exception {
        long height = txGet(committed.get(0)).get("height").asLong();
        JsonNode block = network.rpc(0).block(height);
        browser.open("#/block/" + height);
        browser.awaitPage("block");
        browser.awaitText("block-height", String.valueOf(height), String.valueOf(height)::equals);
        assertThat(browser.awaitShownAttribute("#block-hash", "data-full")).isEqualTo(block.get("hash").asText());
        assertThat(browser.attributeValues("#block-txs [data-hash]", "data-hash"))
                .isEqualTo(new HashSet<>(block.get("transactions").findValuesAsText("hash")));

        assertCertificateVerified(block);
        browser.screenshot("block");
    }

    @Test
    void searchFindsABlockByHeightOrHashATransactionByHashAndAnAccountByAddress() throws Exception {
        String hash = committed.get(1);
        JsonNode tx = txGet(hash);
        long height = tx.get("height").asLong();
        String blockHash = network.rpc(0).block(height).get("hash").asText();
        browser.open("#/");
        browser.awaitPage("dashboard");

        // Each search lands on another kind of page than the one before, so that no wait is met
        // by the page that was there already.
        browser.search(String.valueOf(height));
        browser.awaitPage("block");
        browser.awaitText("block-height", String.valueOf(height), String.valueOf(height)::equals);

        browser.search(hash);
        browser.awaitPage("tx");
        browser.awaitAttribute("tx-status", "data-status", "committed");
        assertThat(browser.route()).isEqualTo("#/tx/" + hash);

        browser.search(blockHash);
        browser.awaitPage("block");
        assertThat(browser.awaitShownAttribute("#block-hash", "data-full")).isEqualTo(blockHash);
        assertThat(browser.text("block-height")).isEqualTo(String.valueOf(height));

        String address = tx.get("transaction").get("sender").asText();
        JsonNode account = network.rpc(0).result("state_getAccount", Map.of("address", address));
        browser.search(address);
        browser.awaitPage("account");
        String balance = account.get("balance").asText();
        browser.awaitText("account-balance", balance, text -> digits(text).equals(balance));
        assertThat(digits(browser.text("account-nonce"))).isEqualTo(account.get("nonce").asText());
        for (JsonNode permission : account.get("permissions")) {
            assertThat(browser.text("account-permissions")).contains(permission.asText());
        }
        browser.awaitShown("#account-txs [data-hash='" + hash + "']");
        browser.screenshot("account");
    }

    @Test
    void searchForWhatIsNotThereSaysNotFoundAndSearchKeepsWorking() throws Exception {
        long beyondHead = network.rpc(0).height() + 1_000;
        String unknownKey = TestKeys.stranger().publicKey().toHex(); // 64 hex: neither block, transaction nor account
        browser.open("#/");
        browser.awaitPage("dashboard");
        boolean first = true;
        for (String query : List.of("no such thing", String.valueOf(beyondHead), unknownKey)) {
            browser.search(query);
            assertThat(browser.awaitShownText("#not-found")).as("what the page says for %s", query)
                    .containsIgnoringCase("not found");
            if (first) {
                browser.screenshot("not-found");
                first = false;
            }
            browser.search("1");
            browser.awaitPage("block");
            browser.awaitText("block-height", "1", "1"::equals);
            assertThat(browser.isShown("#not-found")).as("a 'not found' left over once a search finds something")
                    .isFalse();
        }
    }

    @Test
    void aDeepLinkToABlockLoadsAndSurvivesAReload() throws Exception {
        JsonNode block = network.rpc(0).block(1);
        browser.open("#/block/1");
        browser.awaitPage("block");
        browser.awaitText("block-height", "1", "1"::equals);
        browser.markDocument();

        browser.reload();
        assertThat(browser.sameDocumentAsMarked()).as("a real reload").isFalse();
        assertThat(browser.route()).isEqualTo("#/block/1");
        browser.awaitPage("block");
        browser.awaitText("block-height", "1", "1"::equals);
        assertThat(browser.awaitShownAttribute("#block-hash", "data-full")).isEqualTo(block.get("hash").asText());
        assertCertificateVerified(block);
    }

    @Test
    void aPhoneWidthViewportStillRendersTheDashboard() throws Exception {
        long height = network.rpc(0).height();
        browser.phoneViewport(390, 844);
        browser.open("#/");
        browser.awaitPage("dashboard");
        assertThat(((Number) browser.script("return window.innerWidth;")).intValue()).as("viewport width")
                .isEqualTo(390);
        browser.awaitText("head-height", "a height of at least " + height, heightAtLeast(height));
        browser.awaitShown("#latest-blocks [data-height]");
        assertThat(browser.sidewaysOverflow()).as("CSS pixels the page is wider than a 390 px phone")
                .isLessThanOrEqualTo(0);
        browser.screenshot("phone");
    }

    /** The certificate check as the block page shows it, against the certificate the RPC gives. */
    private static void assertCertificateVerified(JsonNode block) {
        String status = browser.awaitAttribute("certificate-status", "data-verified", "true");
        Matcher matcher = VERIFIED_CERTIFICATE.matcher(status);
        assertThat(matcher.matches()).as("certificate status \"%s\"", status).isTrue();
        int signatures = block.get("certificate").get("signatures").size();
        assertThat(Integer.parseInt(matcher.group(1))).as("signers shown").isEqualTo(signatures);
        assertThat(browser.attributeValues("#certificate-signers [data-validator]", "data-validator")).hasSize(4);
        assertThat(browser.attributeValues("#certificate-signers [data-validator][data-signed='true']",
                "data-validator")).hasSize(signatures);
    }

    private static Predicate<String> heightAtLeast(long height) {
        return text -> text.matches("\\d+") && Long.parseLong(text) >= height;
    }

    /** The digits of a number as shown (a page may group them, as in 1,000,000). */
    private static String digits(String shown) {
        return shown.replaceAll("[^0-9]", "");
    }

    private static Transaction transfer(KeyPair sender, long nonce) {
        return Transaction.sign(TestGenesis.CHAIN_ID, sender, nonce,
                new Operation.Transfer(TestKeys.account(LocalNetwork.ACCOUNTS - 1).publicKey(), 1));
    }

    /** Submits {@code tx} to node {@code node}; returns its hash, once admitted. */
    private static String submit(int node, Transaction tx) throws Exception {
        JsonNode response = network.rpc(node).submit(tx.encode());
        assertThat(response.has("result")).as("node %d admits: %s", node, response).isTrue();
        return response.get("result").get("hash").asText();
    }

    private static JsonNode txGet(String hash) throws Exception {
        return network.rpc(0).result("tx_get", Map.of("hash", hash));
    }

    private static long nonceOf(KeyPair account) throws Exception {
        return network.rpc(0).result("state_getAccount", Map.of("address", account.publicKey().toHex()))
                .get("nonce").asLong();
    }

    /** Fails the whole class at once, saying why, when node 0 serves no explorer page at '/'. */
    private static void assertTheExplorerIsServed(int rpcPort) throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + rpcPort + "/"))
                        .timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as("HTTP status of the explorer page at / of node 0, which answered %.200s",
                page.body()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type").orElse("")).as("content type of /")
                .startsWith("text/html");
    }
}
