package dev.brownout.fakes.internal.cassette;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brownout.fakes.DialectKind;
import dev.brownout.fakes.FakeProvider;
import dev.brownout.fakes.FakeWorld;
import dev.brownout.fakes.ProviderConfig;
import dev.brownout.fakes.ReplayPacing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A replayed answer keeps the recorded time to first token, on a hand-built cassette. */
class ReplayPacingTest {

    private static final String BODY = "{\"model\":\"mid\",\"messages\":[{\"role\":\"user\",\"content\":\"pace me\"}]}";
    private static final long RECORDED_TTFT_MS = 400;

    @TempDir
    Path dir;

    @Test
    void recordedPacingWaitsTheRecordedTimeToFirstToken() throws Exception {
        String key = RequestKey.of(UpstreamWires.forApi("chat.completions"), "mid", new ObjectMapper().readTree(BODY));
        Path cassette = dir.resolve("paced.jsonl");
        Files.write(cassette, List.of(
                "{\"format\":\"brownout-cassette\",\"schema_version\":1,\"provider\":\"openai\",\"dialect\":\"openai\"}",
                "{\"key\":\"" + key + "\",\"api\":\"chat.completions\",\"model\":\"mid\",\"request\":" + BODY
                        + ",\"status\":200,\"choices\":[{\"index\":0,\"text\":\"a paced answer\",\"finish_reason\":\"stop\"}],"
                        + "\"timing\":{\"ttft_ms\":" + RECORDED_TTFT_MS + ",\"total_ms\":" + RECORDED_TTFT_MS + "}}"));

        try (FakeWorld world = StandInUpstream.start(ProviderConfig.of("openai", DialectKind.OPENAI, "mid")
                .withReplay(cassette, ReplayPacing.RECORDED));
             HttpClient http = HttpClient.newHttpClient()) {
            FakeProvider provider = world.provider("openai");
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(provider.baseUrl() + "/chat/completions"))
                    .header("Authorization", "Bearer " + provider.apiKey()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(BODY)).build(), HttpResponse.BodyHandlers.ofString());
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;

            assertThat(response.body()).as("the replayed answer").contains("a paced answer");
            assertThat(elapsedMs).as("time to the whole answer, recorded TTFT %d ms", RECORDED_TTFT_MS)
                    .isGreaterThanOrEqualTo(RECORDED_TTFT_MS);
        }
    }
}
