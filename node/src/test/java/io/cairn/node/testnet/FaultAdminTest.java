package io.cairn.node.testnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.crypto.Hash;
import io.cairn.crypto.KeyPair;
import io.cairn.crypto.PublicKey;
import io.cairn.node.p2p.PeerListener;
import io.cairn.node.p2p.PeerNetwork;
import io.cairn.node.p2p.PeerNetworkConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The loopback admin turns HTTP requests into {@link PeerNetwork#isolate} and {@link PeerNetwork#heal}. */
class FaultAdminTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int VALIDATORS = 4;
    private static final int SELF = 1;

    private PeerNetwork network;
    private FaultAdmin admin;

    @BeforeEach
    void start() throws IOException {
        List<KeyPair> keys = new ArrayList<>();
        List<PublicKey> publicKeys = new ArrayList<>();
        for (int i = 0; i < VALIDATORS; i++) {
            keys.add(KeyPair.fromLabel("fault-admin-" + i));
            publicKeys.add(keys.get(i).publicKey());
        }
        network = new PeerNetwork(new PeerNetworkConfig("fault-admin-test",
                Hash.of("genesis".getBytes(StandardCharsets.UTF_8)), publicKeys, SELF, keys.get(SELF),
                new InetSocketAddress("127.0.0.1", 0), Map.of(), 64 * 1024, 256 * 1024, Duration.ofSeconds(10),
                Duration.ofSeconds(3), Duration.ofMillis(50), Duration.ofMillis(400)), new PeerListener() {
                    @Override
                    public void onConnected(int validator) {}

                    @Override
                    public void onDisconnected(int validator) {}

                    @Override
                    public void onMessage(int validator, byte[] payload) {}
                });
        network.start();
        admin = FaultAdmin.start(new InetSocketAddress("127.0.0.1", 0), network, SELF, VALIDATORS);
    }

    @AfterEach
    void stop() {
        admin.close();
        network.close();
    }

    @Test
    void partitionIsolatesTheListedValidatorsAndHealEndsIt() throws Exception {
        HttpResponse<String> partition = post("/partition", "{\"isolate\":[3,0]}");

        assertThat(partition.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(partition.body()).get("isolated").toString()).isEqualTo("[0,3]");
        assertThat(network.isolated()).isEqualTo(Set.of(0, 3));

        HttpResponse<String> heal = post("/heal", "");

        assertThat(heal.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(heal.body()).get("isolated").toString()).isEqualTo("[]");
        assertThat(network.isolated()).isEmpty();
        assertThat(network.isolationChanges()).isEqualTo(2);
    }

    @Test
    void badBodiesAreRefusedWithTheProblemAndChangeNothing() throws Exception {
        post("/partition", "{\"isolate\":[2]}");

        assertRefused(post("/partition", "not json"), 400, "not JSON");
        assertRefused(post("/partition", "{\"cut\":[2]}"), 400, "expected {\"isolate\":[validator indices]}");
        assertRefused(post("/partition", "{\"isolate\":[4]}"), 400, "no validator 4: this chain has validators 0..3");
        assertRefused(post("/partition", "{\"isolate\":[\"2\"]}"), 400, "no validator \"2\"");
        assertRefused(post("/partition", "{\"isolate\":[1]}"), 400, "validator 1 is this node");

        assertThat(network.isolated()).isEqualTo(Set.of(2));
        assertThat(network.isolationChanges()).isEqualTo(1);
        assertThat(post("/heal", "").statusCode()).isEqualTo(200); // still serving
    }

    @Test
    void onlyPostIsAnswered() throws Exception {
        HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(uri("/heal")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertRefused(get, 405, "use POST");
        assertThat(network.isolationChanges()).isZero();
    }

    @Test
    void itRefusesToListenBeyondLoopback() {
        assertThatThrownBy(() -> FaultAdmin.start(new InetSocketAddress("0.0.0.0", 0), network, SELF, VALIDATORS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loopback only");
    }

    private void assertRefused(HttpResponse<String> response, int status, String problem) throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("error").asText()).contains(problem);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + admin.port() + path);
    }
}
