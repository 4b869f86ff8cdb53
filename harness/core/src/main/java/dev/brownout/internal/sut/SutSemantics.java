package dev.brownout.internal.sut;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What the schema cannot say about a schema-valid SUT file: which fields each adapter needs and which it
 * does not use, URLs that are absolute (where no template decides them), regular expressions that compile,
 * files and folders that exist, durations above zero, a SUT started one way only (a process or a container).
 */
final class SutSemantics {

    /** Which top-level fields only some adapters use. */
    private static final Map<String, List<SutAdapter>> ONLY_FOR = Map.ofEntries(
            Map.entry("base_url", List.of(SutAdapter.OPENAI_CHAT, SutAdapter.OPENAI_RESPONSES, SutAdapter.ANTHROPIC_MESSAGES, SutAdapter.GEMINI)),
            Map.entry("model", List.of(SutAdapter.OPENAI_CHAT, SutAdapter.OPENAI_RESPONSES, SutAdapter.ANTHROPIC_MESSAGES, SutAdapter.GEMINI)),
            Map.entry("api_key", List.of(SutAdapter.OPENAI_CHAT, SutAdapter.OPENAI_RESPONSES, SutAdapter.ANTHROPIC_MESSAGES, SutAdapter.GEMINI)),
            Map.entry("max_tokens", List.of(SutAdapter.ANTHROPIC_MESSAGES)),
            Map.entry("body", List.of(SutAdapter.OPENAI_CHAT, SutAdapter.OPENAI_RESPONSES, SutAdapter.ANTHROPIC_MESSAGES, SutAdapter.GEMINI)),
            Map.entry("headers", List.of(SutAdapter.OPENAI_CHAT, SutAdapter.OPENAI_RESPONSES, SutAdapter.ANTHROPIC_MESSAGES, SutAdapter.GEMINI, SutAdapter.HTTP)),
            Map.entry("gateway", List.of(SutAdapter.REFERENCE)),
            Map.entry("http", List.of(SutAdapter.HTTP)),
            Map.entry("command", List.of(SutAdapter.COMMAND)),
            Map.entry("process", List.of(SutAdapter.OPENAI_CHAT, SutAdapter.OPENAI_RESPONSES, SutAdapter.ANTHROPIC_MESSAGES, SutAdapter.GEMINI, SutAdapter.HTTP, SutAdapter.COMMAND)),
            Map.entry("container", List.of(SutAdapter.OPENAI_CHAT, SutAdapter.OPENAI_RESPONSES, SutAdapter.ANTHROPIC_MESSAGES, SutAdapter.GEMINI, SutAdapter.HTTP, SutAdapter.COMMAND)));

    private final SutFileProblems problems;
    private final Path base;

    SutSemantics(SutFileProblems problems, Path base) {
        this.problems = problems;
        this.base = base;
    }

    void check(JsonNode root) {
        SutAdapter adapter = SutAdapter.fromLabel(root.path("adapter").asText()).orElseThrow();
        root.fieldNames().forEachRemaining(field -> {
            List<SutAdapter> users = ONLY_FOR.get(field);
            if (users != null && !users.contains(adapter)) {
                problems.atKey(field, "adapter " + adapter.label() + " does not use '" + field + "'; it is for "
                        + String.join(", ", users.stream().map(SutAdapter::label).toList()));
            }
        });
        switch (adapter) {
            case OPENAI_CHAT, OPENAI_RESPONSES, ANTHROPIC_MESSAGES, GEMINI -> {
                // a container's gateway has a default: its mapped port and the adapter's base path
                if (!root.has("container")) {
                    requireField(root, "base_url", "the gateway's base URL, e.g. "
                            + (adapter == SutAdapter.ANTHROPIC_MESSAGES || adapter == SutAdapter.GEMINI ? "http://127.0.0.1:8787" : "http://127.0.0.1:8787/v1"));
                }
                url(root, "base_url");
            }
            case HTTP -> {
                requireField(root, "http", "a mapping with url and answer_pointer");
                url(root.path("http"), "http.url");
            }
            case COMMAND -> requireField(root, "command", "a mapping with argv (and prompt: stdin or argument)");
            case REFERENCE -> requireField(root, "gateway", "naive or resilient");
        }
        if (root.has("process")) {
            process(root.get("process"), adapter);
        }
        if (root.has("container")) {
            if (root.has("process")) {
                problems.atKey("container", "a SUT is started either as a process or in a container, not both; "
                        + "keep one of process: and container:");
            }
            container(root.get("container"));
        }
    }

