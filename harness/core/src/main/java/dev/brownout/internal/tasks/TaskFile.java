package dev.brownout.internal.tasks;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.brownout.fakes.canary.Canaries;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A user's task file: JSONL, one task per line,
 * <pre>{"id": "refund-1", "prompt": "...", "expected": "...", "grader": {"type": "exact", "case_sensitive": false}}</pre>
 * Blank lines are skipped. {@code id} is optional ({@code t<line>} by default); {@code grader} is optional
 * (exact by default); {@code expected} is required except for a regex grader with a {@code pattern} and a
 * json_schema grader. Options: exact and contains take {@code case_sensitive} (default true); regex takes
 * {@code pattern} (default: expected; flags inline, as {@code (?i)}); numeric takes {@code tolerance} (absolute,
 * default 0) and {@code relative_tolerance}; json_schema takes {@code schema}; every type takes
 * {@code answer_line} (default false: grade the whole reply; true: grade the value on its last ANSWER: line).
 *
 * <p>The file is read whole when loaded, so a mistake surfaces before a run starts, as a
 * {@link TaskFileException} naming the file, line and field. Index i is line-task {@code i mod size} of round
 * {@code i / size}; round 0 keeps the file's ids, round r &gt; 0 uses {@code <id>.r<r>}, so ids stay unique
 * when a run needs more tasks than the file holds. Each prompt is sent after a header line
 * {@code [brownout-task id=<id> kind=user difficulty=1]} that joins its exchanges to the provider ledgers.
 */
public final class TaskFile implements TaskSource {

