package dev.brownout.internal.sut;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.brownout.fakes.config.DurationText;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.internal.checkedfile.CheckedDocument;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads SUT files in three passes — YAML syntax, the JSON Schema, then meaning ({@link SutSemantics}) —
 * reporting every problem of the first failing pass at once, each with file, line, column and field.
 */
final class SutFileReader {

    private SutFileReader() {
    }

    static SutSpec load(Path file) {
        String yaml = SutSchema.get().readText(file);
        return parse(yaml, file.toString(), file.toAbsolutePath().getParent());
    }

    static SutSpec parse(String yaml, String origin, Path folder) {
        CheckedDocument document = SutSchema.get().check(yaml, origin);
        JsonNode tree = document.tree();
        SutFileProblems problems = new SutFileProblems(document);
        Path base = folder == null ? Path.of("").toAbsolutePath() : folder;
        new SutSemantics(problems, base).check(tree);
        problems.throwIfAny();
        try {
            return build(tree, base);
        } catch (IllegalArgumentException e) {
            problems.atValue("", e.getMessage());
            problems.throwIfAny();
            throw e;
        }
    }

    private static SutSpec build(JsonNode root, Path base) {
        SutAdapter adapter = SutAdapter.fromLabel(root.path("adapter").asText()).orElseThrow();
        String baseUrl = text(root, "base_url");
        if (baseUrl == null && root.has("container")
                && adapter.speaksAnLlmApi()) {
            baseUrl = ContainerSpec.defaultBaseUrl(adapter);
        }
        return new SutSpec(root.path("name").asText(), adapter, baseUrl, text(root, "model"),
                text(root, "api_key"), strings(root.get("headers")), body(root.get("body")),
                root.path("max_tokens").asInt(SutSpec.DEFAULT_MAX_TOKENS), text(root, "gateway"),
                root.has("http") ? http(root.get("http")) : null,
                root.has("command") ? command(root.get("command")) : null,
                root.has("process") ? process(root.get("process"), base) : null,
                root.has("container") ? container(root.get("container")) : null,
                capabilities(root.get("capabilities")));
    }

    private static SutCapabilities capabilities(JsonNode capabilities) {
        if (capabilities == null) {
            return SutCapabilities.UNDECLARED;
        }
        return new SutCapabilities(flag(capabilities, "fallback"), flag(capabilities, "streaming"));
    }

    private static Boolean flag(JsonNode node, String field) {
        return node.has(field) ? node.get(field).asBoolean() : null;
    }

    private static ContainerSpec container(JsonNode container) {
        return new ContainerSpec(text(container, "image"), container.has("command") ? list(container.get("command")) : null,
                strings(container.get("environment")), container.path("port").asInt(),
                container.has("ready") ? containerReady(container.get("ready")) : null);
    }

    private static ContainerSpec.Readiness containerReady(JsonNode ready) {
        Duration timeout = duration(ready.get("timeout"));
        if (ready.has("http")) {
            return new ContainerSpec.Readiness(ContainerSpec.Readiness.Kind.HTTP, ready.get("http").asText(),
                    ready.has("status") ? ready.get("status").asInt() : null, timeout);
        }
        if (ready.has("tcp")) {
            return new ContainerSpec.Readiness(ContainerSpec.Readiness.Kind.TCP, ready.get("tcp").asText(), null, timeout);
        }
        return new ContainerSpec.Readiness(ContainerSpec.Readiness.Kind.LOG_LINE, ready.path("log_line").asText(), null, timeout);
    }

    private static HttpRequestTemplate http(JsonNode http) {
        return new HttpRequestTemplate(text(http, "method"), text(http, "url"), text(http, "body"),
                text(http, "answer_pointer"), text(http, "model_pointer"));
    }

    private static CommandSpec command(JsonNode command) {
        CommandSut.PromptDelivery delivery = command.has("prompt")
                ? CommandSut.PromptDelivery.valueOf(command.get("prompt").asText().toUpperCase(Locale.ROOT))
                : CommandSut.PromptDelivery.STDIN;
        return new CommandSpec(list(command.get("argv")), delivery, strings(command.get("environment")));
    }

    private static ProcessSpec process(JsonNode process, Path base) {
        return new ProcessSpec(list(process.get("command")), path(process, "working_dir", base),
                strings(process.get("environment")), path(process, "config_template", base),
                process.has("ready") ? ready(process.get("ready")) : null, duration(process.get("stop_grace")));
    }

    static ReadinessCheck ready(JsonNode ready) {
        Duration timeout = duration(ready.get("timeout"));
        if (ready.has("http")) {
            return new ReadinessCheck(ReadinessCheck.Kind.HTTP, ready.get("http").asText(), timeout);
        }
        if (ready.has("tcp")) {
            return new ReadinessCheck(ReadinessCheck.Kind.TCP, ready.get("tcp").asText(), timeout);
        }
        return new ReadinessCheck(ReadinessCheck.Kind.LOG_LINE, ready.path("log_line").asText(), timeout);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Path path(JsonNode node, String field, Path base) {
        String value = text(node, field);
        return value == null ? null : base.resolve(value).normalize();
    }

    static Duration duration(JsonNode value) {
        return value == null || value.isNull() ? null : DurationText.parse(value.asText());
    }

    private static List<String> list(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(item -> items.add(item.asText()));
        return items;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        if (object != null) {
            object.fields().forEachRemaining(entry -> map.put(entry.getKey(), entry.getValue().asText()));
        }
        return map;
    }

    private static Map<String, Object> body(JsonNode object) {
        return object == null ? Map.of() : Mappers.json().convertValue(object, new TypeReference<LinkedHashMap<String, Object>>() { });
    }
}
