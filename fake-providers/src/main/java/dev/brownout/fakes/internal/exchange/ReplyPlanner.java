package dev.brownout.fakes.internal.exchange;

import dev.brownout.fakes.canary.Canaries;
import dev.brownout.fakes.canary.CanaryKind;
import dev.brownout.fakes.canary.CanaryOracle;
import dev.brownout.fakes.canary.FillerText;
import dev.brownout.fakes.canary.Solution;
import dev.brownout.fakes.catalog.ModelProfile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Composes what a model answers: a canary in the last user message is solved for real, then got right or
 * wrong as the oracle decides for (seed, task, serving model, choice); anything else gets filler text
 * fixed by the prompt. The verdict and the wrong answer do not depend on the attempt, so a retry to the
 * same model gets the same answer, as the design's determinism requires. A chain canary is played one step a
 * request: the step is the number of tool results after the task's user message, and the model calls the next tool
 * with what the last result says, or answers. A conversation that ends with an assistant message gets the
 * continuation of that prefix, in text, never a tool call.
 */
final class ReplyPlanner {

    /** Fillers kept by seed: a load test repeats its prompts, and each repeat is the same filler. */
    private static final int MAX_CACHED_FILLERS = 4096;

    private final Dialect dialect;
    private final long seed;
    private final Map<Long, List<String>> fillerBySeed = new ConcurrentHashMap<>();

    ReplyPlanner(Dialect dialect, long seed) {
        this.dialect = dialect;
        this.seed = seed;
    }

    /** The canary in the request's last user message, if it carries one the fakes can solve. */
    static Optional<Canaries.Found> canaryOf(ChatRequest request) {
        return Canaries.find(request.lastUserText());
    }

    /** The task id in the request's last user message: a canary's, or a task of another kind (answered with filler). */
    static Optional<String> taskIdOf(ChatRequest request) {
        return Canaries.taskIdIn(request.lastUserText());
    }

    int inputTokens(ChatRequest request) {
        int total = 3;
        for (ChatMessage message : request.messages()) {
            total += 4 + dialect.tokens().count(message.text());
        }
        return total;
    }

    Reply plan(ChatRequest request, String replyId, ModelProfile served, double capabilityMultiplier,
               SplittableRandom random) {
        Optional<Canaries.Found> canary = canaryOf(request);
        boolean chain = canary.isPresent() && canary.get().kind() == CanaryKind.CHAIN;
        Optional<Solution> right = chain ? Optional.empty() : canary.flatMap(Canaries::solve);
        List<ChoicePlan> choices = new ArrayList<>();
        for (int index = 0; index < request.n(); index++) {
            Optional<Canaries.ChainReply> step = !chain ? Optional.empty()
                    : Canaries.chainReply(canary.get(), request.toolResultsAfterLastUser(), seed, served.id(), index,
                    CanaryOracle.probability(served.capability(), capabilityMultiplier, canary.get().difficulty()));
            if (step.isPresent()) {
                choices.add(chainChoice(request, index, step.get(), random));
            } else if (right.isPresent()) {
                choices.add(canaryChoice(request, index, canary.get(), right.get(), served, capabilityMultiplier,
                        random));
            } else {
                choices.add(fillerChoice(request, index, stableSeed(request.lastUserText(), served.id(), index)));
            }
        }
        return new Reply(replyId, System.currentTimeMillis() / 1000, request.model(), choices,
                inputTokens(request), request.includeUsage());
    }

    private ChoicePlan canaryChoice(ChatRequest request, int index, Canaries.Found canary, Solution right,
                                    ModelProfile served, double capabilityMultiplier, SplittableRandom random) {
        double probability = CanaryOracle.probability(served.capability(), capabilityMultiplier, canary.difficulty());
        boolean correct = CanaryOracle.answersCorrectly(seed, canary.taskId(), served.id(), index, probability);
        Solution solution = correct ? right
                : Canaries.wrong(canary, right, new SplittableRandom(stableSeed(canary.taskId(), served.id(), index)));
        String toolResult = request.toolResultAfterLastUser();
        if (toolResult != null) {
            return textChoice(request, index,
                    "The tool returned: " + toolResult + "\n" + Canaries.ANSWER_PREFIX + solution.answer(), correct);
        }
        Solution.ToolCall call = solution.toolCall();
        if (callable(request, call)) {
            return toolCallChoice(request, index, call, correct, random);
        }
        return textChoice(request, index, solution.text(), correct);
    }

