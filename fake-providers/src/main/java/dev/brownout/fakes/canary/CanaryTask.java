package dev.brownout.fakes.canary;

/**
 * A canary task as the harness sends it: the full prompt (header line, question, answer instruction) and
 * the answer that grades as correct. {@code expected} is what follows {@code ANSWER:} in a correct reply;
 * for a {@link CanaryKind#TOOL} task it is the tool call written as {@code name(argument="value")}.
 */
public record CanaryTask(String id, CanaryKind kind, int difficulty, String prompt, String expected) {
}
