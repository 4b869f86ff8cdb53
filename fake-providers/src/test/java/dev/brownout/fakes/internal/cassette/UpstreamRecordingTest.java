package dev.brownout.fakes.internal.cassette;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.InternalServerException;
import com.openai.errors.RateLimitException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.brownout.fakes.FakeProvider;
import dev.brownout.fakes.FakeWorld;
import dev.brownout.fakes.behaviour.ErrorFault;
import dev.brownout.fakes.behaviour.ProviderBehaviour;
import dev.brownout.fakes.behaviour.StreamErrorFault;
import dev.brownout.fakes.canary.CanaryGenerator;
import dev.brownout.fakes.canary.CanaryKind;
import dev.brownout.fakes.canary.CanaryTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A provider in upstream mode fronting a stand-in upstream world, driven by the official SDKs. */
class UpstreamRecordingTest {

    @TempDir
    static Path dir;
    private static FakeWorld upstream;
    private static FakeWorld recording;
    private static OpenAIClient viaRecording;
    private static OpenAIClient direct;
    private static AnthropicClient anthropicViaRecording;
    private static AnthropicClient anthropicDirect;
    private static final CanaryGenerator CANARIES = new CanaryGenerator(1234);

    @BeforeAll
    static void start() {
        upstream = StandInUpstream.start();
        recording = StandInUpstream.recording(upstream, dir.resolve("openai.jsonl"), dir.resolve("anthropic.jsonl"));
        viaRecording = openAi(recording.provider("openai"));
        direct = openAi(upstream.provider("real-openai"));
        anthropicViaRecording = anthropic(recording.provider("anthropic"));
        anthropicDirect = anthropic(upstream.provider("real-anthropic"));
    }

    private static OpenAIClient openAi(FakeProvider provider) {
        return OpenAIOkHttpClient.builder().baseUrl(provider.baseUrl()).apiKey(provider.apiKey()).maxRetries(0)
                .timeout(Duration.ofSeconds(20)).build();
    }

    private static AnthropicClient anthropic(FakeProvider provider) {
        return AnthropicOkHttpClient.builder().baseUrl(provider.baseUrl()).apiKey(provider.apiKey()).maxRetries(0)
                .timeout(Duration.ofSeconds(20)).build();
    }

    @AfterAll
    static void stop() {
        viaRecording.close();
        direct.close();
        anthropicViaRecording.close();
        anthropicDirect.close();
        recording.close();
        upstream.close();
    }

    @BeforeEach
    void healthy() {
        recording.provider("openai").behaviour().replace(ProviderBehaviour.healthy());
        upstream.provider("real-openai").behaviour().replace(ProviderBehaviour.healthy());
    }

    private static ChatCompletionCreateParams ask(CanaryTask task) {
        return ChatCompletionCreateParams.builder().model("mid").addUserMessage(task.prompt()).build();
    }

    private static String text(ChatCompletion completion) {
        return completion.choices().getFirst().message().content().orElseThrow();
    }

    @Test
    void aChatAnswerThroughUpstreamModeIsTheUpstreamsOwn() {
        CanaryTask task = CANARIES.next(CanaryKind.ARITHMETIC, 2);

        ChatCompletion recorded = viaRecording.chat().completions().create(ask(task));
        ChatCompletion upstreams = direct.chat().completions().create(ask(task));

        assertThat(text(recorded)).as("the text the upstream-mode provider served").isEqualTo(text(upstreams));
        assertThat(recorded.usage().orElseThrow().promptTokens()).as("input tokens as the upstream counted them")
                .isEqualTo(upstreams.usage().orElseThrow().promptTokens());
    }

    @Test
    void aStreamedChatAnswerThroughUpstreamModeIsTheUpstreamsOwn() {
        CanaryTask task = CANARIES.next(CanaryKind.LOOKUP, 2);
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();

        try (StreamResponse<ChatCompletionChunk> stream = viaRecording.chat().completions().createStreaming(ask(task))) {
            stream.stream().forEach(accumulator::accumulate);
        }

        assertThat(text(accumulator.chatCompletion())).as("the streamed text, accumulated by the SDK")
                .isEqualTo(text(direct.chat().completions().create(ask(task))));
    }

