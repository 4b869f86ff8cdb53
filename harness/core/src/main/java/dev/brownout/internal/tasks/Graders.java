package dev.brownout.internal.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.brownout.fakes.canary.Canaries;
import dev.brownout.fakes.canary.CanaryKind;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The graders: exact, regex, contains, numeric with tolerance, JSON Schema, JSON equality, and the
 * {@code ANSWER:}-line wrapper that canary tasks (and user tasks with {@code answer_line: true}) use.
 * Every grader scores a null or blank answer 0. Factories refuse a bad specification with an
 * {@link IllegalArgumentException} saying what is wrong.
 */
public final class Graders {

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final JsonSchema META_SCHEMA = SCHEMAS.getSchema(SchemaLocation.of(SchemaId.V202012));

    private Graders() {
    }

    /** The trimmed answer equals the trimmed expected text; ignoring case when {@code caseSensitive} is false. */
    public static Grader exact(String expected, boolean caseSensitive) {
        return new Exact(Objects.requireNonNull(expected, "expected").strip(), caseSensitive);
    }

    /** The pattern is found somewhere in the answer; flags go inline, as in {@code (?i)}. */
    public static Grader regex(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        try {
            return new Regex(Pattern.compile(pattern));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("not a valid regular expression: " + e.getDescription()
                    + " near index " + e.getIndex() + " of " + pattern);
        }
    }

    /** The answer contains the expected text; ignoring case when {@code caseSensitive} is false. */
    public static Grader contains(String expected, boolean caseSensitive) {
        Objects.requireNonNull(expected, "expected");
        if (expected.isEmpty()) {
            throw new IllegalArgumentException("the text to look for is empty, so every answer would contain it");
        }
        return new Contains(expected, caseSensitive);
    }

    /**
     * The answer's number is within {@code tolerance} of {@code expected}, or within
     * {@code relativeTolerance × |expected|} when that is given (null for none). The answer's number is the
     * first number on its last {@code ANSWER:} line when it has one, else the first number in it; numbers may
     * have thousands commas ({@code 1,234}) and exponents ({@code 1e3}).
     */
    public static Grader numeric(BigDecimal expected, BigDecimal tolerance, BigDecimal relativeTolerance) {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(tolerance, "tolerance");
        if (tolerance.signum() < 0) {
            throw new IllegalArgumentException("tolerance must be 0 or more, was " + tolerance.toPlainString());
        }
        if (relativeTolerance != null && relativeTolerance.signum() < 0) {
            throw new IllegalArgumentException("relative_tolerance must be 0 or more, was " + relativeTolerance.toPlainString());
        }
        return new Numeric(expected, tolerance, relativeTolerance);
    }

    /** {@link #numeric(BigDecimal, BigDecimal, BigDecimal)} with an expected value written as text, such as {@code 1,234}. */
    public static Grader numeric(String expected, BigDecimal tolerance, BigDecimal relativeTolerance) {
        Objects.requireNonNull(expected, "expected");
        BigDecimal value;
        try {
            value = new BigDecimal(expected.strip().replace(",", "").replace('\u2212', '-'));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected '" + expected + "' is not a number (write it as 1234, 1,234, -0.5 or 1e3)");
        }
        return numeric(value, tolerance, relativeTolerance);
    }

