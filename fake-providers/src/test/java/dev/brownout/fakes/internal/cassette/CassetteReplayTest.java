package dev.brownout.fakes.internal.cassette;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.MessageCreateParams;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.InternalServerException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionTool;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseOutputItem;
import dev.brownout.fakes.FakeProvider;
import dev.brownout.fakes.FakeWorld;
import dev.brownout.fakes.behaviour.ErrorFault;
import dev.brownout.fakes.behaviour.ProviderBehaviour;
import dev.brownout.fakes.canary.CanaryGenerator;
import dev.brownout.fakes.canary.CanaryKind;
import dev.brownout.fakes.canary.CanaryTask;
import dev.brownout.fakes.ledger.ProviderCall;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Answers recorded through upstream mode from a stand-in upstream, then replayed with the upstream stopped: the
 * same answers every time, the world's faults on top, and a clear 400 for a request never recorded.
 */
class CassetteReplayTest {

    @TempDir
    static Path dir;
    private static final CanaryGenerator CANARIES = new CanaryGenerator(99);
    private static final CanaryTask CHAT = CANARIES.next(CanaryKind.ARITHMETIC, 2);
    private static final CanaryTask STREAMED = CANARIES.next(CanaryKind.LOOKUP, 2);
    private static final CanaryTask MESSAGES = CANARIES.next(CanaryKind.ARITHMETIC, 2);
    private static final CanaryTask RESPONSES = CANARIES.next(CanaryKind.ARITHMETIC, 2);
    private static final CanaryTask TOOL = CANARIES.next(CanaryKind.TOOL, 2);
    private static ChatCompletionMessageFunctionToolCall upstreamToolCall;
    private static String upstreamChat;
    private static String upstreamStreamed;
    private static String upstreamMessages;
    private static String upstreamResponses;
    private static FakeWorld replay;
    private static OpenAIClient openai;
    private static AnthropicClient anthropic;

    @BeforeAll
    static void recordThenStopTheUpstream() {
        Path openaiCassette = dir.resolve("openai.jsonl");
        Path anthropicCassette = dir.resolve("anthropic.jsonl");
        try (FakeWorld upstream = StandInUpstream.start();
             FakeWorld recording = StandInUpstream.recording(upstream, openaiCassette, anthropicCassette)) {
            OpenAIClient recordingOpenAi = openAi(recording.provider("openai"));
            AnthropicClient recordingAnthropic = anthropic(recording.provider("anthropic"));
            upstreamChat = text(recordingOpenAi.chat().completions().create(chat(CHAT)));
            upstreamStreamed = streamed(recordingOpenAi, STREAMED);
            upstreamMessages = recordingAnthropic.messages().create(message(MESSAGES)).content().getFirst().text()
                    .orElseThrow().text();
            upstreamResponses = text(recordingOpenAi.responses().create(response(RESPONSES)));
            upstreamToolCall = toolCall(recordingOpenAi.chat().completions().create(toolRequest(TOOL)));
            recordingOpenAi.close();
            recordingAnthropic.close();
        }
        replay = StandInUpstream.replaying(openaiCassette, anthropicCassette);
        openai = openAi(replay.provider("openai"));
        anthropic = anthropic(replay.provider("anthropic"));
    }

    @AfterAll
    static void stop() {
        openai.close();
        anthropic.close();
        replay.close();
    }

    @BeforeEach
    void healthy() {
        replay.provider("openai").behaviour().replace(ProviderBehaviour.healthy());
    }

    private static OpenAIClient openAi(FakeProvider provider) {
        return OpenAIOkHttpClient.builder().baseUrl(provider.baseUrl()).apiKey(provider.apiKey()).maxRetries(0)
                .timeout(Duration.ofSeconds(20)).build();
    }

    private static AnthropicClient anthropic(FakeProvider provider) {
        return AnthropicOkHttpClient.builder().baseUrl(provider.baseUrl()).apiKey(provider.apiKey()).maxRetries(0)
                .timeout(Duration.ofSeconds(20)).build();
    }

    private static ChatCompletionCreateParams chat(CanaryTask task) {
        return ChatCompletionCreateParams.builder().model("mid").addUserMessage(task.prompt()).temperature(0.2).build();
    }

    private static MessageCreateParams message(CanaryTask task) {
        return MessageCreateParams.builder().model("mid").maxTokens(512).addUserMessage(task.prompt()).build();
    }

    private static ResponseCreateParams response(CanaryTask task) {
        return ResponseCreateParams.builder().model("mid").input(task.prompt()).build();
    }

    private static String text(ChatCompletion completion) {
        return completion.choices().getFirst().message().content().orElseThrow();
    }

