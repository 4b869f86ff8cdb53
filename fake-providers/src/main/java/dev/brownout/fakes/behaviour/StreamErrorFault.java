package dev.brownout.fakes.behaviour;

import java.util.List;

/**
 * Sends the dialect's mid-stream error event after {@code after_tokens} output tokens, then closes. The
 * status picks the error type (529 is {@code overloaded_error}); HTTP status stays 200 as on the real APIs.
 */
public record StreamErrorFault(Integer afterTokens, Integer status, String message, Double probability,
                               List<String> models) implements Fault {

    public StreamErrorFault {
        afterTokens = Fault.atLeast(afterTokens, 0, 1, "stream_error: after_tokens");
        status = status == null ? 529 : status;
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("stream_error: status must be between 400 and 599, was " + status);
        }
        probability = Fault.probabilityOrOne(probability, "stream_error");
        models = Fault.modelsOrAll(models);
    }
}