    /** File ids leave room for the longest round suffix, {@code .r} and 19 digits, within the 64 a task id may have. */
    static final Pattern FILE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,43}");
    private static final Pattern ROUND_SUFFIX = Pattern.compile(".*\\.r\\d+");
    private static final Set<String> FIELDS = Set.of("id", "prompt", "expected", "grader");
    private static final Map<String, List<String>> OPTIONS = options();
    private static final String EXAMPLE = "{\"id\": \"q1\", \"prompt\": \"What is 6 x 7?\", \"expected\": \"42\", "
            + "\"grader\": {\"type\": \"numeric\"}}";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final Path file;
    private final List<Task> tasks;
    private final List<String> prompts;

    private TaskFile(Path file, List<Task> tasks, List<String> prompts) {
        this.file = file;
        this.tasks = List.copyOf(tasks);
        this.prompts = List.copyOf(prompts);
    }

    /** Reads and checks the whole file. */
    public static TaskFile load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new TaskFileException(file, 0, null, "no such task file");
        } catch (CharacterCodingException e) {
            throw new TaskFileException(file, 0, null, "not UTF-8 text; a task file is JSONL in UTF-8");
        } catch (IOException e) {
            throw new TaskFileException(file, 0, null, "cannot read the task file (" + e + ")");
        }
        List<Task> tasks = new ArrayList<>();
        List<String> prompts = new ArrayList<>();
        Map<String, Integer> lineOfId = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = i == 0 ? lines.get(i).replace("\uFEFF", "") : lines.get(i);
            if (text.isBlank()) {
                continue;
            }
            Line line = new Line(file, i + 1);
            Task task = line.task(text);
            Integer earlier = lineOfId.putIfAbsent(task.id(), line.number);
            if (earlier != null) {
                throw line.problem("id", "id \"" + task.id() + "\" is already the id of the task on line " + earlier
                        + "; ids must be unique in a file");
            }
            tasks.add(task);
            prompts.add(line.prompt);
        }
        if (tasks.isEmpty()) {
            throw new TaskFileException(file, 0, null, "the task file has no tasks; write one JSON object per line, such as "
                    + EXAMPLE);
        }
        return new TaskFile(file, tasks, prompts);
    }

    @Override
    public Task task(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("task index must be 0 or more, was " + index);
        }
        int size = tasks.size();
        long round = index / size;
        int position = (int) (index % size);
        Task first = tasks.get(position);
        if (round == 0) {
            return first;
        }
        String id = first.id() + ".r" + round;
        return new Task(id, prompt(id, prompts.get(position)), first.expected(), first.kind(), first.difficulty(),
                first.grader());
    }

    @Override
    public String name() {
        return String.valueOf(file.getFileName());
    }

    @Override
    public OptionalLong size() {
        return OptionalLong.of(tasks.size());
    }

    public Path file() {
        return file;
    }

    /** The file's tasks in order, with their own ids: round 0. */
    public List<Task> tasks() {
        return tasks;
    }

    private static String prompt(String id, String userPrompt) {
        return Canaries.header(id, Task.USER_KIND, 1) + "\n" + userPrompt;
    }

    private static Map<String, List<String>> options() {
        Map<String, List<String>> options = new LinkedHashMap<>();
        options.put("exact", List.of("type", "case_sensitive", "answer_line"));
        options.put("regex", List.of("type", "pattern", "answer_line"));
        options.put("numeric", List.of("type", "tolerance", "relative_tolerance", "answer_line"));
        options.put("contains", List.of("type", "case_sensitive", "answer_line"));
        options.put("json_schema", List.of("type", "schema", "answer_line"));
        return options;
    }

    /** One line being read: knows where it is, so every problem names file, line and field. */
    private static final class Line {
        final Path file;
        final int number;
        String prompt;

        Line(Path file, int number) {
            this.file = file;
            this.number = number;
        }

        TaskFileException problem(String field, String problem) {
            return new TaskFileException(file, number, field, problem);
        }

        Task task(String text) {
            JsonNode node;
            try {
                node = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw problem(null, "not JSON (" + e.getOriginalMessage() + "); each line is one JSON object, such as "
                        + EXAMPLE);
            }
            if (!node.isObject()) {
                throw problem(null, "a JSON " + typeOf(node) + ", not an object; each line is one JSON object, such as "
                        + EXAMPLE);
            }
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!FIELDS.contains(name)) {
                    throw problem(name, "unknown field; a task has id, prompt, expected and grader");
                }
            }
            String id = id(node.get("id"));
            prompt = text(node.get("prompt"), "prompt", "the question sent to the system under test");
            JsonNode graderNode = node.get("grader");
            if (graderNode != null && !graderNode.isObject()) {
                throw problem("grader", "must be an object such as {\"type\": \"exact\"}, was a JSON " + typeOf(graderNode));
            }
            String type = graderNode == null ? "exact" : graderType(graderNode);
            JsonNode expectedNode = node.get("expected");
            String expected = expectedNode == null ? null : expected(expectedNode);
            Grader grader = grader(type, graderNode, expected);
            String shown = expected != null ? expected : grader.description();
            return new Task(id, TaskFile.prompt(id, prompt), shown, Task.USER_KIND, 1, grader);
        }

        private String id(JsonNode node) {
            if (node == null) {
                return "t" + number;
            }
            if (!node.isTextual()) {
                throw problem("id", "must be a string, was a JSON " + typeOf(node));
            }
            String id = node.asText();
            if (!FILE_ID.matcher(id).matches()) {
                throw problem("id", "\"" + id + "\" is not a valid id: use 1 to 43 of A-Z a-z 0-9 . _ : -"
                        + " (repeated rounds add .r<round>, and a task id may have 64 characters)");
            }
            if (ROUND_SUFFIX.matcher(id).matches()) {
                throw problem("id", "\"" + id + "\" ends like a repeated round's id (.r<number>), which the harness"
                        + " gives the file's tasks when it cycles through them; choose another id");
            }
            return id;
        }

        private String text(JsonNode node, String field, String what) {
            if (node == null) {
                throw problem(field, "missing: every task needs \"" + field + "\", " + what);
            }
            if (!node.isTextual()) {
                throw problem(field, "must be a string, was a JSON " + typeOf(node));
            }
            if (node.asText().isBlank()) {
                throw problem(field, "is blank: every task needs \"" + field + "\", " + what);
            }
            return node.asText();
        }

        private String expected(JsonNode node) {
            if (node.isNumber()) {
                return node.decimalValue().toString();
            }
            if (!node.isTextual()) {
                throw problem("expected", "must be a string (or a number), was a JSON " + typeOf(node));
            }
            return node.asText();
        }

        private String graderType(JsonNode grader) {
            JsonNode type = grader.get("type");
            if (type == null) {
                throw problem("grader.type", "missing; valid types: " + String.join(", ", OPTIONS.keySet()));
            }
            if (!type.isTextual() || !OPTIONS.containsKey(type.asText())) {
                throw problem("grader.type", "unknown grader type " + type + "; valid types: "
                        + String.join(", ", OPTIONS.keySet()));
            }
            String name = type.asText();
            for (Iterator<String> options = grader.fieldNames(); options.hasNext(); ) {
                String option = options.next();
                if (!OPTIONS.get(name).contains(option)) {
                    throw problem("grader." + option, "not an option of " + (name.startsWith("e") ? "an " : "a ") + name + " grader; its options: "
                            + String.join(", ", OPTIONS.get(name).subList(1, OPTIONS.get(name).size())));
                }
            }
            return name;
        }

        private Grader grader(String type, JsonNode options, String expected) {
            JsonNode none = JSON.createObjectNode();
            JsonNode given = options == null ? none : options;
            Grader grader = switch (type) {
                case "exact" -> Graders.exact(required(expected, type), flag(given, "case_sensitive", true));
                case "contains" -> {
                    String text = required(expected, type);
                    try {
                        yield Graders.contains(text, flag(given, "case_sensitive", true));
                    } catch (IllegalArgumentException e) {
                        throw problem("expected", e.getMessage());
                    }
                }
                case "regex" -> regex(given, expected);
                case "numeric" -> numeric(given, expected);
                case "json_schema" -> {
                    JsonNode schema = given.get("schema");
                    if (schema == null) {
                        throw problem("grader.schema", "missing: a json_schema grader needs the schema inline,"
                                + " such as {\"type\": \"object\", \"required\": [\"name\"]}");
                    }
                    try {
                        yield Graders.jsonSchema(schema);
                    } catch (IllegalArgumentException e) {
                        throw problem("grader.schema", e.getMessage());
                    }
                }
                default -> throw new IllegalStateException("grader type " + type + " has options but no grader");
            };
            return flag(given, "answer_line", false) ? Graders.answerLine(grader) : grader;
        }

        private Grader regex(JsonNode options, String expected) {
            JsonNode pattern = options.get("pattern");
            String field = pattern != null ? "grader.pattern" : "expected";
            String text;
            if (pattern != null) {
                if (!pattern.isTextual()) {
                    throw problem(field, "must be a string, was a JSON " + typeOf(pattern));
                }
                text = pattern.asText();
            } else if (expected != null) {
                text = expected;
            } else {
                throw problem("grader.pattern", "missing: a regex grader needs a pattern in grader.pattern"
                        + " (or in expected)");
            }
            try {
                return Graders.regex(text);
            } catch (IllegalArgumentException e) {
                throw problem(field, e.getMessage());
            }
        }

        private Grader numeric(JsonNode options, String expected) {
            String value = required(expected, "numeric");
            BigDecimal tolerance = amount(options, "tolerance");
            BigDecimal relative = amount(options, "relative_tolerance");
            try {
                return Graders.numeric(value, tolerance == null ? BigDecimal.ZERO : tolerance, relative);
            } catch (IllegalArgumentException e) {
                throw problem("expected", e.getMessage());
            }
        }

        private BigDecimal amount(JsonNode options, String option) {
            JsonNode node = options.get(option);
            if (node == null) {
                return null;
            }
            if (!node.isNumber()) {
                throw problem("grader." + option, "must be a number, 0 or more, was a JSON " + typeOf(node));
            }
            if (node.decimalValue().signum() < 0) {
                throw problem("grader." + option, "must be 0 or more, was " + node.decimalValue().toPlainString());
            }
            return node.decimalValue();
        }

        private boolean flag(JsonNode options, String option, boolean otherwise) {
            JsonNode node = options.get(option);
            if (node == null) {
                return otherwise;
            }
            if (!node.isBoolean()) {
                throw problem("grader." + option, "must be true or false, was " + node);
            }
            return node.asBoolean();
        }

        private String required(String expected, String type) {
            if (expected == null) {
                throw problem("expected", "missing: " + (type.startsWith("e") ? "an " : "a ") + type + " grader compares the answer with \"expected\"");
            }
            return expected;
        }

        private static String typeOf(JsonNode node) {
            return node.getNodeType().name().toLowerCase(Locale.ROOT);
        }
    }
}
