package dev.brownout.gatling;

/**
 * The Gatling session attributes Brownout's feeders and {@link BrownoutLoad#ask() ask} chain set, for a simulation's
 * own checks and steps (e.g. {@code exec(session -> ... session.getDouble(SessionKeys.SCORE) ...)}).
 */
public final class SessionKeys {

    /** The {@link dev.brownout.LoadTask} being sent, set by the feeder. */
    public static final String TASK = "brownout.task";
    /** The task's id, e.g. {@code t-000042}, set by the feeder. */
    public static final String TASK_ID = "brownout.taskId";
    /** The task's prompt, set by the feeder. */
    public static final String PROMPT = "brownout.prompt";
    /** The HTTP status of the SUT's reply (an int); absent when no reply came (connection failed, timeout). */
    public static final String STATUS = "brownout.status";
    /** The answer as the SUT's dialect reader read it (a String); absent when no reply came. */
    public static final String ANSWER = "brownout.answer";
    /**
     * Milliseconds (a long) from sending the request to the first token of a streamed reply (for a plain reply, to
     * when its whole body had arrived); absent when none came.
     */
    public static final String FIRST_TOKEN_MILLIS = "brownout.firstTokenMillis";
    /** The finish reason the reply carried ({@code stop}, {@code length}, {@code end_turn}, ...); absent when none. */
    public static final String FINISH_REASON = "brownout.finishReason";
    /**
     * Whether a successful reply is incomplete as far as the reply itself shows (a boolean), by the rule
     * {@code brownout run} applies ({@link dev.brownout.LoadTask#truncation}): no finish reason, a token limit's, a
     * stream that ended without its terminator and usage, a canary answer without its final line. The measurement
     * also consults the providers' ledgers after the run; false for a failed exchange.
     */
    public static final String TRUNCATED = "brownout.truncated";
    /** The task's grade for the answer (a double): 1.0 right, 0.0 wrong or no answer, in between for partial credit. */
    public static final String SCORE = "brownout.score";

    private SessionKeys() {
    }
}
