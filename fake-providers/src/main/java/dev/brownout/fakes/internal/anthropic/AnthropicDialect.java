package dev.brownout.fakes.internal.anthropic;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.knuddels.jtokkit.api.EncodingType;
import dev.brownout.fakes.auth.AuthResult;
import dev.brownout.fakes.behaviour.RateLimitStatus;
import dev.brownout.fakes.catalog.ModelProfile;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.fakes.internal.exchange.BearerToken;
import dev.brownout.fakes.internal.exchange.ChatRequest;
import dev.brownout.fakes.internal.exchange.ContextExchange;
import dev.brownout.fakes.internal.exchange.Dialect;
import dev.brownout.fakes.internal.exchange.ErrorReply;
import dev.brownout.fakes.internal.exchange.Exchange;
import dev.brownout.fakes.internal.exchange.Ids;
import dev.brownout.fakes.internal.exchange.InvalidRequestException;
import dev.brownout.fakes.internal.exchange.Reply;
import dev.brownout.fakes.internal.exchange.StreamEncoder;
import dev.brownout.fakes.internal.exchange.TokenCounter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Anthropic Messages: {@code POST /v1/messages}, {@code count_tokens} and {@code GET /v1/models}. */
public final class AnthropicDialect implements Dialect {

    // The Messages API has no public tokenizer; cl100k is a close stand-in for counting.
    private static final TokenCounter TOKENS = TokenCounter.of(EncodingType.CL100K_BASE);
    // Any dated version is accepted: SDK releases move the version they send (3.x sends 2026-dated ones).
    private static final Pattern VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final String MODEL_CREATED = "2025-09-29T00:00:00Z";

    @Override
    public String name() {
        return "anthropic";
    }

    @Override
    public String api() {
        return "messages";
    }

    @Override
    public String completionPath() {
        return "/v1/messages";
    }

    @Override
    public String baseUrlPath() {
        return "";
    }

    @Override
    public TokenCounter tokens() {
        return TOKENS;
    }

    @Override
    public String requestIdHeader() {
        return "request-id";
    }

    @Override
    public String newRequestId(SplittableRandom random) {
        return Ids.alphanumeric("req_011C", 20, random);
    }

    @Override
    public String newReplyId(SplittableRandom random) {
        return Ids.alphanumeric("msg_01", 22, random);
    }

    @Override
    public String newToolCallId(SplittableRandom random) {
        return Ids.alphanumeric("toolu_01", 22, random);
    }

    @Override
    public String credential(Exchange exchange) {
        String key = exchange.header("x-api-key");
        return key != null ? key.trim() : BearerToken.from(exchange.header("Authorization"));
    }

    @Override
    public Optional<ErrorReply> checkHeaders(Exchange exchange) {
        String version = exchange.header("anthropic-version");
        if (version == null) {
            return Optional.of(new ErrorReply(400, "anthropic-version: header is required", null, null));
        }
        if (!VERSION.matcher(version.trim()).matches()) {
            return Optional.of(new ErrorReply(400, "anthropic-version: '" + version
                    + "' is not a version; use a date such as 2023-06-01", null, null));
        }
        return Optional.empty();
    }

    @Override
    public ChatRequest parse(byte[] body) throws InvalidRequestException {
        return MessagesParser.parse(body);
    }

    @Override
    public void rateLimitHeaders(Exchange exchange, RateLimitStatus status) {
        Instant now = Instant.now();
        limitHeaders(exchange, "requests", status.requestLimit(), status.requestsRemaining(), now.plus(status.requestsReset()));
        for (String kind : List.of("tokens", "input-tokens", "output-tokens")) {
            limitHeaders(exchange, kind, status.tokenLimit(), status.tokensRemaining(), now.plus(status.tokensReset()));
        }
    }

    private static void limitHeaders(Exchange exchange, String kind, long limit, long remaining, Instant reset) {
        exchange.header("anthropic-ratelimit-" + kind + "-limit", Long.toString(limit));
        exchange.header("anthropic-ratelimit-" + kind + "-remaining", Long.toString(remaining));
        exchange.header("anthropic-ratelimit-" + kind + "-reset", reset.truncatedTo(ChronoUnit.SECONDS).toString());
    }

