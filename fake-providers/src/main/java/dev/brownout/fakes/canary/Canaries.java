package dev.brownout.fakes.canary;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The canary prompt grammar. A canary is a block in a user message:
 *
 * <pre>
 * [brownout-task id=ari-5eed01-000042 kind=arithmetic difficulty=2]
 * What is 347 * 29 + 18?
 * Show brief working, then finish with one final line: ANSWER: &lt;your answer&gt;
 * </pre>
 *
 * The header is for machines (the fakes and the ledger); the rest is plain language a real LLM answers.
 * A correct reply's last {@code ANSWER:} line carries the expected answer.
 */
public final class Canaries {

    public static final String ANSWER_PREFIX = "ANSWER: ";
    static final String INSTRUCTION = "Show brief working, then finish with one final line: ANSWER: <your answer>";
    private static final Pattern HEADER = Pattern.compile(
            "\\[brownout-task id=([A-Za-z0-9._:-]{1,64}) kind=([a-z]+) difficulty=([1-9])]");
    private static final Pattern ANSWER_LINE = Pattern.compile("(?m)^\\s*ANSWER:\\s*(.*?)\\s*$");
    private static final Map<CanaryKind, CanaryForm> FORMS = Map.of(
            CanaryKind.ARITHMETIC, new ArithmeticForm(),
            CanaryKind.LOOKUP, new LookupForm(),
            CanaryKind.JSON, new JsonForm(),
            CanaryKind.TOOL, new ToolForm(),
            CanaryKind.CHAIN, new ChainForm());

    private Canaries() {
    }

    /** A canary found in a message: its header fields and the question text that follows the header. */
    public record Found(String taskId, CanaryKind kind, int difficulty, String question) {
    }

    /** The first canary block in {@code text}, if there is one with a known kind. */
    public static Optional<Found> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = HEADER.matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        CanaryKind kind;
        try {
            kind = CanaryKind.fromLabel(matcher.group(2));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(new Found(matcher.group(1), kind, Integer.parseInt(matcher.group(3)),
                text.substring(matcher.end())));
    }

    /**
     * The task id of the first task header in {@code text}, whatever its kind: a canary's, or that of a task
     * the fakes do not solve (such as a user task, {@code kind=user}), which they answer with filler but
     * still record in the ledger.
     */
    public static Optional<String> taskIdIn(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = HEADER.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /**
     * A task header line for a task of any kind label ({@code [a-z]+}), for prompts the harness writes around
     * tasks that are not canaries; {@link #taskIdIn} reads its id back.
     */
    public static String header(String id, String kind, int difficulty) {
        String header = "[brownout-task id=" + id + " kind=" + kind + " difficulty=" + difficulty + "]";
        Matcher matcher = HEADER.matcher(header);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a valid task header: " + header + " (id: 1 to 64 of A-Z a-z 0-9 . _ : -,"
                    + " kind: lower-case letters, difficulty: 1 to 9)");
        }
        return header;
    }

    /** Solves the canary from its text, as a model that gets it right would. Empty when the text is garbled. */
    public static Optional<Solution> solve(Found canary) {
        return FORMS.get(canary.kind()).solve(canary.question());
    }

    /** A plausible wrong reply to a canary whose right reply is {@code right}. */
    public static Solution wrong(Found canary, Solution right, SplittableRandom random) {
        return FORMS.get(canary.kind()).wrong(canary.question(), right, random);
    }

    /**
     * A model's reply at one step of a {@link CanaryKind#CHAIN chain} canary.
     *
     * @param solution the reply: a tool call (with its text form for a request that offered no tools) or a text answer
     * @param onTrack  whether it is what a correct run of the whole chain sends at this step: the right tool with the
     *                 right value, or the expected answer at the end
     */
    public record ChainReply(Solution solution, boolean onTrack) {
    }

    /**
     * What a model replies at step k of a chain canary, k being the number of tool results sent back after the task
     * (in order in {@code toolResults}). A correct model calls tool k with the value it reads from the last result
     * (the task's value at step 0), or after the last tool answers that value, going on from whatever the results
     * say; a weaker one fails a step as drawn from (seed, task, model, choice, step), each step right with
     * probability {@code chainProbability}^(1/(N+1)) for a chain of N calls. Any model told its last call failed (a
     * {@link ToolChains#ERROR_PREFIX} text) gives up. Empty when the chain's text is garbled.
     */
    public static Optional<ChainReply> chainReply(Found chain, List<String> toolResults, long seed, String modelId,
                                                  int choice, double chainProbability) {
        if (chain.kind() != CanaryKind.CHAIN) {
            throw new IllegalArgumentException("not a chain canary: " + chain.kind().label());
        }
        return ChainForm.reply(chain, List.copyOf(toolResults), seed, modelId, choice, chainProbability);
    }

    /** The value on the last {@code ANSWER:} line of a reply, if any. */
    public static Optional<String> answerIn(String reply) {
        if (reply == null) {
            return Optional.empty();
        }
        Matcher matcher = ANSWER_LINE.matcher(reply);
        String last = null;
        while (matcher.find()) {
            last = matcher.group(1);
        }
        return Optional.ofNullable(last);
    }

    static String header(String id, CanaryKind kind, int difficulty) {
        return header(id, kind.label(), difficulty);
    }

    static CanaryForm form(CanaryKind kind) {
        return FORMS.get(kind);
    }
}
