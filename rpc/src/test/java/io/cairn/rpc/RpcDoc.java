package io.cairn.rpc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docs/rpc.md read as a test needs it: the {@code ###} sections under each {@code ##} heading,
 * and the examples, each a fenced JSON block after a line "Request:" and one after "Response:"
 * (or "Response (a note):").
 */
record RpcDoc(Map<String, List<String>> sections, List<Example> examples) {
    /** Tests run in the rpc module's directory; the docs are at the repository root. */
    static final Path PATH = Path.of("..", "docs", "rpc.md");
    private static final Pattern LABEL = Pattern.compile("(Request|Response)( \\(.*\\))?:");

    /** One example: where it is ({@code ##} and {@code ###} titles), the request body and the response body. */
    record Example(String chapter, String section, int line, String request, String response) {
        @Override
        public String toString() {
            return "the example at docs/rpc.md line " + line + " (" + chapter + (section.isEmpty() ? "" : " / " + section)
                    + ")";
        }
    }

    static RpcDoc read() throws IOException {
        List<String> lines = Files.readAllLines(PATH);
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<Example> examples = new ArrayList<>();
        String chapter = "";
        String section = "";
        String request = null;
        int requestLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("## ")) {
                chapter = line.substring(3).trim();
                section = "";
                sections.put(chapter, new ArrayList<>());
            } else if (line.startsWith("### ")) {
                section = line.substring(4).trim();
                sections.get(chapter).add(section);
            }
            Matcher label = LABEL.matcher(line.trim());
            if (!label.matches()) {
                continue;
            }
            String block = fencedJsonAfter(lines, i);
            if (label.group(1).equals("Request")) {
                request = block;
                requestLine = i + 1;
            } else {
                if (request == null) {
                    throw new IllegalStateException("docs/rpc.md line " + (i + 1) + ": a response without a request");
                }
                examples.add(new Example(chapter, section, requestLine, request, block));
                request = null;
            }
        }
        return new RpcDoc(sections, examples);
    }

    /** The fenced {@code json} block that follows line {@code at}, after blank lines only. */
    private static String fencedJsonAfter(List<String> lines, int at) {
        int i = at + 1;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        if (i >= lines.size() || !lines.get(i).trim().equals("```json")) {
            throw new IllegalStateException("docs/rpc.md line " + (at + 1) + ": a ```json block must follow");
        }
        StringBuilder block = new StringBuilder();
        for (i++; i < lines.size() && !lines.get(i).trim().equals("```"); i++) {
            block.append(lines.get(i)).append('\n');
        }
        return block.toString();
    }
}