    @Override
    public void writeError(Exchange exchange, ErrorReply error) {
        error.headers().forEach(exchange::header);
        exchange.status(error.status());
        if (error.htmlBody()) {
            exchange.result("text/html", ("<html><head><title>" + error.status() + "</title></head><body><h1>"
                    + error.status() + "</h1></body></html>").getBytes(StandardCharsets.UTF_8));
            return;
        }
        ObjectNode body = AnthropicErrors.error(error);
        String requestId = exchange.responseHeader(requestIdHeader());
        body.put("request_id", requestId);
        exchange.result("application/json", body.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public ErrorReply unauthorized(AuthResult result) {
        String message = switch (result.failure()) {
            case MISSING -> "x-api-key header is required";
            case UNKNOWN, FOREIGN_CREDENTIAL -> "invalid x-api-key";
            default -> "invalid bearer token: " + result.failure().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
        return new ErrorReply(401, message, null, null);
    }

    @Override
    public ErrorReply unknownModel(String model) {
        return AnthropicErrors.forStatus(404, model);
    }

    @Override
    public ErrorReply rateLimited(String model, RateLimitStatus status) {
        String unit = "tokens".equals(status.exceeded()) ? "input tokens per minute" : "requests per minute";
        return new ErrorReply(429, "This request would exceed your organization's rate limit of "
                + ("tokens".equals(status.exceeded()) ? status.tokenLimit() : status.requestLimit()) + " " + unit
                + " (model: " + model + "). Please try again later.", null, null);
    }

    @Override
    public ErrorReply errorFor(int status, String code, String model) {
        return code == null ? AnthropicErrors.forStatus(status, model) : AnthropicErrors.forCode(status, code, model);
    }

    @Override
    public byte[] body(Reply reply) {
        return MessagesBody.bytes(reply);
    }

    @Override
    public StreamEncoder streamEncoder(Reply reply) {
        return new MessagesStream(reply);
    }

    @Override
    public void mountExtras(RoutesConfig routes, List<ModelProfile> models, Predicate<Context> admitted) {
        routes.get("/v1/models", ctx -> {
            if (admitted.test(ctx)) {
                ObjectNode list = Mappers.json().createObjectNode();
                ArrayNode data = list.putArray("data");
                models.forEach(model -> data.add(model(model)));
                list.put("has_more", false);
                list.put("first_id", models.isEmpty() ? null : models.getFirst().id());
                list.put("last_id", models.isEmpty() ? null : models.getLast().id());
                ctx.contentType("application/json").result(list.toString());
            }
        });
        routes.get("/v1/models/{model}", ctx -> {
            if (admitted.test(ctx)) {
                String id = ctx.pathParam("model");
                Optional<ModelProfile> model = models.stream().filter(m -> m.id().equals(id)).findFirst();
                if (model.isPresent()) {
                    ctx.contentType("application/json").result(model(model.get()).toString());
                } else {
                    writeError(new ContextExchange(ctx), new ErrorReply(404, "model: " + id, null, null));
                }
            }
        });
        routes.post("/v1/messages/count_tokens", ctx -> {
            if (admitted.test(ctx)) {
                try {
                    ChatRequest request = MessagesParser.parse(withMaxTokens(ctx.bodyAsBytes()));
                    int total = 3;
                    for (var message : request.messages()) {
                        total += 4 + TOKENS.count(message.text());
                    }
                    ctx.contentType("application/json")
                            .result(Mappers.json().createObjectNode().put("input_tokens", total).toString());
                } catch (InvalidRequestException e) {
                    writeError(new ContextExchange(ctx), e.toReply());
                }
            }
        });
    }

    /** count_tokens takes a Messages request without max_tokens; the parser requires it, so supply one. */
    private static byte[] withMaxTokens(byte[] body) throws InvalidRequestException {
        try {
            var node = Mappers.json().readTree(body);
            if (node instanceof ObjectNode object && !object.has("max_tokens")) {
                object.put("max_tokens", 1);
                return object.toString().getBytes(StandardCharsets.UTF_8);
            }
            return body;
        } catch (java.io.IOException e) {
            throw InvalidRequestException.badRequest(
                    "There was an error parsing the body of your request: the body is not valid JSON.", null);
        }
    }

    private static ObjectNode model(ModelProfile profile) {
        ObjectNode node = Mappers.json().createObjectNode();
        node.put("type", "model");
        node.put("id", profile.id());
        node.put("display_name", profile.id());
        node.put("created_at", MODEL_CREATED);
        return node;
    }
}
