package dev.brownout.reports;

/**
 * One multi-step tool task as the providers' ledgers saw its model calls. The step of a call is the number of
 * tool results the conversation it sent already held: step 0 is the task's first call, step N its final answer.
 *
 * @param taskId       the task
 * @param phase        the phase it was due in
 * @param score        its final answer's grade
 * @param modelCalls   model calls the providers saw for it, failed ones included
 * @param toolCalls    tool calls the models asked for in its replies
 * @param wastedCalls  calls that did not move the loop forward: failed ones, and repeats of an answered step
 * @param costUsd      what its model calls cost
 * @param brokenAtStep the step of its first failed call; null when none failed
 * @param brokenBy     how that call failed: its HTTP status, or how the reply ended ({@code cut}, {@code stream_error},
 *                     {@code malformed}, {@code hang}, {@code client_disconnected}); null when none failed
 * @param recovery     what came after it: {@link #RESUMED}, {@link #STARTED_OVER} or {@link #GAVE_UP}; null when none
 *                     failed
 */
public record TaskLoop(String taskId, String phase, double score, int modelCalls, int toolCalls, int wastedCalls,
                       double costUsd, Integer brokenAtStep, String brokenBy, String recovery) {

    /** The next call went on from the step that failed (a retry of it, by the gateway or the agent). */
    public static final String RESUMED = "resumed";
    /** The next call went back to an earlier step: the agent started the task, or part of it, over. */
    public static final String STARTED_OVER = "started_over";
    /** No call came after the failure: the agent gave the task up. */
    public static final String GAVE_UP = "gave_up";

    /** Whether a model call of the task failed part-way. */
    public boolean broken() {
        return brokenAtStep != null;
    }
}
