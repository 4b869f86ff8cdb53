package dev.brownout.internal.tasks;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading numbers and JSON out of free-form answers. */
final class Answers {

    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A number: optional sign, digits with optional thousands commas ({@code 1,234}) or without, an optional
     * fraction, an optional exponent ({@code 1e3}). Not the tail of a longer number or a word ({@code v2}).
     */
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\w.,])[-+]?(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|\\.\\d+)(?:[eE][-+]?\\d+)?(?!\\d)");

    /** Beyond this many opening brackets an answer is not searched further for JSON. */
    private static final int MAX_JSON_STARTS = 200;

    private Answers() {
    }

    static boolean blank(String answer) {
        return answer == null || answer.isBlank();
    }

    /** The first number in the text, if there is one. */
    static Optional<BigDecimal> firstNumber(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = NUMBER.matcher(text.replace('\u2212', '-'));
        if (!matcher.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(matcher.group().replace(",", "")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The text as one JSON value, or else the first JSON object or array inside it (in prose, in a code fence). */
    static Optional<JsonNode> json(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Optional<JsonNode> whole = whole(text.strip());
        if (whole.isPresent()) {
            return whole;
        }
        int tried = 0;
        for (int i = 0; i < text.length() && tried < MAX_JSON_STARTS; i++) {
            char c = text.charAt(i);
            if (c == '{' || c == '[') {
                tried++;
                Optional<JsonNode> value = leading(text.substring(i));
                if (value.isPresent() && value.get().isContainerNode()) {
                    return value;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> whole(String text) {
        try (JsonParser parser = JSON.createParser(text)) {
            JsonNode value = parser.readValueAsTree();
            return value != null && parser.nextToken() == null ? Optional.of(value) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<JsonNode> leading(String text) {
        try (JsonParser parser = JSON.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
                return Optional.empty();
            }
            return Optional.ofNullable(parser.readValueAsTree());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** JSON equality where numbers compare by value: 3, 3.0 and 3e0 are the same number. */
    static boolean sameJson(JsonNode a, JsonNode b) {
        return a.equals((x, y) -> {
            if (x.isNumber() && y.isNumber()) {
                return x.decimalValue().compareTo(y.decimalValue()) == 0 ? 0 : 1;
            }
            return x.equals(y) ? 0 : 1;
        }, b);
    }

    /** A value short enough for a one-line description. */
    static String shown(String text) {
        String line = text.replace("\r", "").replace("\n", "\\n");
        return line.length() <= 60 ? line : line.substring(0, 57) + "...";
    }
}