    private void container(JsonNode container) {
        JsonNode ready = container.get("ready");
        if (ready == null) {
            return;
        }
        List<String> kinds = List.of("http", "tcp", "log_line").stream().filter(ready::has).toList();
        if (kinds.size() != 1) {
            problems.atValue("container.ready", "needs exactly one of http (a path), tcp (a port inside the container) "
                    + "or log_line (a regular expression)" + (kinds.isEmpty() ? "" : " (got " + String.join(", ", kinds) + ")"));
        }
        if (ready.has("status") && !ready.has("http")) {
            problems.atKey("container.ready.status", "a status goes with http: the path that must answer it");
        }
        regex(ready, "container.ready.log_line");
        positive(ready.get("timeout"), "container.ready.timeout");
    }

    private void process(JsonNode process, SutAdapter adapter) {
        file(process, "process.working_dir", true);
        file(process, "process.config_template", false);
        positive(process.get("stop_grace"), "process.stop_grace");
        JsonNode ready = process.get("ready");
        if (ready == null) {
            if (adapter == SutAdapter.COMMAND) {
                problems.atKey("process", "a command SUT's process has no base URL to wait for; add ready: with http, tcp or log_line");
            }
            return;
        }
        List<String> kinds = List.of("http", "tcp", "log_line").stream().filter(ready::has).toList();
        if (kinds.size() != 1) {
            problems.atValue("process.ready", "needs exactly one of http, tcp or log_line"
                    + (kinds.isEmpty() ? "" : " (got " + String.join(", ", kinds) + ")"));
        }
        url(ready, "process.ready.http");
        if (ready.has("tcp") && !ready.get("tcp").asText().contains("{{")
                && !ready.get("tcp").asText().matches("[^:\\s]+:\\d{1,5}")) {
            problems.atValue("process.ready.tcp", "must be host:port, e.g. 127.0.0.1:{{port}} (got '" + ready.get("tcp").asText() + "')");
        }
        regex(ready, "process.ready.log_line");
        positive(ready.get("timeout"), "process.ready.timeout");
    }

    private void regex(JsonNode node, String path) {
        JsonNode value = node.get(path.substring(path.lastIndexOf('.') + 1));
        if (value == null) {
            return;
        }
        try {
            Pattern.compile(value.asText());
        } catch (PatternSyntaxException e) {
            problems.atValue(path, "is not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex());
        }
    }

    private void requireField(JsonNode root, String field, String what) {
        if (!root.has(field)) {
            problems.atValue("", "adapter " + root.path("adapter").asText() + " needs '" + field + "': " + what);
        }
    }

    private void url(JsonNode node, String path) {
        JsonNode value = node.get(path.substring(path.lastIndexOf('.') + 1));
        if (value == null || value.asText().contains("{{")) {
            return;
        }
        String why = absoluteHttpUrlProblem(value.asText());
        if (why != null) {
            problems.atValue(path, why + " (got '" + value.asText() + "')");
        }
    }

    /** Null for an absolute http(s) URL with a host, else what is wrong with it. */
    static String absoluteHttpUrlProblem(String text) {
        try {
            URI uri = new URI(text);
            if (!uri.isAbsolute() || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                return "must be an absolute http or https URL, e.g. http://127.0.0.1:8787/v1";
            }
            return null;
        } catch (URISyntaxException e) {
            return "is not a URL (" + e.getReason() + "); use an absolute http or https URL, e.g. http://127.0.0.1:8787/v1";
        }
    }

    private void file(JsonNode process, String path, boolean directory) {
        JsonNode value = process.get(path.substring(path.lastIndexOf('.') + 1));
        if (value == null) {
            return;
        }
        Path resolved = base.resolve(value.asText()).normalize();
        if (directory ? !Files.isDirectory(resolved) : !Files.isRegularFile(resolved)) {
            problems.atValue(path, (directory ? "no folder at " : "no file at ") + resolved
                    + " (relative paths start at the SUT file's folder)");
        }
    }

    private void positive(JsonNode value, String path) {
        if (value != null && SutFileReader.duration(value).isZero()) {
            problems.atValue(path, "must be longer than zero");
        }
    }
}
