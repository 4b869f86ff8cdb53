package dev.brownout.fakes.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brownout.fakes.DialectKind;
import dev.brownout.fakes.FakeProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Plain HTTP against one provider: its admin API and single completion calls. Deliberately not an SDK, so
 * a 503 is seen once instead of being retried away.
 */
final class AdminClient implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build());
    }

    HttpResponse<String> putBehaviour(FakeProvider provider, String json) {
        return send(HttpRequest.newBuilder(URI.create(provider.adminUrl() + "/behaviour")).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    JsonNode behaviour(FakeProvider provider) {
        return json(get(provider.adminUrl() + "/behaviour"));
    }

    /** One non-streaming completion for {@code model} in the provider's dialect. */
    HttpResponse<String> complete(FakeProvider provider, String model) {
        boolean anthropic = provider.dialect() == DialectKind.ANTHROPIC;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(provider.origin()
                        + (anthropic ? "/v1/messages" : "/v1/chat/completions")))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + model + "\",\"max_tokens\":32,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"Tell me about lighthouses.\"}]}"));
        if (anthropic) {
            request.header("x-api-key", provider.apiKey()).header("anthropic-version", "2023-06-01");
        } else {
            request.header("Authorization", "Bearer " + provider.apiKey());
        }
        return send(request.build());
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON (status " + response.statusCode() + "): " + response.body(), e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
