package dev.brownout.internal.sut;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.sut.ReplyStream;
import dev.brownout.sut.SutReply;
import dev.brownout.sut.SutTool;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * What the HTTP adapters share: their client, how a non-2xx answer becomes a reply, and how a body is read the
 * way a tolerant client reads it: a broken connection is an error, a server-sent event that is not JSON is
 * skipped and counted.
 */
final class GatewayHttp {

    private GatewayHttp() {
    }

    /** HTTP/1.1, as gateways serve server-sent events; the task's own timeout bounds each request. */
    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    static boolean succeeded(HttpResponse<?> response) {
        return response.statusCode() / 100 == 2;
    }

    /** A refused streaming request: its status, and its body as the answer for the exchange log. */
    static SutReply refusal(HttpResponse<Stream<String>> response) {
        try (Stream<String> lines = response.body()) {
            return new SutReply(response.statusCode(), String.join("\n", lines.toList()), null, System.nanoTime());
        }
    }

    /** A whole (not streamed) body; a body that breaks off after the headers is an {@link AbortedReplyException}. */
    static String wholeBody(HttpResponse<InputStream> response) throws IOException {
        try (InputStream body = response.body()) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AbortedReplyException("in its body", e);
        }
    }

    /** A refused request read as an input stream: its status, and its body as the answer for the exchange log. */
    static SutReply refusalOf(HttpResponse<InputStream> response) throws IOException {
        return new SutReply(response.statusCode(), wholeBody(response), null, System.nanoTime());
    }

    /**
     * Reads the {@code data:} payloads of a server-sent event stream into {@code reader} until it has ended (its
     * terminator or an error event) or the body ends. Other lines ({@code event:}, comments, blank lines) are skipped.
     *
     * @throws AbortedReplyException when the connection broke before the body's end
     */
    static void readEvents(HttpResponse<Stream<String>> response, ReplyStream reader) throws AbortedReplyException {
        try (Stream<String> lines = response.body()) {
            Iterator<String> iterator = lines.iterator();
            while (iterator.hasNext()) {
                String line = iterator.next();
                if (line.startsWith("data:") && !reader.accept(line.substring(5), System.nanoTime())) {
                    return;
                }
            }
        } catch (UncheckedIOException e) {
            throw new AbortedReplyException("mid-stream", e.getCause());
        }
    }

    /**
     * A whole 2xx body as the JSON object it must be.
     *
     * @param what the dialect's name for it, e.g. {@code OpenAI chat completion}, for the error
     * @throws UnreadableReplyException when it is not JSON, or not an object
     */
    static JsonNode jsonObject(String body, String what) throws UnreadableReplyException {
        JsonNode node;
        try {
            node = Mappers.json().readTree(body);
        } catch (JsonProcessingException e) {
            throw new UnreadableReplyException(what, e);
        }
        if (node == null || !node.isObject()) {
            throw new UnreadableReplyException(what, new IOException("not a JSON object"));
        }
        return node;
    }

    /**
     * A tool's parameters schema as the JSON object every dialect embeds.
     *
     * @throws IllegalArgumentException when it is not a JSON object
     */
    static JsonNode schema(SutTool tool) {
        try {
            JsonNode node = Mappers.json().readTree(tool.parametersSchema());
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JsonProcessingException e) {
            // refused below, with what a schema must be
        }
        throw new IllegalArgumentException("the parameters schema of tool '" + tool.name()
                + "' is not a JSON object: " + tool.parametersSchema());
    }

    /** The top-level {@code id} of a whole 2xx body already read as the dialect's JSON, or null. */
    static String replyId(String body) {
        try {
            return text(Mappers.json().readTree(body).path("id"));
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** A usage figure, or null when the block does not carry it as a number. */
    static Long count(JsonNode usage, String field) {
        JsonNode value = usage.path(field);
        return value.isIntegralNumber() ? value.asLong() : null;
    }

    /** A text field, or null when it is missing, null or not text. */
    static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }
}
