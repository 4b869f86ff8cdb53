package dev.brownout.fakes.behaviour;

import java.time.Duration;
import java.util.List;

/**
 * Answers with an HTTP error in the dialect's exact shape instead of serving.
 *
 * @param status      400 to 599 (529 is Anthropic's overload)
 * @param retryAfter  when set, sent as {@code retry-after} (whole seconds, rounded up) and {@code retry-after-ms}
 * @param shouldRetry when set, sent as {@code x-should-retry}, which the official SDKs obey over the status
 * @param message     replaces the dialect's usual message for this status (or for the code)
 * @param htmlBody    answer with an HTML page instead of JSON, as a CDN in front of the API does
 * @param errorType   replaces the error's {@code type} (OpenAI {@code error.type}, Anthropic {@code error.type},
 *                    e.g. {@code overloaded_error})
 * @param code        OpenAI's {@code error.code}, e.g. {@code context_length_exceeded}; a code the fakes know also
 *                    picks the dialect's usual message and type for it (Anthropic's body has no code field)
 * @param param       OpenAI's {@code error.param}, e.g. {@code messages} (Anthropic's body has no param field)
 */
public record ErrorFault(Integer status, Double probability, List<String> models, Duration retryAfter,
                         Boolean shouldRetry, String message, Boolean htmlBody, String errorType, String code,
                         String param, List<Integer> attempts, FaultCondition when) implements Fault {

    public ErrorFault {
        if (status == null || status < 400 || status > 599) {
            throw new IllegalArgumentException("error: status must be between 400 and 599, was " + status);
        }
        probability = Fault.probabilityOrOne(probability, "error");
        models = Fault.modelsOrAll(models);
        if (retryAfter != null && retryAfter.isNegative()) {
            throw new IllegalArgumentException("error: retry_after must not be negative");
        }
        htmlBody = Boolean.TRUE.equals(htmlBody);
        errorType = Fault.optionalText(errorType, "error: error_type");
        code = Fault.optionalText(code, "error: code");
        param = Fault.optionalText(param, "error: param");
        attempts = Fault.attemptsOrAll(attempts, "error");
    }

    /** An error on every request, with none of the optional fields. */
    public ErrorFault(Integer status, Double probability, List<String> models, Duration retryAfter,
                      Boolean shouldRetry, String message, Boolean htmlBody) {
        this(status, probability, models, retryAfter, shouldRetry, message, htmlBody, null, null, null, null, null);
    }

    public static ErrorFault of(int status) {
        return new ErrorFault(status, null, null, null, null, null, null);
    }
}
