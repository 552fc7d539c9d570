package io.cairn.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.crypto.Hex;
import io.cairn.ledger.Operation;
import io.cairn.ledger.Transaction;
import java.util.ArrayList;
import java.util.List;

/** Checks API JSON against the ledger record it shows, field by field. */
final class ExpectedJson {
    private ExpectedJson() {}

    static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.properties().forEach(field -> names.add(field.getKey()));
        return names;
    }

    /** kind, sender, nonce, the operation's fields and the signature, all decoded from {@code tx}. */
    static void assertTransaction(JsonNode json, Transaction tx) {
        assertThat(json.get("sender").textValue()).isEqualTo(tx.sender().toHex());
        assertThat(json.get("nonce").isIntegralNumber()).isTrue();
        assertThat(json.get("nonce").asLong()).isEqualTo(tx.nonce());
        assertThat(json.get("signature").textValue()).isEqualTo(tx.signature().toHex());
        Operation operation = tx.operation();
        if (operation instanceof Operation.Transfer transfer) {
            assertThat(json.get("kind").textValue()).isEqualTo("transfer");
            assertThat(json.get("to").textValue()).isEqualTo(transfer.to().toHex());
            assertThat(json.get("amount").asLong()).isEqualTo(transfer.amount());
        } else if (operation instanceof Operation.Put put) {
            assertThat(json.get("kind").textValue()).isEqualTo("put");
            assertThat(json.get("key").textValue()).isEqualTo(Hex.encode(put.key()));
            assertThat(json.get("value").textValue()).isEqualTo(Hex.encode(put.value()));
        } else if (operation instanceof Operation.Grant grant) {
            assertThat(json.get("kind").textValue()).isEqualTo("grant");
            assertThat(json.get("account").textValue()).isEqualTo(grant.account().toHex());
            assertThat(json.get("permission").textValue()).isEqualTo(grant.permission().name().toLowerCase());
        } else {
            throw new AssertionError("the tests build no " + operation.kind());
        }
    }
}
