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

    static ObjectNode error(ErrorReply error) {
        ObjectNode root = Mappers.json().createObjectNode();
        root.put("type", "error");
        root.putObject("error")
                .put("type", error.type() != null ? error.type() : type(error.status()))
                .put("message", error.message());
        return root;
    }
}
