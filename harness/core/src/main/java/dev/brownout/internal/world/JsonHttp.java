package dev.brownout.internal.world;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * JSON over HTTP to the control planes the world drives: the fault proxy's Toxiproxy API and the fakes'
 * admin APIs. Any answer but 2xx is an error, so a rejected fault never passes silently.
 */
final class JsonHttp implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper mapper;

    JsonHttp(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    JsonNode get(URI uri, String... headers) {
        return send(HttpRequest.newBuilder(uri).GET(), headers);
    }

    JsonNode post(URI uri, Object body) {
        return send(HttpRequest.newBuilder(uri).POST(json(body)).header("Content-Type", "application/json"));
    }

    JsonNode put(URI uri, Object body) {
        return send(HttpRequest.newBuilder(uri).PUT(json(body)).header("Content-Type", "application/json"));
    }

    void delete(URI uri) {
        send(HttpRequest.newBuilder(uri).DELETE());
    }

    private HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + body + " as JSON", e);
        }
    }

    private JsonNode send(HttpRequest.Builder builder, String... headers) {
        if (headers.length > 0) {
            builder.headers(headers);
        }
        HttpRequest request = builder.timeout(TIMEOUT).build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(request.method() + " " + request.uri() + " interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        try {
            return response.body().isBlank() ? mapper.nullNode() : mapper.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered non-JSON: "
                    + response.body(), e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
