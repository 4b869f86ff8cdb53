package dev.brownout.fakes.internal.gemini;

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

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Google's Gemini API: {@code POST /v1beta/models/{model}:generateContent} and
 * {@code :streamGenerateContent?alt=sse} (also under {@code /v1} and {@code /v1alpha}), the model and the method
 * in the path; the key in {@code x-goog-api-key} or {@code ?key=}, an OAuth token as a bearer; {@code GET
 * /v1beta/models}. Errors are Google's {@code {"error": {code, message, status, details}}}; the API sends no
 * rate-limit headers, only a {@code RetryInfo} detail on a 429.
 */
public final class GeminiDialect implements Dialect {

    // Gemini's tokenizer is not public; cl100k is a close stand-in for counting.
    private static final TokenCounter TOKENS = TokenCounter.of(EncodingType.CL100K_BASE);
    private static final Pattern PATH = Pattern.compile(
            "/(v1beta|v1|v1alpha)/models/([^/:]+):(generateContent|streamGenerateContent)/?");
    private static final String STREAM_METHOD = "streamGenerateContent";
    /** The largest output any served model gives, as the model list reports it. */
    private static final int OUTPUT_TOKEN_LIMIT = 65_536;

    @Override
    public String name() {
        return "gemini";
    }

    @Override
    public String api() {
        return "generateContent";
    }

    @Override
    public String completionPath() {
        return "/v1beta/models/{model}:generateContent";
    }

    @Override
    public boolean isCompletionPath(String path) {
        return PATH.matcher(path).matches();
    }

    /** The Java SDK's {@code HttpOptions.baseUrl} is the origin; it adds {@code v1beta/models/...} itself. */
    @Override
    public String baseUrlPath() {
        return "";
    }

    @Override
    public TokenCounter tokens() {
        return TOKENS;
    }

    /** The real API sends no request id; the fake's own header carries the ledger's. */
    @Override
    public String requestIdHeader() {
        return "x-request-id";
    }

    @Override
    public String newRequestId(SplittableRandom random) {
        return Ids.alphanumeric("req_", 24, random);
    }

    @Override
    public String newReplyId(SplittableRandom random) {
        return Ids.alphanumeric("", 23, random);
    }

    @Override
    public String newToolCallId(SplittableRandom random) {
        return Ids.alphanumeric("call_", 16, random);
    }

    @Override
    public String credential(Exchange exchange) {
        String key = exchange.header("x-goog-api-key");
        if (key != null) {
            return key.trim();
        }
        String query = queryParameter(exchange.query(), "key");
        return query != null ? query : BearerToken.from(exchange.header("Authorization"));
    }

    @Override
    public Optional<ErrorReply> checkHeaders(Exchange exchange) {
        return Optional.empty();
    }

    /** Without the path there is no model: only {@link #parse(Exchange, byte[])} serves a request. */
    @Override
    public ChatRequest parse(byte[] body) throws InvalidRequestException {
        throw GeminiParser.invalid("A Gemini request names its model in the path: POST "
                + "/v1beta/models/{model}:generateContent.");
    }

