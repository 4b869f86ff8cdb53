package dev.brownout.sut;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the SUT answered, and what the client reading it saw of how the reply ended. The measurement judges
 * from these whether an answer the caller got as a success was whole (see {@code docs/measurement.md}).
 *
 * @param status          the HTTP-like status the SUT reported (200 for an answer); a stream that carried an
 *                        error event is reported as 502, since its caller's SDK raises an error for it
 * @param model           the model the SUT says served the answer, when it says
 * @param firstByteNanos  {@code System.nanoTime()} when the first byte of the answer arrived, or 0 if unknown
 * @param truncated       the SUT, or the client reading it, knows the answer is incomplete although the reply
 *                        succeeded: a truncated success. To report a failure instead, return an error status or
 *                        throw. The built-in adapters leave it false and report the facts below instead
 * @param finishReason    the finish reason the reply carried ({@code stop}, {@code length}, {@code end_turn},
 *                        {@code max_tokens}, ...), as received; null when it carried none or the protocol has none
 * @param usage           the usage block the reply carried; null when it carried none or the protocol has none
 * @param ending          how the reply's body ended; null when the client cannot tell (a command, a plain HTTP
 *                        service, code in this JVM that does not say)
 * @param malformedEvents stream events the client could not read and skipped, as tolerant clients do
 * @param toolCalls       the tools the model asked to call, in order; empty when it answered in text. A reply that
 *                        stands for a whole task (the harness ran the calls and sent the results back) has the
 *                        calls of its last model reply only
 */
public record SutReply(int status, String answer, String model, long firstByteNanos, boolean truncated,
                       String finishReason, Usage usage, Ending ending, int malformedEvents, List<ToolCall> toolCalls) {

    /** How the body of a reply ended, as the client reading it saw it. */
    public enum Ending {
        /** A response that was not streamed, read whole. */
        WHOLE_BODY,
        /** A stream that ended with its terminator: {@code data: [DONE]} (OpenAI) or {@code message_stop} (Anthropic). */
        TERMINATOR,
        /** A stream whose body ended cleanly (no error an SDK would raise) without its terminator. */
        CLEAN_END,
        /** A stream that carried an error event: an error for the caller, whatever the HTTP status said. */
        ERROR_EVENT;

        /** The name written in the exchange log and in {@code result.json}, e.g. {@code clean_end}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The usage block a reply carried.
     *
     * @param inputTokens  the prompt's tokens ({@code prompt_tokens}, {@code input_tokens}); null when not given
     * @param outputTokens the answer's tokens ({@code completion_tokens}, {@code output_tokens}); null when not given
     */
    public record Usage(Long inputTokens, Long outputTokens) {
    }

    /**
     * One tool call a model reply carried.
     *
     * @param id            the call's id, which the tool's result must name ({@code call_...}, {@code toolu_...});
     *                      for the Responses API its {@code call_id}
     * @param name          the tool's name
     * @param argumentsJson the arguments as the model wrote them: a JSON object's text, or whatever it sent
     */
    public record ToolCall(String id, String name, String argumentsJson) {

        public ToolCall {
            Objects.requireNonNull(name, "a tool call's name");
            Objects.requireNonNull(argumentsJson, "a tool call's arguments");
        }
    }

    public SutReply {
        if (malformedEvents < 0) {
            throw new IllegalArgumentException("malformedEvents must be 0 or more; was " + malformedEvents);
        }
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    /** A reply without tool calls: one that answered in text, or whose client cannot see tool calls. */
    public SutReply(int status, String answer, String model, long firstByteNanos, boolean truncated,
                    String finishReason, Usage usage, Ending ending, int malformedEvents) {
        this(status, answer, model, firstByteNanos, truncated, finishReason, usage, ending, malformedEvents, List.of());
    }

    /** A reply without finish reason, usage or ending: what a client that cannot see them reports. */
    public SutReply(int status, String answer, String model, long firstByteNanos, boolean truncated) {
        this(status, answer, model, firstByteNanos, truncated, null, null, null, 0);
    }

    /** A reply not known to be truncated, without finish reason, usage or ending. */
    public SutReply(int status, String answer, String model, long firstByteNanos) {
        this(status, answer, model, firstByteNanos, false);
    }

    /** A 200 answer, naming the model that served it (or null), with nothing known about how it ended. */
    public static SutReply ok(String answer, String model) {
        return new SutReply(200, answer, model, 0);
    }
}
