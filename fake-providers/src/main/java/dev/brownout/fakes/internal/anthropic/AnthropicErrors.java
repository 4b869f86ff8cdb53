package dev.brownout.fakes.internal.anthropic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.fakes.internal.exchange.ErrorReply;

/** Anthropic's error body {@code {"type":"error","error":{type, message},"request_id":...}} and its types. */
final class AnthropicErrors {

    private AnthropicErrors() {
    }

    static String type(int status) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 402 -> "billing_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 409 -> "conflict_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 504 -> "timeout_error";
            case 529 -> "overloaded_error";
            default -> status >= 500 ? "api_error" : "invalid_request_error";
        };
    }

    static ErrorReply forStatus(int status, String model) {
        String message = switch (status) {
            case 401 -> "invalid x-api-key";
            case 403 -> "Your API key does not have permission to use the specified resource.";
            case 404 -> "model: " + model;
            case 413 -> "Request exceeds the maximum allowed number of bytes.";
            case 429 -> "This request would exceed the rate limit for your organization. Please try again later.";
            case 500 -> "Internal server error";
            case 504 -> "Request timed out";
            case 529 -> "Overloaded";
            default -> status >= 500 ? "Internal server error" : "Invalid request";
        };
        return new ErrorReply(status, message, null, null);
    }

    /**
     * The error the real API sends for what OpenAI names with a code. The body has no code field; the code stays
     * on the reply for the ledger. An unknown code rides on the status's usual error.
     */
    static ErrorReply forCode(int status, String code, String model) {
        ErrorReply usual = forStatus(status, model).withCode(code);
        return switch (code) {
            case "context_length_exceeded" -> usual.withMessage("prompt is too long: the conversation exceeds the "
                    + "model's context window").withType("invalid_request_error");
            case "content_policy_violation" -> usual.withMessage("Output blocked by content filtering policy")
                    .withType("invalid_request_error");
            case "rate_limit_exceeded" -> usual.withMessage(forStatus(429, model).message())
                    .withType("rate_limit_error");
            case "insufficient_quota" -> usual.withMessage("Your credit balance is too low to access the Anthropic "
                    + "API. Please go to Plans & Billing to upgrade or purchase credits.").withType("invalid_request_error");
            case "model_not_found" -> usual.withMessage("model: " + model).withType("not_found_error");
            case "overloaded" -> usual.withMessage("Overloaded").withType("overloaded_error");
            default -> usual;
        };
    }

    static ObjectNode error(ErrorReply error) {
        ObjectNode root = Mappers.json().createObjectNode();
        root.put("type", "error");
        root.putObject("error")
                .put("type", error.type() != null ? error.type() : type(error.status()))
                .put("message", error.message());
        return root;
    }
}
