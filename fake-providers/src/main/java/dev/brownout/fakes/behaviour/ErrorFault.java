package dev.brownout.fakes.behaviour;

import java.time.Duration;
import java.util.List;

/**
 * Answers with an HTTP error in the dialect's exact shape instead of serving.
 *
 * @param status      400 to 599 (529 is Anthropic's overload)
 * @param retryAfter  when set, sent as {@code retry-after} (whole seconds, rounded up) and {@code retry-after-ms}
 * @param shouldRetry when set, sent as {@code x-should-retry}, which the official SDKs obey over the status
 * @param message     replaces the dialect's usual message for this status
 * @param htmlBody    answer with an HTML page instead of JSON, as a CDN in front of the API does
 */
public record ErrorFault(Integer status, Double probability, List<String> models, Duration retryAfter,
                         Boolean shouldRetry, String message, Boolean htmlBody) implements Fault {

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
    }

    public static ErrorFault of(int status) {
        return new ErrorFault(status, null, null, null, null, null, null);
    }
}
