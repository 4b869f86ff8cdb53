package dev.brownout.fakes.behaviour;

import java.util.List;

/**
 * Sends the dialect's mid-stream error event after {@code after_tokens} output tokens, then closes. The
 * status picks the error type (529 is {@code overloaded_error}); HTTP status stays 200 as on the real APIs.
 * {@code error_type}, {@code code} and {@code param} fill the event's error as they fill an
 * {@link ErrorFault}'s body.
 */
public record StreamErrorFault(Integer afterTokens, Integer status, String message, Double probability,
                               List<String> models, String errorType, String code, String param,
                               List<Integer> attempts, FaultCondition when) implements Fault {

    public StreamErrorFault {
        afterTokens = Fault.atLeast(afterTokens, 0, 1, "stream_error: after_tokens");
        status = status == null ? 529 : status;
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("stream_error: status must be between 400 and 599, was " + status);
        }
        probability = Fault.probabilityOrOne(probability, "stream_error");
        models = Fault.modelsOrAll(models);
        errorType = Fault.optionalText(errorType, "stream_error: error_type");
        code = Fault.optionalText(code, "stream_error: code");
        param = Fault.optionalText(param, "stream_error: param");
        attempts = Fault.attemptsOrAll(attempts, "stream_error");
    }

    /** A mid-stream error with the dialect's usual fields, on every request. */
    public StreamErrorFault(Integer afterTokens, Integer status, String message, Double probability,
                            List<String> models) {
        this(afterTokens, status, message, probability, models, null, null, null, null, null);
    }
}
