package dev.brownout.fakes.internal.cassette;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brownout.fakes.internal.exchange.ErrorReply;
import dev.brownout.fakes.internal.exchange.Reply;
import dev.brownout.fakes.internal.exchange.ReplySource;
import dev.brownout.fakes.internal.exchange.SourcedReply;
import dev.brownout.fakes.internal.exchange.SourcedRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Upstream mode: forwards each request to the real API, reads its streamed answer (or error) into a reply the
 * fake sends through its own path, and appends the exchange to the cassette. The key is sent upstream only, in the
 * API's auth header, and replaced wherever else it appears.
 */
public final class UpstreamSource implements ReplySource, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UpstreamSource.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(15);
    /** As long as a hung request is held: a model that thinks for minutes is still an answer. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(10);
    private static final List<String> RETRY_HEADERS = List.of("retry-after", "retry-after-ms", "x-should-retry");

    private final ObjectMapper json = new ObjectMapper();
    private final String provider;
    private final String baseUrl;
    private final String key;
    private final boolean recordedPacing;
    private final HttpClient http;
    private final CassetteRecorder recorder;

    /**
     * Probes the upstream and opens the cassette; an unreachable upstream, a refused key or an unwritable or
     * corrupt cassette is an IllegalArgumentException naming what to fix.
     *
     * @param baseUrl        the API's base URL as its official SDK takes it
     * @param key            the API key, or null for none
     * @param keySource      where the key came from, for errors (e.g. the environment variable's name)
     * @param api            the provider's own API, whose probe path is tried
     * @param recordedPacing whether answers leave as soon as the upstream sent them (else at the catalog's pace)
     */
    public UpstreamSource(String provider, String dialect, String api, String baseUrl, String key, String keySource,
                          Path cassette, boolean recordedPacing) {
        this.provider = provider;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.key = key;
        this.recordedPacing = recordedPacing;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .build();
        probe(UpstreamWires.forApi(api), keySource);
        this.recorder = new CassetteRecorder(cassette, provider, dialect, key);
    }

    private void probe(UpstreamWire wire, String keySource) {
        String url = baseUrl + wire.probePath();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(PROBE_TIMEOUT).GET();
        wire.headers(key, null).forEach(request::header);
        int status;
        try {
            status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalArgumentException("provider '" + provider + "': the upstream at " + baseUrl
                    + " is unreachable (GET " + wire.probePath() + ": " + describe(e) + "); check upstream.base_url"
                    + " (or the variable upstream.base_url_env names) and the network");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while probing the upstream", e);
        }
        if (status == 401 || status == 403) {
            throw new IllegalArgumentException("provider '" + provider + "': the upstream at " + baseUrl
                    + " refused the key " + (key == null ? "(none was sent: set upstream.api_key_env)"
                    : "from " + keySource) + " with status " + status + " on GET " + wire.probePath());
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    @Override
    public SourcedReply answer(SourcedRequest request) {
        UpstreamWire wire = UpstreamWires.forApi(request.wire().api());
        ObjectNode body;
        try {
            body = (ObjectNode) json.readTree(request.body());
        } catch (IOException | ClassCastException e) {
            // The dialect has parsed the same body already; this is unreachable but for a broken dialect.
            return SourcedReply.failure(new ErrorReply(400, "The request body is not a JSON object.", null, null));
        }
        if (body.hasNonNull("previous_response_id")) {
            return SourcedReply.failure(new ErrorReply(400, "Brownout upstream mode forwards whole conversations: "
                    + "send the full input instead of previous_response_id (the upstream does not know this fake's "
                    + "response ids).", "previous_response_id", null));
        }
        String requestKey = RequestKey.of(wire, request.request().model(), body);
        HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(baseUrl + wire.completionPath(request.request().model())))
                .timeout(ANSWER_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(wire.streamingBody(body).toString()));
        wire.headers(key, request.exchange()).forEach(forward::header);
        long sent = System.nanoTime();
        RecordedExchange exchange;
        try {
            HttpResponse<Stream<String>> response = http.send(forward.build(), HttpResponse.BodyHandlers.ofLines());
            exchange = read(wire, requestKey, request, body, response, sent);
        } catch (IOException e) {
            LOG.warn("provider '{}': the upstream at {} failed: {}", provider, baseUrl, describe(e));
            return SourcedReply.failure(new ErrorReply(502, "Brownout upstream mode: the upstream at " + baseUrl
                    + " failed (" + describe(e) + ").", null, null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SourcedReply.failure(new ErrorReply(503, "Brownout upstream mode: interrupted", null, null));
        }
        recorder.append(exchange);
        if (exchange.status() >= 300) {
            RecordedExchange.Error error = exchange.error();
            return SourcedReply.failure(RecordedAnswers.error(exchange.status(), new RecordedExchange.Error(
                    recorder.redacted(error.message()), error.type(), error.code(), error.param(), error.headers())));
        }
        Reply reply = RecordedAnswers.reply(exchange, request);
        if (!recordedPacing) {
            return SourcedReply.catalogPaced(reply);
        }
        // The wait for the upstream is the model's time: the answer leaves as soon as it is here, faults on top.
        return SourcedReply.paced(reply, Duration.ofNanos(System.nanoTime() - request.arrivalNanos()), 0);
    }

    private RecordedExchange read(UpstreamWire wire, String requestKey, SourcedRequest request, ObjectNode body,
                                  HttpResponse<Stream<String>> response, long sent) throws IOException {
        String model = request.request().model();
        int status = response.statusCode();
        if (status >= 300) {
            String text;
            try (Stream<String> lines = response.body()) {
                text = lines.collect(Collectors.joining("\n"));
            }
            double at = millisSince(sent);
            JsonNode errorBody;
            try {
                errorBody = json.readTree(text);
            } catch (JsonProcessingException e) {
                errorBody = null;
            }
            RecordedExchange.Error error = errorBody == null
                    ? new RecordedExchange.Error(text.length() > 500 ? text.substring(0, 500) : text, null, null, null,
                    retryHeaders(response))
                    : wire.error(errorBody, retryHeaders(response));
            return new RecordedExchange(requestKey, wire.api(), model, body, status, List.of(), null, error,
                    new RecordedExchange.Timing(at, at, List.of()));
        }
        StreamedAnswer answer = new StreamedAnswer();
        try (Stream<String> lines = response.body()) {
            String event = null;
            StringBuilder data = new StringBuilder();
            Iterator<String> iterator = lines.iterator();
            while (iterator.hasNext()) {
                String line = iterator.next();
                if (line.isEmpty()) {
                    dispatch(wire, event, data, answer, sent);
                    event = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    if (!data.isEmpty()) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).strip());
                }
            }
            dispatch(wire, event, data, answer, sent);
        }
        double total = millisSince(sent);
        if (answer.failed()) {
            return new RecordedExchange(requestKey, wire.api(), model, body, answer.errorStatus(), List.of(), null,
                    answer.errorRead(), new RecordedExchange.Timing(total, total, List.of()));
        }
        List<Double> offsets = answer.offsetsMs();
        double ttft = offsets.isEmpty() ? total : offsets.getFirst();
        return new RecordedExchange(requestKey, wire.api(), model, body, status, answer.choices(), answer.usage(),
                null, new RecordedExchange.Timing(ttft, Math.max(total, ttft), offsets));
    }

    private void dispatch(UpstreamWire wire, String event, StringBuilder data, StreamedAnswer answer, long sent) {
        if (data.isEmpty() || data.charAt(0) != '{') {
            return;
        }
        try {
            answer.at(millisSince(sent));
            wire.read(event, json.readTree(data.toString()), answer);
        } catch (JsonProcessingException e) {
            LOG.warn("provider '{}': skipped an upstream stream event that is not JSON", provider);
        }
    }

    private static Map<String, String> retryHeaders(HttpResponse<?> response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : RETRY_HEADERS) {
            response.headers().firstValue(name).ifPresent(value -> headers.put(name, value));
        }
        return headers;
    }

    private static double millisSince(long nanos) {
        return Math.round((System.nanoTime() - nanos) / 10_000.0) / 100.0;
    }

    @Override
    public void close() {
        recorder.close();
        http.close();
    }
}
