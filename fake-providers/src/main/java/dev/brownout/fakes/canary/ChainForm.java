package dev.brownout.fakes.canary;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Find the order id for the customer named "Ada Lindqvist" by calling these tools one at a time ..." with one
 * numbered line per call: the first with a quoted value, each later one fed the result of the step before. Difficulty
 * d asks for {@link ToolChains#steps(int)} calls. Solved, it is the whole chain run through {@link ToolChains}; a wrong
 * reply is a neighbouring value. How a model plays it call by call is {@link #reply}.
 */
final class ChainForm implements CanaryForm {

    private static final Pattern STEP = Pattern.compile(
            "(?m)^(\\d+)\\. (\\w+) with (\\w+) set to (?:\"([^\"\\n]*)\"|the result of step (\\d+))\\s*$");
    /** The answer of a model that gave up after a failed call. */
    static final String GAVE_UP = "unknown";
    private static final Pattern TRAILING_DIGITS = Pattern.compile("(\\d+)$");
    private static final String[] FIRST_NAMES = {"Ada", "Bruno", "Chiara", "Dmitri", "Elif", "Farah", "Goran", "Hana",
            "Ines", "Jonas", "Kofi", "Lena"};
    private static final String[] LAST_NAMES = {"Lindqvist", "Okafor", "Moreau", "Tanaka", "Novak", "Haddad", "Silva",
            "Brennan", "Kowalski", "Iyer"};

    /** The calls a chain task asks for, in order, and the value the first one takes. */
    record Chain(List<ToolChains.Tool> tools, String firstValue) {

        /** The value a correct run calls step {@code step} with (0: the first value), or its answer at the end. */
        String valueAt(int step) {
            String value = firstValue;
            for (int i = 0; i < Math.min(step, tools.size()); i++) {
                value = ToolChains.run(tools.get(i), value);
            }
            return value;
        }
    }

    @Override
    public String question(int difficulty, SplittableRandom random) {
        int steps = ToolChains.steps(difficulty);
        String name = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)] + " "
                + LAST_NAMES[random.nextInt(LAST_NAMES.length)];
        StringBuilder question = new StringBuilder("Find ")
                .append(ToolChains.at(steps - 1).resultNoun())
                .append(" for the customer named \"").append(name)
                .append("\" by calling these tools one at a time, each with the result of the call before it:\n");
        for (int step = 0; step < steps; step++) {
            ToolChains.Tool tool = ToolChains.at(step);
            question.append(step + 1).append(". ").append(tool.name()).append(" with ").append(tool.parameter())
                    .append(" set to ")
                    .append(step == 0 ? "\"" + name + "\"" : "the result of step " + step)
                    .append('\n');
        }
        return question.append("The answer is the result of the last call.").toString();
    }

    @Override
    public Optional<Solution> solve(String question) {
        return parse(question).map(chain -> {
            List<String> working = new ArrayList<>();
            String value = chain.firstValue();
            for (ToolChains.Tool tool : chain.tools()) {
                String result = ToolChains.run(tool, value);
                working.add(ToolForm.written(tool.name(), tool.parameter(), value) + " returns " + result);
                value = result;
            }
            return new Solution(working, value, call(chain.tools().getFirst(), chain.firstValue()).toolCall());
        });
    }

    @Override
    public Solution wrong(String question, Solution right, SplittableRandom random) {
        return new Solution(List.of(), neighbour(right.answer()), null);
    }

    /** The chain a question asks for; empty when its steps are not numbered 1, 2, ... with known tools. */
    static Optional<Chain> parse(String question) {
        Matcher matcher = STEP.matcher(question);
        List<ToolChains.Tool> tools = new ArrayList<>();
        String first = null;
        while (matcher.find()) {
            int number = Integer.parseInt(matcher.group(1));
            Optional<ToolChains.Tool> tool = ToolChains.named(matcher.group(2));
            boolean fedByPrevious = matcher.group(5) != null && Integer.parseInt(matcher.group(5)) == number - 1;
            if (number != tools.size() + 1 || tool.isEmpty() || !tool.get().parameter().equals(matcher.group(3))
                    || (number == 1 ? matcher.group(4) == null : !fedByPrevious)) {
                return Optional.empty();
            }
            if (number == 1) {
                first = matcher.group(4);
            }
            tools.add(tool.get());
        }
        return tools.isEmpty() ? Optional.empty() : Optional.of(new Chain(tools, first));
    }

    /**
     * The reply at step k = {@code toolResults.size()}: a correct model calls tool k with the value it reads from the
     * last tool result (step 0: the question's value), or past the last tool answers that value. A model that fails
     * the step's draw stops early (answers the value it has), calls the next step's tool, or calls the right tool
     * with a neighbouring value, as a second draw picks. Each of the chain's calls and its final answer is right with
     * probability p^(1/(N+1)), so the whole chain is with p. Any model told its last call failed (an error text, as
     * a call of the wrong tool gets) gives up and answers {@value #GAVE_UP}.
     */
    static Optional<Canaries.ChainReply> reply(Canaries.Found found, List<String> toolResults, long seed,
                                               String modelId, int choice, double chainProbability) {
        Optional<Chain> parsed = parse(found.question());
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Chain chain = parsed.get();
        int steps = chain.tools().size();
        int step = toolResults.size();
        String value = step == 0 ? chain.firstValue() : ToolChains.valueOf(toolResults.getLast());
        if (step > 0 && ToolChains.isError(value)) {
            // Whatever its capability, a model told its call failed gives up rather than feed the error on.
            return Optional.of(new Canaries.ChainReply(
                    new Solution(List.of("The last call failed (" + value + "), so I cannot finish."), GAVE_UP, null),
                    false));
        }
        String draws = found.taskId() + "/step-" + step;
        double stepProbability = Math.pow(Math.max(0, Math.min(1, chainProbability)), 1.0 / (steps + 1));
        boolean right = CanaryOracle.draw(seed, draws, modelId, choice) < stepProbability;
        if (step >= steps) {
            String answer = right ? value : neighbour(value);
            return Optional.of(new Canaries.ChainReply(
                    new Solution(List.of("The last call returned " + value + "."), answer, null),
                    answer.equals(chain.valueAt(steps))));
        }
        ToolChains.Tool tool = chain.tools().get(step);
        Solution.ToolCall onTrack = call(tool, chain.valueAt(step)).toolCall();
        if (right) {
            Solution solution = call(tool, value);
            return Optional.of(new Canaries.ChainReply(solution, solution.toolCall().equals(onTrack)));
        }
        int mode = (int) (CanaryOracle.draw(seed, draws + "/mode", modelId, choice) * 3);
        Solution solution = switch (mode) {
            case 0 -> new Solution(List.of("I have what I need without more calls."), value, null);
            case 1 -> step + 1 < steps ? call(chain.tools().get(step + 1), value) : call(tool, neighbour(value));
            default -> call(tool, neighbour(value));
        };
        return Optional.of(new Canaries.ChainReply(solution,
                solution.toolCall() != null && solution.toolCall().equals(onTrack)));
    }

    /** A call of a tool, and the same call in text for a request that offered no tools. */
    private static Solution call(ToolChains.Tool tool, String value) {
        String arguments = JsonNodeFactory.instance.objectNode().put(tool.parameter(), value).toString();
        return new Solution(List.of("I cannot call tools here, so this is the call I would make."),
                ToolForm.written(tool.name(), tool.parameter(), value), new Solution.ToolCall(tool.name(), arguments));
    }

    /** A near miss: the id one further on (same width), another customer with the same first name, or a typo. */
    static String neighbour(String value) {
        Matcher digits = TRAILING_DIGITS.matcher(value);
        if (digits.find() && digits.group(1).length() <= 18) {
            int width = digits.group(1).length();
            long next = (Long.parseLong(digits.group(1)) + 1) % (long) Math.pow(10, width);
            return value.substring(0, digits.start()) + String.format("%0" + width + "d", next);
        }
        for (int i = 0; i < LAST_NAMES.length; i++) {
            if (value.endsWith(" " + LAST_NAMES[i])) {
                return value.substring(0, value.length() - LAST_NAMES[i].length())
                        + LAST_NAMES[(i + 1) % LAST_NAMES.length];
            }
        }
        return value + "e";
    }
}
