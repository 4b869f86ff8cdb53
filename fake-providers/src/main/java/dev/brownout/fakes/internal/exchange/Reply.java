package dev.brownout.fakes.internal.exchange;

import java.util.List;

/**
 * What a provider will send for one request, before pacing and faults: ids, the model name to report,
 * the choices and the prompt's token count.
 */
public record Reply(String id, long created, String model, List<ChoicePlan> choices, int inputTokens,
                    boolean includeUsage) {

    public Reply {
        choices = List.copyOf(choices);
    }

    /** The most output steps any choice takes. */
    public int steps() {
        return choices.stream().mapToInt(ChoicePlan::tokenCount).max().orElse(0);
    }

    public int outputTokens() {
        return choices.stream().mapToInt(ChoicePlan::tokenCount).sum();
    }
}
