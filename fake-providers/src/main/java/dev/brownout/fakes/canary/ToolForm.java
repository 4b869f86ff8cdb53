package dev.brownout.fakes.canary;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Use the tool get_weather, calling it with the argument city set to "Oslo"." When the request offers
 * that tool, the fake calls it; otherwise it writes the call as its answer. A wrong reply passes a
 * neighbouring value.
 */
final class ToolForm implements CanaryForm {

    private static final Pattern QUESTION = Pattern.compile(
            "Use the tool (\\w+), calling it with the argument (\\w+) set to \"([^\"]*)\"\\.");
    private static final String[][] TOOLS = {
            {"get_weather", "city"}, {"lookup_order", "order_id"}, {"find_flight", "destination"},
            {"convert_currency", "currency"}};
    private static final String[] VALUES = {"Oslo", "Lima", "Kyoto", "Perth", "Quito", "Tunis", "Bern", "Hanoi",
            "A-1042", "B-2210", "EUR", "JPY"};

    @Override
    public String question(int difficulty, SplittableRandom random) {
        String[] tool = TOOLS[random.nextInt(TOOLS.length)];
        return "Use the tool " + tool[0] + ", calling it with the argument " + tool[1] + " set to \""
                + VALUES[random.nextInt(VALUES.length)] + "\".";
    }

    @Override
    public Optional<Solution> solve(String question) {
        Matcher matcher = QUESTION.matcher(question);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(solution(matcher.group(1), matcher.group(2), matcher.group(3)));
    }

    @Override
    public Solution wrong(String question, Solution right, SplittableRandom random) {
        Matcher matcher = QUESTION.matcher(question);
        matcher.find();
        String value = matcher.group(3);
        String other = VALUES[random.nextInt(VALUES.length)];
        if (other.equals(value)) {
            other = value + "x";
        }
        return solution(matcher.group(1), matcher.group(2), other);
    }

    /** The tool call, and the same call in text for a request that offered no tools. */
    static String written(String tool, String argument, String value) {
        return tool + "(" + argument + "=\"" + value + "\")";
    }

    private static Solution solution(String tool, String argument, String value) {
        String arguments = JsonNodeFactory.instance.objectNode().put(argument, value).toString();
        return new Solution(List.of("I cannot call tools here, so this is the call I would make."),
                written(tool, argument, value), new Solution.ToolCall(tool, arguments));
    }
}
