package dev.brownout.fakes.canary;

/**
 * A canary task as the harness sends it: the full prompt (header line, question, answer instruction) and
 * the answer that grades as correct. {@code expected} is what follows {@code ANSWER:} in a correct reply;
 * for a {@link CanaryKind#TOOL} task it is the tool call written as {@code name(argument="value")}, for a
 * {@link CanaryKind#CHAIN} task the result of the chain's last tool call run correctly ({@link ToolChains}).
 */
public record CanaryTask(String id, CanaryKind kind, int difficulty, String prompt, String expected) {
}