    @Override
    public ChatRequest parse(Exchange exchange, byte[] body) throws InvalidRequestException {
        Matcher path = PATH.matcher(exchange.path());
        if (!path.matches()) {
            throw new InvalidRequestException(404, "The requested URL " + exchange.path() + " was not found.", null,
                    null);
        }
        String model;
        try {
            model = URLDecoder.decode(path.group(2).replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw GeminiParser.invalid("The model in the path is not a valid URL-encoded name: " + path.group(2));
        }
        // An escaped "models/" (models%2Fgemini-2.5-flash) names the same model as the plain path does.
        if (model.startsWith("models/")) {
            model = model.substring("models/".length());
        }
        boolean stream = path.group(3).equals(STREAM_METHOD);
        if (stream && !"sse".equals(queryParameter(exchange.query(), "alt"))) {
            throw GeminiParser.invalid("This fake serves streamGenerateContent as server-sent events only: add "
                    + "?alt=sse (the SDKs do); the JSON-array stream without it is not served.");
        }
        return GeminiParser.parse(body, model, stream);
    }

    /** Gemini sends no rate-limit headers. */
    @Override
    public void rateLimitHeaders(Exchange exchange, RateLimitStatus status) {
    }

    /**
     * The fault's and rate limiter's wait goes into the body's {@code RetryInfo}, not into OpenAI's
     * {@code retry-after} headers, which Google does not send; any other header asked for is sent.
     */
    @Override
    public void writeError(Exchange exchange, ErrorReply error) {
        error.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("retry-after") && !name.equalsIgnoreCase("retry-after-ms")) {
                exchange.header(name, value);
            }
        });
        exchange.status(error.status());
        if (error.htmlBody()) {
            exchange.result("text/html", ("<html><head><title>Error " + error.status() + "</title></head><body><h1>"
                    + error.status() + ". That's an error.</h1></body></html>").getBytes(StandardCharsets.UTF_8));
            return;
        }
        exchange.result("application/json; charset=UTF-8",
                GeminiErrors.body(error).toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Every refusal of a credential is a 401 {@code UNAUTHENTICATED} (the real API answers an unknown key with 400
     * {@code INVALID_ARGUMENT} and the reason {@code API_KEY_INVALID}, which the body's details carry here too).
     */
    @Override
    public ErrorReply unauthorized(AuthResult result) {
        return switch (result.failure()) {
            case MISSING -> new ErrorReply(401, "Method doesn't allow unregistered callers (callers without "
                    + "established identity). Please use API Key or other form of API consumer identity to call this "
                    + "API.", null, null);
            case UNKNOWN, FOREIGN_CREDENTIAL -> new ErrorReply(401, "API key not valid. Please pass a valid API key.",
                    "API_KEY_INVALID", null);
            default -> GeminiErrors.forStatus(401, null);
        };
    }

    @Override
    public ErrorReply unknownModel(String model) {
        return GeminiErrors.forStatus(404, model);
    }

    @Override
    public ErrorReply rateLimited(String model, RateLimitStatus status) {
        String unit = "tokens".equals(status.exceeded()) ? "input tokens per minute" : "requests per minute";
        long limit = "tokens".equals(status.exceeded()) ? status.tokenLimit() : status.requestLimit();
        return new ErrorReply(429, "You exceeded your current quota, please check your plan and billing details. "
                + "Quota exceeded for metric: generate_content " + unit + ", limit: " + limit + ", model: " + model
                + ". Please retry in " + GeminiErrors.protoDuration(status.retryAfter().toMillis()) + ".", null, null);
    }

    @Override
    public ErrorReply errorFor(int status, String code, String model) {
        return code == null ? GeminiErrors.forStatus(status, model) : GeminiErrors.forCode(status, code, model);
    }

    @Override
    public byte[] body(Reply reply) {
        return GeminiBody.bytes(reply);
    }

    @Override
    public StreamEncoder streamEncoder(Reply reply) {
        return new GeminiStream(reply);
    }

    @Override
    public void mountExtras(RoutesConfig routes, List<ModelProfile> models, Predicate<Context> admitted) {
        for (String version : List.of("v1beta", "v1", "v1alpha")) {
            routes.get("/" + version + "/models", ctx -> {
                if (admitted.test(ctx)) {
                    ObjectNode list = Mappers.json().createObjectNode();
                    ArrayNode data = list.putArray("models");
                    models.forEach(model -> data.add(model(model)));
                    ctx.contentType("application/json; charset=UTF-8").result(list.toString());
                }
            });
            routes.get("/" + version + "/models/{model}", ctx -> {
                if (admitted.test(ctx)) {
                    String id = ctx.pathParam("model");
                    Optional<ModelProfile> model = models.stream().filter(m -> m.id().equals(id)).findFirst();
                    if (model.isPresent()) {
                        ctx.contentType("application/json; charset=UTF-8").result(model(model.get()).toString());
                    } else {
                        writeError(new ContextExchange(ctx), unknownModel(id));
                    }
                }
            });
        }
    }

    private static ObjectNode model(ModelProfile profile) {
        ObjectNode node = Mappers.json().createObjectNode();
        node.put("name", "models/" + profile.id());
        node.put("version", "001");
        node.put("displayName", profile.id());
        node.put("inputTokenLimit", profile.contextWindow());
        node.put("outputTokenLimit", OUTPUT_TOKEN_LIMIT);
        node.putArray("supportedGenerationMethods").add("generateContent").add("countTokens");
        return node;
    }

    /** A query parameter's decoded value, or null. */
    static String queryParameter(String query, String name) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (key.equals(name)) {
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                try {
                    return URLDecoder.decode(value, StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return value;
                }
            }
        }
        return null;
    }
}