    @Test
    void anAnthropicAnswerThroughUpstreamModeIsTheUpstreamsOwn() {
        CanaryTask task = CANARIES.next(CanaryKind.ARITHMETIC, 2);
        MessageCreateParams params = MessageCreateParams.builder().model("mid").maxTokens(512)
                .addUserMessage(task.prompt()).build();

        Message recorded = anthropicViaRecording.messages().create(params);
        Message upstreams = anthropicDirect.messages().create(params);

        assertThat(recorded.content().getFirst().text().orElseThrow().text()).as("the Messages answer served")
                .isEqualTo(upstreams.content().getFirst().text().orElseThrow().text());
    }

    @Test
    void theCassetteHoldsTheExchangeAndNoKey() throws IOException {
        CanaryTask task = CANARIES.next(CanaryKind.ARITHMETIC, 3);
        viaRecording.chat().completions().create(ask(task));
        anthropicViaRecording.messages().create(MessageCreateParams.builder().model("mid").maxTokens(512)
                .addUserMessage(task.prompt()).build());

        List<String> openaiLines = Files.readAllLines(dir.resolve("openai.jsonl"));
        String everything = openaiLines + "\n" + Files.readString(dir.resolve("anthropic.jsonl"));
        assertThat(openaiLines.getFirst()).as("the header line").contains("\"format\":\"brownout-cassette\"")
                .contains("\"schema_version\":1");
        assertThat(openaiLines).as("an exchange line for the task's request").anyMatch(line -> line.contains(task.id())
                && line.contains("\"status\":200") && line.contains("\"ttft_ms\""));
        assertThat(everything).as("the cassettes must not hold the upstream keys")
                .doesNotContain(StandInUpstream.key(StandInUpstream.OPENAI_KEY_ENV))
                .doesNotContain(StandInUpstream.key(StandInUpstream.ANTHROPIC_KEY_ENV))
                .doesNotContainIgnoringCase("authorization").doesNotContain("x-api-key");
    }

    @Test
    void anErrorFaultOnTheRecordingProviderAnswersWithoutReachingTheUpstream() {
        CanaryTask task = CANARIES.next(CanaryKind.ARITHMETIC, 2);
        recording.provider("openai").behaviour().replace(ProviderBehaviour.of(ErrorFault.of(500)));

        assertThatThrownBy(() -> viaRecording.chat().completions().create(ask(task)))
                .as("the world's error fault, applied on top of upstream mode").isInstanceOf(InternalServerException.class);
        assertThat(upstream.provider("real-openai").ledger().all()).as("upstream calls for the faulted task")
                .noneMatch(call -> task.id().equals(call.taskId()));
    }

    @Test
    void anUpstreamErrorIsPassedOnInTheDialectsShapeAndRecorded() throws IOException {
        CanaryTask task = CANARIES.next(CanaryKind.ARITHMETIC, 2);
        upstream.provider("real-openai").behaviour().replace(ProviderBehaviour.of(ErrorFault.of(429)));

        assertThatThrownBy(() -> viaRecording.chat().completions().create(ask(task)))
                .as("the upstream's 429, as the SDK reads it").isInstanceOf(RateLimitException.class);
        assertThat(recording.provider("openai").ledger().all()).as("the recording provider's ledger")
                .anyMatch(call -> task.id().equals(call.taskId()) && call.status() == 429);
        assertThat(Files.readAllLines(dir.resolve("openai.jsonl"))).as("the cassette line of the upstream's error")
                .anyMatch(line -> line.contains(task.id()) && line.contains("\"status\":429"));
    }

    @Test
    void anErrorEventInTheUpstreamsStreamIsPassedOnAsAnErrorAndRecorded() throws IOException {
        CanaryTask task = CANARIES.next(CanaryKind.ARITHMETIC, 2);
        upstream.provider("real-openai").behaviour().replace(ProviderBehaviour.of(
                new StreamErrorFault(2, 500, "the upstream broke mid-stream", 1.0, null)));

        assertThatThrownBy(() -> viaRecording.chat().completions().create(ask(task)))
                .as("the upstream's mid-stream error, as the SDK reads the fake's answer").isInstanceOf(
                        InternalServerException.class).hasMessageContaining("the upstream broke mid-stream");
        assertThat(Files.readAllLines(dir.resolve("openai.jsonl"))).as("the cassette line of the broken stream")
                .anyMatch(line -> line.contains(task.id()) && line.contains("\"status\":500"));
    }
}