    private static ChatCompletionCreateParams toolRequest(CanaryTask task) {
        String tool = task.expected().substring(0, task.expected().indexOf('('));
        return ChatCompletionCreateParams.builder().model("perfect").addUserMessage(task.prompt())
                .tools(List.of(ChatCompletionTool.ofFunction(ChatCompletionFunctionTool.builder()
                        .function(FunctionDefinition.builder().name(tool).parameters(FunctionParameters.builder()
                                .putAdditionalProperty("type", JsonValue.from("object"))
                                .putAdditionalProperty("properties", JsonValue.from(Map.of())).build()).build())
                        .build())))
                .build();
    }

    private static ChatCompletionMessageFunctionToolCall toolCall(ChatCompletion completion) {
        return completion.choices().getFirst().message().toolCalls().orElseThrow().getFirst().asFunction();
    }

    private static String text(Response response) {
        StringBuilder text = new StringBuilder();
        for (ResponseOutputItem item : response.output()) {
            item.message().ifPresent(message -> message.content().forEach(
                    content -> content.outputText().ifPresent(part -> text.append(part.text()))));
        }
        return text.toString();
    }

    private static String streamed(OpenAIClient client, CanaryTask task) {
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(chat(task))) {
            stream.stream().forEach(accumulator::accumulate);
        }
        return text(accumulator.chatCompletion());
    }

    @Test
    void replayAnswersAsTheUpstreamDidWithTheUpstreamStopped() {
        assertThat(text(openai.chat().completions().create(chat(CHAT)))).as("replayed chat completion")
                .isEqualTo(upstreamChat);
        assertThat(streamed(openai, STREAMED)).as("replayed stream").isEqualTo(upstreamStreamed);
        assertThat(anthropic.messages().create(message(MESSAGES)).content().getFirst().text().orElseThrow().text())
                .as("replayed Messages answer").isEqualTo(upstreamMessages);
        Response response = openai.responses().create(response(RESPONSES));
        assertThat(text(response)).as("replayed Responses answer").isEqualTo(upstreamResponses);
    }

    @Test
    void aRecordedToolCallIsReplayedWithItsIdNameAndArguments() {
        ChatCompletion replayed = openai.chat().completions().create(toolRequest(TOOL));

        ChatCompletionMessageFunctionToolCall call = toolCall(replayed);
        assertThat(replayed.choices().getFirst().finishReason()).as("finish reason of the replayed tool call")
                .isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        assertThat(call.id()).as("the recorded call id, so the agent's tool result matches the recording")
                .isEqualTo(upstreamToolCall.id());
        assertThat(call.function().name()).as("tool name").isEqualTo(upstreamToolCall.function().name());
        assertThat(call.function().arguments()).as("arguments").isEqualTo(upstreamToolCall.function().arguments());
    }

    @Test
    void aRequestRecordedWithoutStreamingReplaysStreamedAsTheSameAnswer() {
        assertThat(streamed(openai, CHAT)).as("the recorded non-streamed answer, asked for as a stream")
                .isEqualTo(upstreamChat);
    }

    @Test
    void replayGivesTheSameAnswerEveryTime() {
        String first = text(openai.chat().completions().create(chat(CHAT)));
        String second = text(openai.chat().completions().create(chat(CHAT)));

        assertThat(second).as("a second replay of the same request").isEqualTo(first).isEqualTo(upstreamChat);
    }

    @Test
    void aFaultOfTheWorldAppliesOnTopOfReplay() {
        replay.provider("openai").behaviour().replace(ProviderBehaviour.of(ErrorFault.of(500)));

        assertThatThrownBy(() -> openai.chat().completions().create(chat(CHAT)))
                .as("the error fault on the replaying provider").isInstanceOf(InternalServerException.class);
    }

    @Test
    void aRequestNeverRecordedIsAClear400NamingItAndCountedInTheLedger() {
        CanaryTask unrecorded = CANARIES.next(CanaryKind.ARITHMETIC, 2);

        assertThatThrownBy(() -> openai.chat().completions().create(chat(unrecorded)))
                .as("a replay miss").isInstanceOf(BadRequestException.class)
                .hasMessageContaining("no answer for this request").hasMessageContaining("model 'mid'")
                .hasMessageContaining("key sha256:").hasMessageContaining("[brownout-task id=" + unrecorded.id());
        ProviderCall call = replay.provider("openai").ledger().all().stream()
                .filter(entry -> unrecorded.id().equals(entry.taskId())).findFirst().orElseThrow();
        assertThat(call.status()).as("the miss's status in the ledger").isEqualTo(400);
        assertThat(call.errorType()).as("the miss's error type in the ledger").isEqualTo("cassette_miss");
    }
}
