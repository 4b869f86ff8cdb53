package dev.brownout.fakes.canary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The tools of the {@link CanaryKind#CHAIN chain} canaries and their one true implementation: a customer's
 * lookup chain ({@code find_customer} → {@code latest_order} → {@code order_shipment} → {@code shipment_depot} →
 * {@code depot_manager}), each tool taking the previous one's result. A chain task of difficulty d asks for the
 * first {@link #steps(int) steps(d)} of them in order, and its expected answer is the last one's result.
 * <p>
 * Results are a pure function of the tool and its argument (no seed, no state), so the harness's agent loop,
 * an example agent and the admin API's tool endpoint all compute the same ones, and a wrong argument gives a
 * wrong but plausible result that carries on down the chain. A call that cannot be run gives an error text
 * starting with {@link #ERROR_PREFIX} instead of a result, as a tool answers a model, never an exception.
 */
public final class ToolChains {

    /** The longest chain: one call of each tool. */
    public static final int MAX_STEPS = 5;
    /** How every error text starts; no result does. */
    public static final String ERROR_PREFIX = "error: ";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHOWN_CHARS = 120;
    private static final List<Tool> TOOLS = List.of(
            new Tool(new ToolDefinition("find_customer", "Finds a customer by full name and returns the customer id.",
                    "name", "the customer's full name, e.g. \"Ada Lindqvist\""),
                    null, null, null, "C-", 6, "the customer id"),
            new Tool(new ToolDefinition("latest_order", "Returns the id of a customer's most recent order.",
                    "customer_id", "a customer id as find_customer returns it, e.g. \"C-482913\""),
                    "customer id", "C-482913", Pattern.compile("C-\\d{6}"), "O-", 7, "the order id"),
            new Tool(new ToolDefinition("order_shipment", "Returns the tracking number of an order's shipment.",
                    "order_id", "an order id as latest_order returns it, e.g. \"O-7312550\""),
                    "order id", "O-7312550", Pattern.compile("O-\\d{7}"), "TRK-", 8, "the tracking number"),
            new Tool(new ToolDefinition("shipment_depot", "Returns the code of the depot that holds a shipment.",
                    "tracking_number", "a tracking number as order_shipment returns it, e.g. \"TRK-58392011\""),
                    "tracking number", "TRK-58392011", Pattern.compile("TRK-\\d{8}"), "DEP-", 6, "the depot code"),
            new Tool(new ToolDefinition("depot_manager", "Returns the employee id of a depot's manager.",
                    "depot_code", "a depot code as shipment_depot returns it, e.g. \"DEP-204417\""),
                    "depot code", "DEP-204417", Pattern.compile("DEP-\\d{6}"), "E-", 6,
                    "the employee id of the depot's manager"));

    private ToolChains() {
    }

    /**
     * One tool: its definition, what its argument must look like (the previous tool's results; null for any non-blank
     * text), how it is named in an error, and how its results are written (a prefix and a fixed number of digits).
     */
    record Tool(ToolDefinition definition, String inputNoun, String inputExample, Pattern inputPattern,
                String resultPrefix, int resultDigits, String resultNoun) {

        String name() {
            return definition.name();
        }

        String parameter() {
            return definition.parameter();
        }
    }

    /** The tools in chain order, as a request offers them to a model. */
    public static List<ToolDefinition> tools() {
        return TOOLS.stream().map(Tool::definition).toList();
    }

    /** How many tool calls a chain task of a difficulty (1 to 9) needs: difficulty + 1, at most {@link #MAX_STEPS}. */
    public static int steps(int difficulty) {
        if (difficulty < 1 || difficulty > 9) {
            throw new IllegalArgumentException("difficulty must be between 1 and 9, was " + difficulty);
        }
        return Math.min(difficulty + 1, MAX_STEPS);
    }

    /**
     * Runs a tool: its result as plain text (e.g. {@code C-482913}), or an error text starting with
     * {@link #ERROR_PREFIX} that says what was wrong and what is valid, for an unknown tool, arguments that are not a
     * JSON object with the tool's parameter as a non-blank string, or an id of the wrong form. Fields besides the
     * parameter are ignored.
     */
    public static String result(String toolName, String argumentsJson) {
        Optional<Tool> found = named(toolName);
        if (found.isEmpty()) {
            return ERROR_PREFIX + "unknown tool \"" + shown(toolName) + "\"; the tools are "
                    + String.join(", ", TOOLS.stream().map(Tool::name).toList());
        }
        Tool tool = found.get();
        String example = "{\"" + tool.parameter() + "\": \"...\"}";
        if (argumentsJson == null || argumentsJson.isBlank()) {
            return ERROR_PREFIX + tool.name() + " needs its arguments as a JSON object such as " + example
                    + ", got nothing";
        }
        JsonNode arguments;
        try {
            arguments = JSON.readTree(argumentsJson);
        } catch (JsonProcessingException e) {
            return ERROR_PREFIX + tool.name() + ": the arguments are not JSON (" + e.getOriginalMessage()
                    + "); send a JSON object such as " + example;
        }
        if (arguments == null || !arguments.isObject()) {
            return ERROR_PREFIX + tool.name() + ": the arguments must be a JSON object such as " + example + ", got "
                    + shown(argumentsJson.strip());
        }
        JsonNode value = arguments.get(tool.parameter());
        if (value == null || !value.isTextual()) {
            return ERROR_PREFIX + tool.name() + " needs the argument \"" + tool.parameter() + "\" as a string, got "
                    + shown(argumentsJson.strip());
        }
        return run(tool, value.asText());
    }

    /** Whether a tool's answer is an error text rather than a result. */
    public static boolean isError(String toolAnswer) {
        return toolAnswer != null && toolAnswer.startsWith(ERROR_PREFIX);
    }

    static Optional<Tool> named(String name) {
        return TOOLS.stream().filter(tool -> tool.name().equals(name)).findFirst();
    }

    static Tool at(int index) {
        return TOOLS.get(index);
    }

    static String run(Tool tool, String argument) {
        String value = argument.strip();
        if (value.isEmpty()) {
            return ERROR_PREFIX + tool.name() + ": the argument \"" + tool.parameter() + "\" is empty";
        }
        Pattern pattern = tool.inputPattern();
        if (pattern != null && !pattern.matcher(value).matches()) {
            String article = "aeiou".indexOf(tool.inputNoun().charAt(0)) >= 0 ? "an " : "a ";
            return ERROR_PREFIX + tool.name() + ": \"" + shown(value) + "\" is not " + article + tool.inputNoun() + " ("
                    + article + tool.inputNoun() + " looks like " + tool.inputExample() + ")";
        }
        long modulus = (long) Math.pow(10, tool.resultDigits());
        long number = Math.floorMod(hash(tool.name() + '\u0000' + value), modulus);
        return tool.resultPrefix() + String.format("%0" + tool.resultDigits() + "d", number);
    }

    /**
     * The value a model reads from a tool message: a JSON string's text, the value of a JSON object's only field (as
     * some SDKs wrap a result, e.g. {@code {"result": "C-482913"}}), else the text trimmed.
     */
    static String valueOf(String toolMessage) {
        String text = toolMessage == null ? "" : toolMessage.strip();
        if (text.startsWith("{") || text.startsWith("\"")) {
            try {
                JsonNode node = JSON.readTree(text);
                if (node != null && node.isTextual()) {
                    return node.asText().strip();
                }
                if (node != null && node.isObject() && node.size() == 1) {
                    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                    JsonNode only = fields.next().getValue();
                    return (only.isValueNode() ? only.asText() : only.toString()).strip();
                }
            } catch (JsonProcessingException e) {
                return text;
            }
        }
        return text;
    }

    private static String shown(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() <= SHOWN_CHARS ? text : text.substring(0, SHOWN_CHARS) + "...";
    }

    private static long hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
