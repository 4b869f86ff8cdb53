package dev.brownout.fakes.internal.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.fakes.internal.exchange.ErrorReply;

/** OpenAI's error body {@code {"error": {message, type, param, code}}} and its usual text per status. */
final class OpenAiErrors {

    private OpenAiErrors() {
    }

    static String type(int status) {
        return switch (status) {
            case 429 -> "requests";
            case 500, 502, 503, 529 -> "server_error";
            case 504, 408 -> "timeout";
            default -> status >= 500 ? "server_error" : "invalid_request_error";
        };
    }

    static ErrorReply forStatus(int status, String model) {
        return switch (status) {
            case 400 -> new ErrorReply(400, "Invalid request.", null, null);
            case 401 -> new ErrorReply(401, "Incorrect API key provided. You can find your API key in your "
                    + "organisation's settings.", null, "invalid_api_key");
            case 403 -> new ErrorReply(403, "You are not allowed to use model " + model + ".", null, "permission_denied");
            case 404 -> new ErrorReply(404, "The model `" + model + "` does not exist or you do not have access to it.",
                    null, "model_not_found");
            case 408 -> new ErrorReply(408, "Request timed out.", null, null);
            case 409 -> new ErrorReply(409, "The request conflicted with another request. Please try again.", null, null);
            case 413 -> new ErrorReply(413, "Request too large.", null, "request_too_large");
            case 429 -> new ErrorReply(429, "Rate limit reached for " + model + " in organization org-brownout on "
                    + "requests per min (RPM). Please try again later.", null, "rate_limit_exceeded");
            case 500 -> new ErrorReply(500, "The server had an error while processing your request. Sorry about that!",
                    null, null);
            case 502 -> new ErrorReply(502, "Bad gateway.", null, null);
            case 503 -> new ErrorReply(503, "The engine is currently overloaded, please try again later.", null, null);
            case 504 -> new ErrorReply(504, "Gateway timeout.", null, null);
            case 529 -> new ErrorReply(529, "The server is overloaded, please try again later.", null, null);
            default -> new ErrorReply(status, status >= 500 ? "The server had an error processing your request."
                    : "The request could not be processed.", null, null);
        };
    }

    /** The error the real API sends with a code it uses; an unknown code rides on the status's usual error. */
    static ErrorReply forCode(int status, String code, String model) {
        return switch (code) {
            case "context_length_exceeded" -> new ErrorReply(status, "This model's maximum context length was exceeded "
                    + "by your messages. Please reduce the length of the messages.", "messages", code)
                    .withType("invalid_request_error");
            case "content_policy_violation" -> new ErrorReply(status, "Your request was rejected as a result of our "
                    + "safety system. Your prompt may contain text that is not allowed by our safety system.", null, code)
                    .withType("invalid_request_error");
            case "rate_limit_exceeded" -> new ErrorReply(status, "Rate limit reached for " + model + " in organization "
                    + "org-brownout on requests per min (RPM). Please try again later.", null, code).withType("requests");
            case "insufficient_quota" -> new ErrorReply(status, "You exceeded your current quota, please check your "
                    + "plan and billing details.", null, code).withType("insufficient_quota");
            case "model_not_found" -> new ErrorReply(status, "The model `" + model + "` does not exist or you do not "
                    + "have access to it.", null, code).withType("invalid_request_error");
            case "overloaded" -> new ErrorReply(status, "The engine is currently overloaded, please try again later.",
                    null, code).withType("server_error");
            default -> forStatus(status, model).withCode(code);
        };
    }

    static ObjectNode body(ErrorReply error) {
        ObjectNode root = Mappers.json().createObjectNode();
        ObjectNode inner = root.putObject("error");
        inner.put("message", error.message());
        inner.put("type", error.type() != null ? error.type() : type(error.status()));
        inner.put("param", error.param());
        inner.put("code", error.code());
        return root;
    }
}
