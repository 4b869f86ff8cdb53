package dev.brownout.gateways;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One upstream a gateway forwards to: its address, its model, its dialect and the credential it presents. */
public final class Upstream {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final UpstreamConfig config;
    private final HttpClient http;
    private final Credential credential;
    private final DialectTranslator translator;

    private Upstream(UpstreamConfig config, HttpClient http, Credential credential, DialectTranslator translator) {
        this.config = config;
        this.http = http;
        this.credential = credential;
        this.translator = translator;
    }

    static Upstream of(UpstreamConfig config, HttpClient http, Timeouts timeouts) {
        Credential credential = config.oauth() == null
                ? new ApiKeyCredential(config.apiKey())
                : new OAuthTokenCache(config.name(), config.oauth(), http, timeouts.attempt(), Clock.systemUTC());
        DialectTranslator translator = switch (config.dialect()) {
            case OPENAI -> new OpenAiPassThrough();
            case ANTHROPIC -> new AnthropicTranslator();
        };
        return new Upstream(config, http, credential, translator);
    }

    public String name() {
        return config.name();
    }

    public String model() {
        return config.model();
    }

    /**
     * Sends the caller's request with this upstream's model, in this upstream's dialect, and waits up to
     * {@code timeout} for the answer's status and headers. The body is left to the caller to read; it must be closed.
     *
     * @throws UntranslatableRequestException when the request asks for what this upstream's dialect cannot be asked
     */
    public Answer send(ObjectNode callerRequest, Duration timeout) throws UpstreamFailure {
        ObjectNode request = callerRequest.deepCopy();
        request.put("model", config.model());
        String bearer = credential.bearer();
        UpstreamRequest upstreamRequest = translator.request(config, request, bearer);
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(upstreamRequest.body());
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(upstreamRequest.url())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        upstreamRequest.headers().forEach(builder::header);
        HttpRequest httpRequest = builder.build();
        CompletableFuture<HttpResponse<InputStream>> pending = http.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofInputStream());
        try {
            return new Answer(this, bearer, request, pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new UpstreamFailure(UpstreamFailure.Kind.TIMEOUT,
                    "upstream " + name() + " did not answer within " + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw new UpstreamFailure(UpstreamFailure.Kind.CONNECTION,
                    "upstream " + name() + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new UpstreamFailure(UpstreamFailure.Kind.CONNECTION, "interrupted while calling " + name(), e);
        }
    }

    /**
     * Tells the credential its bearer was refused with a 401; returns whether a new attempt may present a
     * different one (an OAuth token can be fetched again, an API key cannot).
     */
    public boolean bearerRefused(Answer answer) {
        return credential.refused(answer.bearer());
    }

    /**
     * An upstream's answer: its status and headers, and a body still to be read.
     *
     * @param bearer  the API key or access token presented, so a refusal can be pinned on it
     * @param request the chat request as sent, with this upstream's model
     */
    public record Answer(Upstream upstream, String bearer, ObjectNode request, HttpResponse<InputStream> response) implements Closeable {

        public int status() {
            return response.statusCode();
        }

        public InputStream body() {
            return response.body();
        }

        /** The whole {@code body} read from this answer, as the caller is to receive it. */
        public CallerReply callerReply(byte[] body) {
            return upstream.translator.reply(status(), response.headers(), body);
        }

        /** This answer's stream (status 200) as the caller's Chat Completions events. */
        public ChatEvents callerEvents() {
            return upstream.translator.events(body(), request);
        }

        @Override
        public void close() {
            try {
                response.body().close();
            } catch (IOException ignored) {
                // the stream is being abandoned; nothing is left to release
            }
        }

        @Override
        public String toString() {
            return "Answer[" + upstream.name() + " " + status() + "]";
        }
    }
}
