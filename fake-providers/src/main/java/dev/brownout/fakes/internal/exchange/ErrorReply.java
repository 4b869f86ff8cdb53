package dev.brownout.fakes.internal.exchange;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error to send in the dialect's shape. The dialect picks the error type from the status unless
 * {@code type} names one; {@code code} and {@code param} fill OpenAI's fields of the same names;
 * {@code headers} are sent as they are.
 */
public record ErrorReply(int status, String message, String param, String code, Map<String, String> headers,
                         boolean htmlBody, String type) {

    public ErrorReply(int status, String message, String param, String code) {
        this(status, message, param, code, Map.of(), false, null);
    }

    public ErrorReply {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public ErrorReply withHeaders(Map<String, String> extra) {
        Map<String, String> merged = new LinkedHashMap<>(headers);
        merged.putAll(extra);
        return new ErrorReply(status, message, param, code, merged, htmlBody, type);
    }

    public ErrorReply withMessage(String replacement) {
        return new ErrorReply(status, replacement, param, code, headers, htmlBody, type);
    }

    public ErrorReply withType(String replacement) {
        return new ErrorReply(status, message, param, code, headers, htmlBody, replacement);
    }

    public ErrorReply withCode(String replacement) {
        return new ErrorReply(status, message, param, replacement, headers, htmlBody, type);
    }

    public ErrorReply withParam(String replacement) {
        return new ErrorReply(status, message, replacement, code, headers, htmlBody, type);
    }

    public ErrorReply withHtmlBody(boolean html) {
        return new ErrorReply(status, message, param, code, headers, html, type);
    }
}
