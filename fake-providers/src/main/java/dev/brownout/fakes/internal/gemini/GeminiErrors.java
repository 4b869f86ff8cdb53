package dev.brownout.fakes.internal.gemini;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.fakes.internal.exchange.ErrorReply;

import java.math.BigDecimal;

/**
 * Google's error body {@code {"error": {code, message, status, details}}}: the status is the gRPC code's name
 * ({@code RESOURCE_EXHAUSTED}), which an {@link ErrorReply}'s type overrides. A reply that asks for a wait
 * ({@code retry-after-ms}, as the rate limiter and a fault's {@code retry_after} set it) carries it as a
 * {@code google.rpc.RetryInfo} detail, which is how Google says it: the API sends no {@code Retry-After} header.
 */
final class GeminiErrors {

    static final String RETRY_INFO = "type.googleapis.com/google.rpc.RetryInfo";
    private static final String ERROR_INFO = "type.googleapis.com/google.rpc.ErrorInfo";
    private static final String SERVICE = "generativelanguage.googleapis.com";

    private GeminiErrors() {
    }

    /** The gRPC status name Google sends with an HTTP status. */
    static String status(int httpStatus) {
        return switch (httpStatus) {
            case 400, 413 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 405, 501 -> "UNIMPLEMENTED";
            case 409 -> "ABORTED";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 499 -> "CANCELLED";
            case 503, 529 -> "UNAVAILABLE";
            case 504 -> "DEADLINE_EXCEEDED";
            default -> httpStatus >= 500 ? "INTERNAL" : "FAILED_PRECONDITION";
        };
    }

    static ErrorReply forStatus(int status, String model) {
        String message = switch (status) {
            case 400 -> "Request contains an invalid argument.";
            case 401 -> "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie "
                    + "or other valid authentication credential.";
            case 403 -> "The caller does not have permission";
            case 404 -> notFound(model);
            case 408, 504 -> "The request timed out. Please try again.";
            case 413 -> "Request payload size exceeds the limit.";
            case 429 -> "You exceeded your current quota, please check your plan and billing details. For more "
                    + "information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.";
            case 503, 529 -> "The model is overloaded. Please try again later.";
            case 500 -> "An internal error has occurred. Please retry or report in "
                    + "https://developers.generativeai.google/guide/troubleshooting";
            default -> status >= 500 ? "An internal error has occurred." : "The request could not be processed.";
        };
        return new ErrorReply(status, message, null, null);
    }

    /**
     * The error the real API sends for what OpenAI names with a code. The body has no code field; the code stays on
     * the reply for the ledger. An unknown code rides on the status's usual error.
     */
    static ErrorReply forCode(int status, String code, String model) {
        ErrorReply usual = forStatus(status, model).withCode(code);
        return switch (code) {
            case "context_length_exceeded" -> usual.withMessage("The input token count exceeds the maximum number "
                    + "of tokens allowed for " + model + ".").withType("INVALID_ARGUMENT");
            case "content_policy_violation" -> usual.withMessage("The request was blocked by the safety filters.")
                    .withType("INVALID_ARGUMENT");
            case "rate_limit_exceeded", "insufficient_quota" -> usual.withMessage(forStatus(429, model).message())
                    .withType("RESOURCE_EXHAUSTED");
            case "model_not_found" -> usual.withMessage(notFound(model)).withType("NOT_FOUND");
            case "overloaded" -> usual.withMessage(forStatus(503, model).message()).withType("UNAVAILABLE");
            default -> usual;
        };
    }

    static String notFound(String model) {
        return "models/" + model + " is not found for API version v1beta, or is not supported for generateContent. "
                + "Call ListModels to see the list of available models and their supported methods.";
    }

    static ObjectNode body(ErrorReply error) {
        ObjectNode root = Mappers.json().createObjectNode();
        ObjectNode inner = root.putObject("error");
        inner.put("code", error.status());
        inner.put("message", error.message());
        inner.put("status", error.type() != null ? error.type() : status(error.status()));
        ArrayNode details = Mappers.json().createArrayNode();
        // The param slot carries an ErrorInfo reason (API_KEY_INVALID): Google's body has no param field.
        if (error.param() != null && error.param().matches("[A-Z][A-Z0-9_]*")) {
            ObjectNode info = details.addObject();
            info.put("@type", ERROR_INFO);
            info.put("reason", error.param());
            info.put("domain", "googleapis.com");
            info.putObject("metadata").put("service", SERVICE);
        }
        Long retryMillis = retryMillis(error);
        if (retryMillis != null) {
            details.addObject().put("@type", RETRY_INFO).put("retryDelay", protoDuration(retryMillis));
        }
        if (!details.isEmpty()) {
            inner.set("details", details);
        }
        return root;
    }

    /** The wait the reply asks for: {@code retry-after-ms} when set, else {@code retry-after} seconds. */
    private static Long retryMillis(ErrorReply error) {
        try {
            String millis = error.headers().get("retry-after-ms");
            if (millis != null) {
                return Long.parseLong(millis.trim());
            }
            String seconds = error.headers().get("retry-after");
            return seconds == null ? null : Long.parseLong(seconds.trim()) * 1000;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A protobuf Duration in JSON: seconds with 0, 3 fractional digits and an {@code s}, e.g. {@code 3s}, {@code 1.500s}. */
    static String protoDuration(long millis) {
        long whole = Math.max(0, millis);
        return whole % 1000 == 0 ? whole / 1000 + "s" : BigDecimal.valueOf(whole, 3).toPlainString() + "s";
    }
}