    /**
     * One step of a chain task: its tool call when the request lets the model call it, else the call written out
     * (graded wrong, as the task wants the chain's result) or the text answer. Correct when it is what a correct
     * run of the whole chain sends here.
     */
    private ChoicePlan chainChoice(ChatRequest request, int index, Canaries.ChainReply step, SplittableRandom random) {
        Solution.ToolCall call = step.solution().toolCall();
        if (callable(request, call)) {
            return toolCallChoice(request, index, call, step.onTrack(), random);
        }
        return textChoice(request, index, step.solution().text(), step.onTrack() && call == null);
    }

    private static boolean callable(ChatRequest request, Solution.ToolCall call) {
        return call != null && request.assistantPrefix() == null && request.toolsAllowed()
                && request.toolNames().contains(call.name());
    }

    private ChoicePlan toolCallChoice(ChatRequest request, int index, Solution.ToolCall call, Boolean correct,
                                      SplittableRandom random) {
        List<String> pieces = dialect.tokens().pieces(call.argumentsJson());
        FinishReason finish = FinishReason.TOOL_CALLS;
        if (request.maxTokens() != null && pieces.size() > request.maxTokens()) {
            pieces = pieces.subList(0, request.maxTokens());
            finish = FinishReason.LENGTH;
        }
        return new ChoicePlan(index, List.of(),
                new ToolCallPlan(dialect.newToolCallId(random), call.name(), pieces), finish, correct);
    }

    private ChoicePlan fillerChoice(ChatRequest request, int index, long seed) {
        if (request.assistantPrefix() != null) {
            return textChoice(request, index, FillerText.generate(seed), null);
        }
        List<String> pieces = fillerBySeed.get(seed);
        if (pieces == null) {
            // Tokenised by its parts, which the token cache holds: a new prompt's filler costs no tokenising.
            pieces = dialect.tokens().pieces(FillerText.segments(seed));
            if (fillerBySeed.size() >= MAX_CACHED_FILLERS) {
                fillerBySeed.clear();
            }
            fillerBySeed.put(seed, pieces);
        }
        return limited(request, index, pieces, null);
    }

    private ChoicePlan textChoice(ChatRequest request, int index, String text, Boolean correct) {
        return limited(request, index, dialect.tokens().pieces(continuation(request.assistantPrefix(), text)), correct);
    }

    private ChoicePlan limited(ChatRequest request, int index, List<String> pieces, Boolean correct) {
        FinishReason finish = FinishReason.STOP;
        if (request.maxTokens() != null && pieces.size() > request.maxTokens()) {
            pieces = pieces.subList(0, request.maxTokens());
            finish = FinishReason.LENGTH;
        }
        return new ChoicePlan(index, pieces, null, finish, correct);
    }

    /**
     * What follows an assistant prefix so that prefix + continuation is the answer the model would have
     * given whole: the rest of it when the prefix is its beginning (as a gateway resuming a cut stream sends
     * it, trailing whitespace trimmed or not), else the whole answer on a new line, so its final
     * {@code ANSWER:} line is still the last one.
     */
    static String continuation(String prefix, String answer) {
        if (prefix == null) {
            return answer;
        }
        if (answer.startsWith(prefix)) {
            return answer.substring(prefix.length());
        }
        String trimmed = prefix.stripTrailing();
        if (answer.startsWith(trimmed)) {
            return answer.substring(trimmed.length());
        }
        return (prefix.endsWith("\n") ? "" : "\n") + answer;
    }

    private long stableSeed(String text, String model, int choice) {
        long hash = seed;
        for (byte b : (text + '\u0000' + model + '\u0000' + choice).getBytes(StandardCharsets.UTF_8)) {
            hash = hash * 31 + b;
        }
        return hash;
    }
}
