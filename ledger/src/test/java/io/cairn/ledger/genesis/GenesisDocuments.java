package io.cairn.ledger.genesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.ledger.Genesis;
import io.cairn.ledger.testing.TestGenesis;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** A valid genesis document to break one field at a time, and the assertion on the error. */
final class GenesisDocuments {
    static final String SOURCE = "genesis.json";
    /** Four validators, one admin, three accounts with transfer and put. */
    static final Genesis BASE = TestGenesis.of(4, 3);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private GenesisDocuments() {}

    /** A fresh, mutable tree of {@link #BASE}. */
    static ObjectNode base() {
        return (ObjectNode) tree(GenesisFile.toJson(BASE));
    }

    /** The text of {@link #base()} after {@code mutation}. */
    static String mutated(Consumer<ObjectNode> mutation) {
        ObjectNode document = base();
        mutation.accept(document);
        return text(document);
    }

    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode consensus(ObjectNode document) {
        return (ObjectNode) document.get("consensus");
    }

    static ArrayNode array(ObjectNode document, String field) {
        return (ArrayNode) document.get(field);
    }

    static ObjectNode validator(ObjectNode document, int index) {
        return (ObjectNode) document.get("validators").get(index);
    }

    static ObjectNode account(ObjectNode document, int index) {
        return (ObjectNode) document.get("accounts").get(index);
    }

    static String keyHex(ObjectNode document, String field, int index) {
        JsonNode element = document.get(field).get(index);
        return (element.isObject() ? element.get("publicKey") : element).textValue();
    }

    /** Parsing {@code json} fails with a one-line GenesisException naming {@code path} and {@code problem}. */
    static void assertRejected(String json, String path, String problem) {
        assertThatThrownBy(() -> GenesisFile.parse(json, SOURCE))
                .isExactlyInstanceOf(GenesisException.class)
                .hasMessageStartingWith(SOURCE + ": " + path + ": ")
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "\r"));
    }
}
