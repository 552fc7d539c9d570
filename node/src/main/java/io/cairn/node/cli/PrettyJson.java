package io.cairn.node.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.PrintWriter;

/** A node's answer as the query commands print it: indented JSON, field order as the node sent it. */
final class PrettyJson {
    private static final ObjectWriter WRITER = new ObjectMapper().writerWithDefaultPrettyPrinter();

    private PrettyJson() {}

    static void print(PrintWriter out, JsonNode json) {
        try {
            out.println(WRITER.writeValueAsString(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree always serialises", e);
        }
    }
}
