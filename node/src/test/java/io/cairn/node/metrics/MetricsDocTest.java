package io.cairn.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ledger.state.Rejection;
import io.cairn.node.mempool.Admission;
import io.cairn.node.p2p.DisconnectReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/metrics.md stays true: it names every metric the node publishes, and only those, with every label value. */
class MetricsDocTest {
    private static final Path DOC = Path.of("..", "docs", "metrics.md");
    /** A metric in the first column of a table row: | `cairn_name` or | `cairn_name{label}`. */
    private static final Pattern ROW = Pattern.compile("^\\| `(cairn_[a-z0-9_]+)(\\{[a-z]+})?` \\|", Pattern.MULTILINE);
    private static final Pattern TYPE = Pattern.compile("^# TYPE (\\S+) (\\S+)$", Pattern.MULTILINE);

    private static String doc() throws IOException {
        return Files.readString(DOC);
    }

    private static Set<String> published() {
        NodeMetrics metrics = new NodeMetrics(() -> 0L);
        metrics.watch(new FakeReadings());
        Set<String> families = new TreeSet<>();
        Matcher type = TYPE.matcher(metrics.scrape());
        while (type.find()) {
            families.add(type.group(1));
        }
        return families;
    }

    @Test
    void everyPublishedMetricHasItsRowAndEveryRowIsPublished() throws IOException {
        Set<String> documented = new TreeSet<>();
        Matcher row = ROW.matcher(doc());
        while (row.find()) {
            documented.add(row.group(1));
        }
        Set<String> published = published();
        published.remove("cairn_block_commit_latency_seconds_max"); // described in the histogram's row
        assertThat(documented).isEqualTo(published);
        assertThat(doc()).contains("`cairn_block_commit_latency_seconds_max`");
    }

    @Test
    void everyReasonLabelIsNamed() throws IOException {
        String doc = doc();
        Set<String> reasons = new TreeSet<>(Set.of(Admission.MALFORMED, Admission.DUPLICATE, Admission.NONCE_TAKEN,
                Admission.MEMPOOL_FULL, "queue_full", "not_connected"));
        Arrays.stream(Rejection.Reason.values()).map(Rejection.Reason::code).forEach(reasons::add);
        Arrays.stream(DisconnectReason.values()).map(r -> r.name().toLowerCase(Locale.ROOT)).forEach(reasons::add);
        assertThat(reasons).allSatisfy(reason -> assertThat(doc).contains("`" + reason + "`"));
    }
}
