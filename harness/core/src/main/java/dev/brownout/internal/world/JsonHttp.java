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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON over HTTP to the control planes the world drives: the fault proxy's Toxiproxy API and the fakes'
 * admin APIs. Any answer but 2xx is an error, so a rejected fault never passes silently. A server that requires a
 * bearer token (a world on another host) gets it on every request to its origin once {@link #authorize} was told.
 */
final class JsonHttp implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper mapper;
    private final Map<String, String> bearerByOrigin = new ConcurrentHashMap<>();

    JsonHttp(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Sends {@code Authorization: Bearer <token>} on every request to {@code server}'s scheme, host and port. */
    void authorize(URI server, String token) {
        bearerByOrigin.put(origin(server), token);
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    JsonNode get(URI uri, String... headers) {
        return send(HttpRequest.newBuilder(uri).GET(), headers);
    }

    /** Like {@link #get}, but a 404 is an empty answer rather than an error: for a path a server may not offer. */
    Optional<JsonNode> getIfOffered(URI uri) {
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(uri).GET().timeout(TIMEOUT).build());
        return response.statusCode() == 404 ? Optional.empty() : Optional.of(read(response, "GET", uri));
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
        return read(exchange(request), request.method(), request.uri());
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        String token = bearerByOrigin.get(origin(request.uri()));
        if (token != null) {
            request = HttpRequest.newBuilder(request, (name, value) -> true)
                    .header("Authorization", "Bearer " + token).build();
        }
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(request.method() + " " + request.uri() + " interrupted", e);
        }
    }

    private JsonNode read(HttpResponse<String> response, String method, URI uri) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + uri + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        try {
            return response.body().isBlank() ? mapper.nullNode() : mapper.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(method + " " + uri + " answered non-JSON: " + response.body(), e);
        }
    }

    /** The mapper answers are read with, for turning a tree into a record. */
    ObjectMapper mapper() {
        return mapper;
    }

    @Override
    public void close() {
        client.close();
    }
}
