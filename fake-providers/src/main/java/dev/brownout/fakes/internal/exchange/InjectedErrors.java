package dev.brownout.fakes.internal.exchange;

import dev.brownout.fakes.behaviour.ErrorFault;
import dev.brownout.fakes.behaviour.StreamErrorFault;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The errors faults inject, in the dialect's shape: its usual error for the status (or for the code), with
 * the fault's own message, type and param over it and, for an HTTP error, the retry headers it asks for.
 */
final class InjectedErrors {

    private InjectedErrors() {
    }

    static ErrorReply http(Dialect dialect, ErrorFault fault, String model) {
        ErrorReply reply = fields(dialect.errorFor(fault.status(), fault.code(), model), fault.message(),
                fault.errorType(), fault.param());
        Map<String, String> headers = new LinkedHashMap<>();
        if (fault.retryAfter() != null) {
            headers.putAll(retryAfterHeaders(fault.retryAfter()));
        }
        if (fault.shouldRetry() != null) {
            headers.put("x-should-retry", fault.shouldRetry().toString());
        }
        return reply.withHeaders(headers).withHtmlBody(fault.htmlBody());
    }

    static ErrorReply stream(Dialect dialect, StreamErrorFault fault, String model) {
        return fields(dialect.errorFor(fault.status(), fault.code(), model), fault.message(), fault.errorType(),
                fault.param());
    }

    /** {@code retry-after} in whole seconds (rounded up) and {@code retry-after-ms}, which the SDKs prefer. */
    static Map<String, String> retryAfterHeaders(Duration retryAfter) {
        long millis = Math.max(0, (retryAfter.toNanos() + 999_999) / 1_000_000);
        long seconds = (millis + 999) / 1000;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("retry-after", Long.toString(seconds));
        headers.put("retry-after-ms", Long.toString(millis));
        return headers;
    }

    private static ErrorReply fields(ErrorReply reply, String message, String type, String param) {
        ErrorReply result = reply;
        if (message != null) {
            result = result.withMessage(message);
        }
        if (type != null) {
            result = result.withType(type);
        }
        if (param != null) {
            result = result.withParam(param);
        }
        return result;
    }
}
