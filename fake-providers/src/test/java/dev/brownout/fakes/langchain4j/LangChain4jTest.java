package dev.brownout.fakes.langchain4j;

import dev.brownout.fakes.DialectKind;
import dev.brownout.fakes.FakeProvider;
import dev.brownout.fakes.FakeWorld;
import dev.brownout.fakes.ProviderConfig;
import dev.brownout.fakes.TestWorlds;
import dev.brownout.fakes.behaviour.ErrorFault;
import dev.brownout.fakes.behaviour.ProviderBehaviour;
import dev.brownout.fakes.canary.Canaries;
import dev.brownout.fakes.canary.CanaryGenerator;
import dev.brownout.fakes.canary.CanaryKind;
import dev.brownout.fakes.canary.CanaryTask;
import dev.brownout.fakes.ledger.ProviderCall;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** LangChain4j's OpenAI and Anthropic chat models, with their own HTTP clients, against the fakes. */
class LangChain4jTest {

    private static FakeWorld world;
    private static FakeProvider openai;
    private static FakeProvider anthropic;
    private final CanaryGenerator canaries = new CanaryGenerator(System.nanoTime());

    @BeforeAll
    static void startWorld() {
        world = TestWorlds.start(5, ProviderConfig.of("openai", DialectKind.OPENAI, "perfect"),
                ProviderConfig.of("anthropic", DialectKind.ANTHROPIC, "perfect"));
        openai = world.provider("openai");
        anthropic = world.provider("anthropic");
    }

    @AfterAll
    static void stopWorld() {
        world.close();
    }

    @BeforeEach
    void healthy() {
        openai.behaviour().replace(ProviderBehaviour.healthy());
        anthropic.behaviour().replace(ProviderBehaviour.healthy());
    }

    private OpenAiChatModel openAiModel() {
        return OpenAiChatModel.builder().baseUrl(openai.baseUrl()).apiKey(openai.apiKey()).modelName("perfect")
                .timeout(Duration.ofSeconds(20)).build();
    }

    private static String anthropicBaseUrl() {
        // LangChain4j's Anthropic client takes the base URL with the API version path, unlike the official SDK.
        return anthropic.origin() + "/v1/";
    }

    @Test
    void openAiChatModelGetsTheCanaryAnswer() {
        CanaryTask task = canaries.next(CanaryKind.ARITHMETIC, 2);

        String answer = openAiModel().chat(task.prompt());

        assertThat(Canaries.answerIn(answer)).contains(task.expected());
    }

    @Test
    void openAiStreamingChatModelCompletesWithTheSameAnswer() throws Exception {
        CanaryTask task = canaries.next(CanaryKind.LOOKUP, 2);
        OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder().baseUrl(openai.baseUrl())
                .apiKey(openai.apiKey()).modelName("perfect").timeout(Duration.ofSeconds(20)).build();

        ChatResponse response = stream(handler -> model.chat(task.prompt(), handler));

        assertThat(Canaries.answerIn(response.aiMessage().text())).contains(task.expected());
    }

    @Test
    void anthropicChatModelGetsTheCanaryAnswer() {
        CanaryTask task = canaries.next(CanaryKind.JSON, 2);
        AnthropicChatModel model = AnthropicChatModel.builder().baseUrl(anthropicBaseUrl())
                .apiKey(anthropic.apiKey()).modelName("perfect").maxTokens(512).timeout(Duration.ofSeconds(20)).build();

        String answer = model.chat(task.prompt());

        assertThat(Canaries.answerIn(answer)).contains(task.expected());
    }

    @Test
    void anthropicStreamingChatModelCompletesWithTheSameAnswer() throws Exception {
        CanaryTask task = canaries.next(CanaryKind.ARITHMETIC, 3);
        AnthropicStreamingChatModel model = AnthropicStreamingChatModel.builder().baseUrl(anthropicBaseUrl())
                .apiKey(anthropic.apiKey()).modelName("perfect").maxTokens(512).timeout(Duration.ofSeconds(20)).build();

        ChatResponse response = stream(handler -> model.chat(task.prompt(), handler));

        assertThat(Canaries.answerIn(response.aiMessage().text())).contains(task.expected());
    }

    @Test
    void openAiChatModelRetriesA503ThreeTimesInAll() {
        openai.behaviour().replace(ProviderBehaviour.of(ErrorFault.of(503)));
        CanaryTask task = canaries.next(CanaryKind.ARITHMETIC, 1);
        OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(openai.baseUrl()).apiKey(openai.apiKey())
                .modelName("perfect").maxRetries(2).build();

        assertThatThrownBy(() -> model.chat(task.prompt())).isInstanceOf(RuntimeException.class);

        List<ProviderCall> calls = openai.ledger().all().stream().filter(c -> task.id().equals(c.taskId())).toList();
        assertThat(calls).as("LangChain4j's own retry loop: 1 + 2 retries").hasSize(3);
    }

    private static ChatResponse stream(java.util.function.Consumer<StreamingChatResponseHandler> call) throws Exception {
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        call.accept(new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        return done.get(20, TimeUnit.SECONDS);
    }
}
