package dev.brownout.fakes.internal.cassette;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One line of a cassette after its header: a request, its key, and what the upstream answered (choices with
 * usage, or an error) with its timings.
 *
 * @param key     the request's {@link RequestKey}
 * @param api     the API the request was addressed to, e.g. {@code chat.completions}
 * @param model   the model the request named
 * @param request the request body as sent, secrets redacted
 * @param status  the upstream's HTTP status
 * @param choices the answer's choices, for a 2xx status
 * @param usage   the upstream's token counts, when it sent them
 * @param error   the upstream's error, for any other status
 * @param timing  the upstream's timings
 */
public record RecordedExchange(String key, String api, String model, JsonNode request, Integer status,
                               List<Choice> choices, Usage usage, Error error, Timing timing) {

    private static final Set<String> FINISH_REASONS = Set.of("stop", "length", "tool_calls");

    public RecordedExchange {
        required("key", key);
        required("api", api);
        required("model", model);
        if (status == null || status < 200 || status > 599) {
            throw new IllegalArgumentException("'status' must be an HTTP status from 200 to 599; was " + status);
        }
        choices = choices == null ? List.of() : List.copyOf(choices);
        if (status < 300 && choices.isEmpty()) {
            throw new IllegalArgumentException("'choices' must hold at least one choice for status " + status);
        }
        if (status >= 300 && error == null) {
            throw new IllegalArgumentException("'error' is required for status " + status);
        }
        if (timing == null) {
            throw new IllegalArgumentException("'timing' is required");
        }
    }

    private static void required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("'" + field + "' is required and must not be blank");
        }
    }

    /**
     * One choice of the answer: its text, or a tool call (the text beside a tool call is kept but not sent).
     *
     * @param finishReason {@code stop}, {@code length} or {@code tool_calls}
     */
    public record Choice(Integer index, String text, ToolCall toolCall, String finishReason) {

        public Choice {
            if (index == null || index < 0) {
                throw new IllegalArgumentException("'index' must be a number from 0; was " + index);
            }
            text = text == null ? "" : text;
            if (!FINISH_REASONS.contains(finishReason)) {
                throw new IllegalArgumentException("'finish_reason' must be stop, length or tool_calls; was "
                        + finishReason);
            }
        }
    }

    /** A function call the answer made. */
    public record ToolCall(String id, String name, String arguments) {

        public ToolCall {
            required("id", id);
            required("name", name);
            arguments = arguments == null ? "" : arguments;
        }
    }

    /** The upstream's own token counts. */
    public record Usage(Integer inputTokens, Integer outputTokens) {
    }

    /**
     * The upstream's error as its body said it.
     *
     * @param headers the retry headers it sent ({@code retry-after}, {@code retry-after-ms}, {@code x-should-retry})
     */
    public record Error(String message, String type, String code, String param, Map<String, String> headers) {

        public Error {
            message = message == null ? "" : message;
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }
    }

    /**
     * When the upstream's answer arrived, in milliseconds from the request's sending.
     *
     * @param ttftMs         the first token (or the whole answer, for an error)
     * @param totalMs        the end of the answer
     * @param tokenOffsetsMs each streamed piece of the answer
     */
    public record Timing(Double ttftMs, Double totalMs, List<Double> tokenOffsetsMs) {

        public Timing {
            if (ttftMs == null || ttftMs < 0) {
                throw new IllegalArgumentException("'ttft_ms' must be a number of milliseconds from 0; was " + ttftMs);
            }
            if (totalMs == null || totalMs < ttftMs) {
                throw new IllegalArgumentException("'total_ms' must be a number of milliseconds, at least ttft_ms; was "
                        + totalMs);
            }
            tokenOffsetsMs = tokenOffsetsMs == null ? List.of() : List.copyOf(tokenOffsetsMs);
        }
    }
}
