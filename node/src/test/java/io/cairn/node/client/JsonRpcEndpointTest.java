package io.cairn.node.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --rpc}: a node's base URL means its /rpc endpoint; a URL with a path is taken as written. */
class JsonRpcEndpointTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "http://127.0.0.1:8545,          http://127.0.0.1:8545/rpc",
        "http://127.0.0.1:8545/,         http://127.0.0.1:8545/rpc",
        "https://node.example:443,       https://node.example:443/rpc",
        "http://[::1]:8001,              http://[::1]:8001/rpc",
        "http://10.0.0.5:8001/rpc,       http://10.0.0.5:8001/rpc",
        "http://proxy.example/cairn/rpc, http://proxy.example/cairn/rpc"})
    void aUrlWithoutAPathMeansTheRpcEndpoint(String url, String endpoint) {
        assertThat(JsonRpcClient.endpoint(url)).hasToString(endpoint);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "127.0.0.1:8545        | '127.0.0.1:8545' is not an http:// or https:// URL",
        "ftp://host/rpc        | 'ftp://host/rpc' is not an http:// or https:// URL",
        "http:///rpc           | 'http:///rpc' names no host",
        "http://host:port      | 'http://host:port' names no host",
        "http://a b            | 'http://a b' is not a URL: Illegal character in authority"})
    void anythingElseIsRefusedSayingWhy(String url, String message) {
        assertThatThrownBy(() -> JsonRpcClient.endpoint(url)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
