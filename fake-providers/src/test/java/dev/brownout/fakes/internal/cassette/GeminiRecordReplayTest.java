package dev.brownout.fakes.internal.cassette;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brownout.fakes.AuthMode;
import dev.brownout.fakes.DialectKind;
import dev.brownout.fakes.FakeProvider;
import dev.brownout.fakes.FakeWorld;
import dev.brownout.fakes.ProviderConfig;
import dev.brownout.fakes.ReplayPacing;
import dev.brownout.fakes.UpstreamConfig;
import dev.brownout.fakes.canary.CanaryGenerator;
import dev.brownout.fakes.canary.CanaryKind;
import dev.brownout.fakes.canary.CanaryTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The Gemini API through upstream mode and replay, over plain HTTP as Google's REST reference shows it. */
class GeminiRecordReplayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static JsonNode generate(HttpClient http, FakeProvider provider, CanaryTask task)
            throws IOException, InterruptedException {
        String body = JSON.createObjectNode().set("contents", JSON.createArrayNode().add(JSON.createObjectNode()
                .put("role", "user").set("parts", JSON.createArrayNode().add(JSON.createObjectNode()
                        .put("text", task.prompt()))))).toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(provider.baseUrl()
                        + "/v1beta/models/perfect:generateContent"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (provider.apiKey() != null) {
            request.header("x-goog-api-key", provider.apiKey());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return JSON.createObjectNode().put("status", response.statusCode()).set("body", JSON.readTree(response.body()));
    }

    private static String text(JsonNode answer) {
        return answer.path("body").path("candidates").path(0).path("content").path("parts").path(0).path("text").asText();
    }

    @Test
    void aGeminiAnswerIsRecordedAsTheUpstreamGaveItAndReplayedOffline() throws Exception {
        CanaryGenerator canaries = new CanaryGenerator(5);
        CanaryTask recordedTask = canaries.next(CanaryKind.ARITHMETIC, 2);
        CanaryTask unrecordedTask = canaries.next(CanaryKind.ARITHMETIC, 2);
        Path cassette = dir.resolve("gemini.jsonl");
        String upstreamText;
        String recordedText;
        try (HttpClient http = HttpClient.newHttpClient()) {
            try (FakeWorld upstream = StandInUpstream.start(
                    ProviderConfig.of("real-gemini", DialectKind.GEMINI, "perfect").withAuth(AuthMode.NONE));
                 FakeWorld recording = StandInUpstream.start(ProviderConfig.of("gemini", DialectKind.GEMINI, "perfect")
                         .withUpstream(UpstreamConfig.at(upstream.provider("real-gemini").baseUrl(), null), cassette))) {
                upstreamText = text(generate(http, upstream.provider("real-gemini"), recordedTask));
                recordedText = text(generate(http, recording.provider("gemini"), recordedTask));
            }
            try (FakeWorld replay = StandInUpstream.start(ProviderConfig.of("gemini", DialectKind.GEMINI, "perfect")
                    .withReplay(cassette, ReplayPacing.RECORDED))) {
                String replayedText = text(generate(http, replay.provider("gemini"), recordedTask));
                JsonNode miss = generate(http, replay.provider("gemini"), unrecordedTask);

                assertThat(recordedText).as("the answer through upstream mode").isNotBlank().isEqualTo(upstreamText);
                assertThat(replayedText).as("the answer replayed with the upstream stopped").isEqualTo(upstreamText);
                assertThat(miss.path("status").asInt()).as("status of a request never recorded").isEqualTo(400);
                assertThat(miss.path("body").path("error").path("status").asText()).as("Google's error status")
                        .isEqualTo("INVALID_ARGUMENT");
                assertThat(miss.path("body").path("error").path("message").asText()).as("the miss's message")
                        .contains("no answer for this request").contains(unrecordedTask.id());
            }
        }
    }
}
