package io.cairn.rpc;

import static io.cairn.rpc.ExpectedJson.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.crypto.Hex;
import io.cairn.ledger.Account;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Permission;
import io.cairn.ledger.Transaction;
import io.cairn.ledger.testing.TestGenesis;
import io.cairn.ledger.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** node_status, net_peers and state_getAccount. */
class NodeAndStateMethodsTest {
    @RegisterExtension
    static final RpcServerFixture fixture = new RpcServerFixture();
    private static final RpcClient client = fixture.client;

    @Test
    void statusReportsTheNodesLiveState() {
        Transaction tx = Transaction.sign(TestGenesis.CHAIN_ID, TestKeys.admin(), 0,
                new Operation.Grant(TestKeys.stranger().publicKey(), Permission.PUT));
        client.result("tx_submit", "[\"" + Hex.encode(tx.encode()) + "\"]");

        JsonNode json = client.result("node_status", null);
        assertThat(fieldNames(json)).containsExactly("chainId", "nodeId", "validatorIndex", "height", "headHash",
                "stateRoot", "view", "primary", "peers", "syncing", "mempoolSize", "mempoolBytes");
        var head = fixture.node.store().head();
        assertThat(json.get("chainId").textValue()).isEqualTo("cairn-test");
        assertThat(json.get("nodeId").textValue()).isEqualTo(TestKeys.validator(0).publicKey().toHex());
        assertThat(json.get("validatorIndex").isInt()).isTrue();
        assertThat(json.get("height").asLong()).isEqualTo(InMemoryNode.BLOCKS);
        assertThat(json.get("headHash").textValue()).isEqualTo(head.blockHash().toHex());
        assertThat(json.get("stateRoot").textValue()).isEqualTo(head.stateRoot().toHex());
        assertThat(json.get("view").asLong()).isEqualTo(7);
        assertThat(json.get("primary").asInt()).isEqualTo(3);
        assertThat(json.get("peers").asInt()).isEqualTo(3);
        assertThat(json.get("syncing").isBoolean()).isTrue();
        assertThat(json.get("mempoolSize").asInt()).isEqualTo(1);
        assertThat(json.get("mempoolBytes").asLong()).isEqualTo(tx.encode().length);
    }

    @Test
    void peersListEveryOtherValidatorAsTheNodeSeesIt() {
        JsonNode json = client.result("net_peers", "{}");
        assertThat(json).hasSize(InMemoryNode.VALIDATORS - 1);
        JsonNode last = json.get(2);
        assertThat(fieldNames(last))
                .containsExactly("validator", "name", "publicKey", "address", "connected", "lastSeenHeight");
        assertThat(last.get("validator").asInt()).isEqualTo(3);
        assertThat(last.get("name").textValue()).isEqualTo("validator-3");
        assertThat(last.get("publicKey").textValue()).isEqualTo(TestKeys.validator(3).publicKey().toHex());
        assertThat(last.get("address").textValue()).isEqualTo("127.0.0.1:26603");
        assertThat(last.get("connected").booleanValue()).isFalse();
        assertThat(last.get("lastSeenHeight").asLong()).isEqualTo(1);
    }

    @Test
    void anAccountShowsItsCommittedBalanceNonceAndPermissions() {
        String address = TestKeys.account(2).publicKey().toHex();
        Account account = fixture.node.store().account(TestKeys.account(2).publicKey()).orElseThrow();
        JsonNode json = client.result("state_getAccount", "{\"address\":\"" + address + "\"}");
        assertThat(fieldNames(json)).containsExactly("address", "balance", "nonce", "permissions");
        assertThat(json.get("address").textValue()).isEqualTo(address);
        assertThat(json.get("balance").asLong()).isEqualTo(account.balance());
        assertThat(json.get("nonce").asLong()).isEqualTo(account.nonce());
        assertThat(json.get("permissions")).extracting(JsonNode::textValue).containsExactly("transfer", "put");
    }

    @Test
    void theAdminAccountListsTheAdminPermission() {
        String address = TestKeys.admin().publicKey().toHex();
        JsonNode json = client.result("state_getAccount", "[\"" + address + "\"]");
        assertThat(json.get("balance").asLong()).isZero();
        assertThat(json.get("permissions")).extracting(JsonNode::textValue).containsExactly("admin");
    }

    @Test
    void anAccountThatNeverExistedIsNull() {
        String address = TestKeys.stranger().publicKey().toHex();
        assertThat(client.result("state_getAccount", "{\"address\":\"" + address + "\"}").isNull()).isTrue();
    }
}
