package dev.brownout.internal.sut;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.sut.SutClient;
import dev.brownout.sut.SutReply;
import dev.brownout.sut.SutRequest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code http} adapter, for any JSON-over-HTTP service: each task's request is rendered from Mustache
 * templates (URL, headers, body) over the world plus {@code prompt}, {@code prompt_json}, {@code task_id} and
 * {@code stream}; the answer (and, if asked, the model) is read from the JSON reply at a JSON pointer. A
 * non-2xx status is an error reply with that status; a reply that is not JSON, or lacks the answer, is an
 * {@link IOException} naming the pointer and quoting the start of the body.
 */
public final class HttpSut implements SutClient {

    static final int QUOTED_BODY_CHARS = 200;

    private final String method;
    private final SutTemplates.Template url;
    private final Map<String, SutTemplates.Template> headers;
    private final SutTemplates.Template body;
    private final String answerPointer;
    private final String modelPointer;
    private final WorldTemplateModel world;
    private final HttpClient http;

    private HttpSut(HttpRequestTemplate request, Map<String, String> headers, WorldTemplateModel world) {
        this.method = request.method();
        this.url = SutTemplates.compile(request.url(), "http.url");
        this.headers = new LinkedHashMap<>();
        headers.forEach((key, value) -> this.headers.put(key, SutTemplates.compile(value, "headers." + key)));
        this.body = request.body() == null ? null : SutTemplates.compile(request.body(), "http.body");
        this.answerPointer = request.answerPointer();
        this.modelPointer = request.modelPointer();
        this.world = world;
        this.http = GatewayHttp.client();
    }

    /**
     * Compiles the templates and renders them once with a sample task, so a template naming an unknown
     * variable fails here, before the run, not on every task.
     */
    static HttpSut of(HttpRequestTemplate request, Map<String, String> headers, WorldTemplateModel world) {
        HttpSut sut = new HttpSut(request, headers, world);
        sut.render(new SutRequest("sample-task", "sample prompt", false, java.time.Duration.ofSeconds(1)));
        return sut;
    }

    /** The URL with the world filled in and a sample task; what {@link StartedSut#baseUrl()} shows. */
    String sampleUrl() {
        return url.render(scope(new SutRequest("sample-task", "", false, java.time.Duration.ofSeconds(1))));
    }

    @Override
    public SutReply send(SutRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(render(request), HttpResponse.BodyHandlers.ofString());
        long arrived = System.nanoTime();
        if (!GatewayHttp.succeeded(response)) {
            return new SutReply(response.statusCode(), response.body(), null, arrived);
        }
        JsonNode reply;
        try {
            reply = Mappers.json().readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new IOException("the SUT's reply is not JSON, so there is no answer at " + answerPointer
                    + "; it began: " + quote(response.body()));
        }
        JsonNode answer = reply == null ? null : reply.at(answerPointer);
        if (answer == null || answer.isMissingNode() || answer.isNull()) {
            throw new IOException("the SUT's reply has no answer at " + answerPointer + "; it began: "
                    + quote(response.body()));
        }
        String model = null;
        if (modelPointer != null) {
            JsonNode served = reply.at(modelPointer);
            model = served.isMissingNode() || served.isNull() ? null : served.asText();
        }
        return new SutReply(response.statusCode(), answer.isValueNode() ? answer.asText() : answer.toString(), model,
                arrived);
    }

    private HttpRequest render(SutRequest request) {
        Map<String, Object> scope = scope(request);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url.render(scope).strip()))
                .timeout(request.timeout());
        boolean contentType = false;
        for (Map.Entry<String, SutTemplates.Template> header : headers.entrySet()) {
            builder.header(header.getKey(), header.getValue().render(scope));
            contentType |= header.getKey().equalsIgnoreCase("Content-Type");
        }
        if (body != null && !contentType) {
            builder.header("Content-Type", "application/json");
        }
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.render(scope));
        return builder.method(method, publisher).build();
    }

    private Map<String, Object> scope(SutRequest request) {
        return world.with("prompt", request.prompt())
                .with("prompt_json", new TextNode(request.prompt()).toString())
                .with("task_id", request.taskId())
                .with("stream", request.stream())
                .values();
    }

    private static String quote(String body) {
        if (body == null || body.isEmpty()) {
            return "(an empty body)";
        }
        String start = body.length() > QUOTED_BODY_CHARS ? body.substring(0, QUOTED_BODY_CHARS) + "..." : body;
        return "'" + start + "'";
    }
}
