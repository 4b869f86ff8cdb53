package dev.brownout.fakes.canary;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Reply with a JSON object that has exactly these fields: "city" set to the string "Oslo", ..." Difficulty
 * d asks for d + 1 fields. A wrong reply gets one field's value off by a little.
 */
final class JsonForm implements CanaryForm {

    private static final String INTRO = "Reply with a JSON object that has exactly these fields: ";
    private static final Pattern FIELD = Pattern.compile(
            "\"(\\w+)\" set to the (string \"([^\"]*)\"|number (-?\\d+)|boolean (true|false))");
    private static final String[] NAMES = {"city", "count", "ok", "owner", "region", "limit", "active", "label",
            "retries", "priority"};
    private static final String[] WORDS = {"Oslo", "Lima", "Kyoto", "Perth", "Quito", "Tunis", "Bern", "Hanoi"};

    @Override
    public String question(int difficulty, SplittableRandom random) {
        List<String> names = new ArrayList<>(List.of(NAMES));
        StringBuilder question = new StringBuilder(INTRO);
        int fields = Math.min(difficulty + 1, names.size());
        for (int i = 0; i < fields; i++) {
            String name = names.remove(random.nextInt(names.size()));
            if (i > 0) {
                question.append(i == fields - 1 ? " and " : ", ");
            }
            question.append('"').append(name).append("\" set to the ");
            switch (random.nextInt(3)) {
                case 0 -> question.append("string \"").append(WORDS[random.nextInt(WORDS.length)]).append('"');
                case 1 -> question.append("number ").append(random.nextInt(0, 1000));
                default -> question.append("boolean ").append(random.nextBoolean());
            }
        }
        return question.append('.').toString();
    }

    @Override
    public Optional<Solution> solve(String question) {
        int start = question.indexOf(INTRO);
        if (start < 0) {
            return Optional.empty();
        }
        Map<String, Object> fields = fields(question.substring(start + INTRO.length()));
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Solution(List.of("Here is the object."), render(fields), null));
    }

    @Override
    public Solution wrong(String question, Solution right, SplittableRandom random) {
        Map<String, Object> fields = fields(question.substring(question.indexOf(INTRO) + INTRO.length()));
        List<String> names = new ArrayList<>(fields.keySet());
        String victim = names.get(random.nextInt(names.size()));
        Object value = fields.get(victim);
        fields.put(victim, switch (value) {
            case Boolean flag -> !flag;
            case Long number -> number + 1;
            default -> neighbour((String) value);
        });
        return new Solution(List.of("Here is the object."), render(fields), null);
    }

    private static Map<String, Object> fields(String text) {
        Map<String, Object> fields = new LinkedHashMap<>();
        Matcher matcher = FIELD.matcher(text);
        while (matcher.find()) {
            if (matcher.group(3) != null) {
                fields.put(matcher.group(1), matcher.group(3));
            } else if (matcher.group(4) != null) {
                fields.put(matcher.group(1), Long.parseLong(matcher.group(4)));
            } else {
                fields.put(matcher.group(1), Boolean.parseBoolean(matcher.group(5)));
            }
        }
        return fields;
    }

    private static String neighbour(String word) {
        for (int i = 0; i < WORDS.length; i++) {
            if (WORDS[i].equals(word)) {
                return WORDS[(i + 1) % WORDS.length];
            }
        }
        return word + "s";
    }

    private static String render(Map<String, Object> fields) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        fields.forEach((name, value) -> {
            switch (value) {
                case Boolean flag -> object.put(name, flag);
                case Long number -> object.put(name, number);
                default -> object.put(name, (String) value);
            }
        });
        return object.toString();
    }
}
