package dev.brownout.fakes.internal.openai;

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

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/** OpenAI Chat Completions: {@code POST /v1/chat/completions} and {@code GET /v1/models}. */
public final class OpenAiDialect implements Dialect {

    private static final TokenCounter TOKENS = TokenCounter.of(EncodingType.O200K_BASE);
    private static final long MODEL_CREATED = 1_715_367_049L;

    @Override
    public String name() {
        return "openai";
    }

    @Override
    public String api() {
        return "chat.completions";
    }

    @Override
    public String completionPath() {
        return "/v1/chat/completions";
    }

    @Override
    public String baseUrlPath() {
        return "/v1";
    }

    @Override
    public TokenCounter tokens() {
        return TOKENS;
    }

    @Override
    public String requestIdHeader() {
        return "x-request-id";
    }

    @Override
    public String newRequestId(SplittableRandom random) {
        return Ids.hex("req_", 32, random);
    }

    @Override
    public String newReplyId(SplittableRandom random) {
        return Ids.alphanumeric("chatcmpl-", 29, random);
    }

    @Override
    public String newToolCallId(SplittableRandom random) {
        return Ids.alphanumeric("call_", 24, random);
    }

    @Override
    public String credential(Exchange exchange) {
        return BearerToken.from(exchange.header("Authorization"));
    }

    @Override
    public Optional<ErrorReply> checkHeaders(Exchange exchange) {
        return Optional.empty();
    }

    @Override
    public ChatRequest parse(byte[] body) throws InvalidRequestException {
        return ChatCompletionParser.parse(body);
    }

    @Override
    public void rateLimitHeaders(Exchange exchange, RateLimitStatus status) {
        exchange.header("x-ratelimit-limit-requests", Long.toString(status.requestLimit()));
        exchange.header("x-ratelimit-limit-tokens", Long.toString(status.tokenLimit()));
        exchange.header("x-ratelimit-remaining-requests", Long.toString(status.requestsRemaining()));
        exchange.header("x-ratelimit-remaining-tokens", Long.toString(status.tokensRemaining()));
        exchange.header("x-ratelimit-reset-requests", goDuration(status.requestsReset()));
        exchange.header("x-ratelimit-reset-tokens", goDuration(status.tokensReset()));
    }

    @Override
    public void writeError(Exchange exchange, ErrorReply error) {
        error.headers().forEach(exchange::header);
        exchange.status(error.status());
        if (error.htmlBody()) {
            exchange.result("text/html", ("<html><head><title>" + error.status() + "</title></head><body><center><h1>"
                    + error.status() + "</h1></center><hr><center>cloudflare</center></body></html>")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        exchange.result("application/json", OpenAiErrors.body(error).toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public ErrorReply unauthorized(AuthResult result) {
        String message = switch (result.failure()) {
            case MISSING -> "You didn't provide an API key. You need to provide your API key in an Authorization "
                    + "header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).";
            case UNKNOWN, FOREIGN_CREDENTIAL -> "Incorrect API key provided. You can find your API key in your "
                    + "organisation's settings.";
            default -> "Invalid bearer token: " + result.failure().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ".";
        };
        return new ErrorReply(401, message, null, "invalid_api_key");
    }

    @Override
    public ErrorReply unknownModel(String model) {
        return OpenAiErrors.forStatus(404, model);
    }

    @Override
    public ErrorReply rateLimited(String model, RateLimitStatus status) {
        boolean tokens = "tokens".equals(status.exceeded());
        String unit = tokens ? "tokens per min (TPM)" : "requests per min (RPM)";
        long limit = tokens ? status.tokenLimit() : status.requestLimit();
        double seconds = status.retryAfter().toMillis() / 1000.0;
        return new ErrorReply(429, "Rate limit reached for " + model + " in organization org-brownout on " + unit
                + ": Limit " + limit + ". Please try again in " + String.format(Locale.ROOT, "%.3fs", seconds) + ".",
                null, "rate_limit_exceeded").withType(tokens ? "tokens" : "requests");
    }

    @Override
    public ErrorReply errorFor(int status, String code, String model) {
        return code == null ? OpenAiErrors.forStatus(status, model) : OpenAiErrors.forCode(status, code, model);
    }

    @Override
    public byte[] body(Reply reply) {
        return ChatCompletionBody.bytes(reply);
    }

    @Override
    public StreamEncoder streamEncoder(Reply reply) {
        return new ChatCompletionStream(reply);
    }

    @Override
    public void mountExtras(RoutesConfig routes, List<ModelProfile> models, Predicate<Context> admitted) {
        routes.get("/v1/models", ctx -> {
            if (admitted.test(ctx)) {
                ObjectNode list = Mappers.json().createObjectNode();
                list.put("object", "list");
                ArrayNode data = list.putArray("data");
                models.forEach(model -> data.add(model(model)));
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
                    writeError(new ContextExchange(ctx), unknownModel(id));
                }
            }
        });
    }

    private static ObjectNode model(ModelProfile profile) {
        ObjectNode node = Mappers.json().createObjectNode();
        node.put("id", profile.id());
        node.put("object", "model");
        node.put("created", MODEL_CREATED);
        node.put("owned_by", "brownout");
        return node;
    }

    /** Go's duration spelling, which OpenAI uses for its reset headers: {@code 17ms}, {@code 1.5s}, {@code 6m0s}. */
    static String goDuration(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        if (millis < 1000) {
            return millis + "ms";
        }
        if (millis < 60_000) {
            return trimmedSeconds(millis) + "s";
        }
        long minutes = millis / 60_000;
        return minutes + "m" + trimmedSeconds(millis % 60_000) + "s";
    }

    /** Seconds with up to three decimals and no trailing zeros: {@code 1.5}, {@code 12}. */
    private static String trimmedSeconds(long millis) {
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
    }
}