    /**
     * The answer is JSON, or contains a JSON object or array, that validates against the schema (JSON Schema
     * 2020-12 unless it names another draft with {@code $schema}).
     */
    public static Grader jsonSchema(JsonNode schema) {
        Objects.requireNonNull(schema, "schema");
        if (!schema.isObject() && !schema.isBoolean()) {
            throw new IllegalArgumentException("a JSON Schema is an object or true/false, not " + schema.getNodeType()
                    .name().toLowerCase(Locale.ROOT));
        }
        Set<ValidationMessage> problems = META_SCHEMA.validate(schema);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("not a valid JSON Schema: " + problems.iterator().next().getMessage());
        }
        try {
            JsonSchema compiled = SCHEMAS.getSchema(schema);
            compiled.initializeValidators();
            return new Schema(schema, compiled);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a valid JSON Schema: " + e.getMessage());
        }
    }

    /** The answer is, or contains, JSON equal to the expected JSON; numbers compare by value ({@code 3} = {@code 3.0}). */
    public static Grader jsonEquals(String expectedJson) {
        JsonNode expected = Answers.json(Objects.requireNonNull(expectedJson, "expectedJson"))
                .orElseThrow(() -> new IllegalArgumentException("expected '" + expectedJson + "' is not JSON"));
        return new JsonEquals(expected);
    }

    /**
     * Grades the value on the answer's last {@code ANSWER:} line with another grader; an answer without such a
     * line scores 0.
     */
    public static Grader answerLine(Grader onValue) {
        return new AnswerLine(Objects.requireNonNull(onValue, "onValue"));
    }

    /**
     * How a canary of a kind is graded: the value on the reply's last {@code ANSWER:} line against the task's
     * expected answer: as a number for arithmetic, exactly for lookup, tool (the call written as
     * {@code name(argument="value")}) and chain (the last tool's result), as equal JSON for json (the expected answer
     * is a JSON object).
     */
    public static Grader canary(CanaryKind kind, String expected) {
        return answerLine(switch (kind) {
            case ARITHMETIC -> numeric(expected, BigDecimal.ZERO, null);
            case LOOKUP, TOOL, CHAIN -> exact(expected, true);
            case JSON -> jsonEquals(expected);
        });
    }

    private record Exact(String expected, boolean caseSensitive) implements Grader {
        @Override
        public double score(String answer) {
            if (Answers.blank(answer)) {
                return 0;
            }
            String given = answer.strip();
            return (caseSensitive ? given.equals(expected) : given.equalsIgnoreCase(expected)) ? 1 : 0;
        }

        @Override
        public String description() {
            return "exactly \"" + Answers.shown(expected) + "\"" + (caseSensitive ? "" : " (any case)");
        }
    }

    private record Regex(Pattern pattern) implements Grader {
        @Override
        public double score(String answer) {
            return !Answers.blank(answer) && pattern.matcher(answer).find() ? 1 : 0;
        }

        @Override
        public String description() {
            return "matches /" + Answers.shown(pattern.pattern()) + "/";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Regex regex && regex.pattern.pattern().equals(pattern.pattern());
        }

        @Override
        public int hashCode() {
            return pattern.pattern().hashCode();
        }
    }

    private record Contains(String expected, boolean caseSensitive) implements Grader {
        @Override
        public double score(String answer) {
            if (Answers.blank(answer)) {
                return 0;
            }
            boolean found = caseSensitive ? answer.contains(expected)
                    : answer.toLowerCase(Locale.ROOT).contains(expected.toLowerCase(Locale.ROOT));
            return found ? 1 : 0;
        }

        @Override
        public String description() {
            return "contains \"" + Answers.shown(expected) + "\"" + (caseSensitive ? "" : " (any case)");
        }
    }

    private record Numeric(BigDecimal expected, BigDecimal tolerance, BigDecimal relativeTolerance) implements Grader {
        @Override
        public double score(String answer) {
            if (Answers.blank(answer)) {
                return 0;
            }
            String text = Canaries.answerIn(answer).orElse(answer);
            Optional<BigDecimal> given = Answers.firstNumber(text);
            if (given.isEmpty()) {
                return 0;
            }
            BigDecimal off = given.get().subtract(expected).abs();
            boolean close = off.compareTo(tolerance) <= 0
                    || relativeTolerance != null && off.compareTo(relativeTolerance.multiply(expected.abs())) <= 0;
            return close ? 1 : 0;
        }

        @Override
        public String description() {
            String description = "number " + expected.toPlainString();
            if (tolerance.signum() > 0) {
                description += " ± " + tolerance.toPlainString();
            }
            if (relativeTolerance != null) {
                description += (tolerance.signum() > 0 ? " or" : "") + " within "
                        + relativeTolerance.movePointRight(2).stripTrailingZeros().toPlainString() + "% of it";
            }
            return description;
        }
    }

    private record Schema(JsonNode schema, JsonSchema compiled) implements Grader {
        @Override
        public double score(String answer) {
            if (Answers.blank(answer)) {
                return 0;
            }
            return Answers.json(answer).map(json -> compiled.validate(json).isEmpty() ? 1.0 : 0.0).orElse(0.0);
        }

        @Override
        public String description() {
            return "JSON valid against the schema " + Answers.shown(schema.toString());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Schema that && that.schema.equals(schema);
        }

        @Override
        public int hashCode() {
            return schema.hashCode();
        }
    }

    private record JsonEquals(JsonNode expected) implements Grader {
        @Override
        public double score(String answer) {
            if (Answers.blank(answer)) {
                return 0;
            }
            return Answers.json(answer).map(json -> Answers.sameJson(expected, json) ? 1.0 : 0.0).orElse(0.0);
        }

        @Override
        public String description() {
            return "JSON equal to " + Answers.shown(expected.toString());
        }
    }

    private record AnswerLine(Grader onValue) implements Grader {
        @Override
        public double score(String answer) {
            if (Answers.blank(answer)) {
                return 0;
            }
            return Canaries.answerIn(answer).map(onValue::score).orElse(0.0);
        }

        @Override
        public String description() {
            return "on the last ANSWER: line, " + onValue.description();
        }
    }
}
