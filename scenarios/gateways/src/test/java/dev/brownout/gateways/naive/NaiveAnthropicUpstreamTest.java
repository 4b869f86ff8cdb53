package dev.brownout.gateways.naive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.CompletionUsage;
import dev.brownout.fakes.DialectKind;
import dev.brownout.fakes.behaviour.CutFault;
import dev.brownout.fakes.behaviour.ErrorFault;
import dev.brownout.fakes.behaviour.ProviderBehaviour;
import dev.brownout.fakes.behaviour.StreamErrorFault;
import dev.brownout.fakes.canary.Canaries;
import dev.brownout.fakes.canary.CanaryGenerator;
import dev.brownout.fakes.canary.CanaryKind;
import dev.brownout.fakes.canary.CanaryTask;
import dev.brownout.fakes.ledger.CallOutcome;
import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.gateways.ClientReplies;
import dev.brownout.gateways.RunningGateway;
import dev.brownout.gateways.TestWorld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The naive gateway in front of an Anthropic Messages primary: callers still speak and hear OpenAI. */
class NaiveAnthropicUpstreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestWorld world;
    private RunningGateway gateway;
    private OpenAIClient sdk;

    @BeforeEach
    void start() {
        world = TestWorld.start(41, DialectKind.ANTHROPIC, DialectKind.OPENAI);
        gateway = NaiveGateway.start(world.primaryThenBackup());
        sdk = TestWorld.sdkFor(gateway);
    }

    @AfterEach
    void stop() {
        sdk.close();
        gateway.close();
        world.close();
    }

    @Test
    void wholeAnswerArrivesAsAChatCompletionWithTheUpstreamsModelAndUsage() {
        CanaryTask task = new CanaryGenerator(4).next(CanaryKind.ARITHMETIC, 2);

        ChatCompletion completion = sdk.chat().completions().create(TestWorld.ask(task.prompt()).build());

        ProviderCall call = world.primary().ledger().all().getFirst();
        assertThat(completion.model()).as("the model the Anthropic answer names").isEqualTo(TestWorld.PRIMARY_MODEL);
        assertThat(Canaries.answerIn(completion.choices().getFirst().message().content().orElseThrow()))
                .as("the Anthropic primary's answer, as the message content").contains(task.expected());
        assertThat(completion.choices().getFirst().finishReason()).as("end_turn as a finish reason")
                .isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        CompletionUsage usage = completion.usage().orElseThrow();
        assertThat(List.of(usage.promptTokens(), usage.completionTokens(), usage.totalTokens()))
                .as("prompt, completion and total tokens against the primary's ledger")
                .containsExactly(call.inputTokens(), call.outputTokens(), call.inputTokens() + call.outputTokens());
        assertThat(call.dialect()).as("the dialect the primary was asked in").isEqualTo("anthropic");
    }

    @Test
    void answerCutShortByMaxTokensFinishesWithLength() {
        ChatCompletion completion = sdk.chat().completions().create(TestWorld.ask("tell me a long story")
                .maxCompletionTokens(2).build());

        assertThat(completion.choices().getFirst().finishReason()).as("max_tokens as a finish reason")
                .isEqualTo(ChatCompletion.Choice.FinishReason.LENGTH);
        assertThat(completion.usage().orElseThrow().completionTokens()).as("tokens the caller allowed").isEqualTo(2);
    }

    @Test
    void streamedAnswerAccumulatesWithTheUpstreamsModelAndUsage() {
        CanaryTask task = new CanaryGenerator(5).next(CanaryKind.LOOKUP, 2);
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();

        try (StreamResponse<ChatCompletionChunk> stream = sdk.chat().completions().createStreaming(TestWorld.ask(task.prompt())
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            stream.stream().forEach(accumulator::accumulate);
        }

        ChatCompletion completion = accumulator.chatCompletion();
        ProviderCall call = world.primary().ledger().all().getFirst();
        assertThat(Canaries.answerIn(completion.choices().getFirst().message().content().orElseThrow()))
                .as("the streamed Anthropic answer, accumulated").contains(task.expected());
        assertThat(completion.model()).as("the model the Anthropic stream names").isEqualTo(TestWorld.PRIMARY_MODEL);
        assertThat(completion.choices().getFirst().finishReason()).as("finish reason")
                .isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        CompletionUsage usage = completion.usage().orElseThrow();
        assertThat(List.of(usage.promptTokens(), usage.completionTokens()))
                .as("prompt and completion tokens in the usage chunk against the primary's ledger")
                .containsExactly(call.inputTokens(), call.outputTokens());
    }

    @Test
    void completeStreamEndsWithDoneAfterTheFinishChunk() throws Exception {
        HttpResponse<String> response = TestWorld.postRaw(gateway, TestWorld.rawRequest("hello", true));

        List<String> events = dataLines(response.body());
        assertThat(events).as("the caller's events: Chat Completions chunks, [DONE] last").last().isEqualTo("[DONE]");
        JsonNode first = JSON.readTree(events.getFirst());
        assertThat(first.path("object").asText()).as("first event's object").isEqualTo("chat.completion.chunk");
        assertThat(first.path("choices").path(0).path("delta").path("role").asText()).as("first chunk's role")
                .isEqualTo("assistant");
        assertThat(JSON.readTree(events.get(events.size() - 2)).path("choices").path(0).path("finish_reason").asText())
                .as("the chunk before [DONE] carries the finish reason").isEqualTo("stop");
        assertThat(response.headers().firstValue(ClientReplies.UPSTREAM_HEADER)).as("upstream header").hasValue("primary");
    }

    @Test
    void streamCutMidAnswerReachesTheCallerWithoutDone() throws Exception {
        world.primary().behaviour().replace(ProviderBehaviour.of(new CutFault(3, 1.0, null)));

        HttpResponse<String> response = TestWorld.postRaw(gateway, TestWorld.rawRequest("hello", true));

        assertThat(response.statusCode()).as("status of the started stream").isEqualTo(200);
        assertThat(response.body()).as("the chunks sent before the cut, and no [DONE] the upstream never sent")
                .contains("chat.completion.chunk").doesNotContain("[DONE]").doesNotContain("finish_reason\":\"stop");
        assertThat(world.primary().ledger().all()).as("primary's ledger").extracting(ProviderCall::outcome)
                .containsExactly(CallOutcome.CUT);
    }

    @Test
    void midStreamErrorEventReachesTheCallerAsAnErrorEventWithoutDone() throws Exception {
        world.primary().behaviour().replace(ProviderBehaviour.of(new StreamErrorFault(3, 529, null, 1.0, null)));

        HttpResponse<String> response = TestWorld.postRaw(gateway, TestWorld.rawRequest("hello", true));

        List<String> events = dataLines(response.body());
        assertThat(events).as("the caller's events").doesNotContain("[DONE]");
        JsonNode last = JSON.readTree(events.getLast());
        assertThat(last.path("error").path("type").asText()).as("the last event: OpenAI's mid-stream error, typed as Anthropic typed it")
                .isEqualTo("overloaded_error");
        assertThat(world.primary().ledger().all()).as("primary's ledger").extracting(ProviderCall::outcome)
                .containsExactly(CallOutcome.STREAM_ERROR);
    }

    @Test
    void overloadedStatusReachesTheCallerWithAnOpenAiErrorBody() throws Exception {
        world.primary().behaviour().replace(ProviderBehaviour.of(
                new ErrorFault(529, null, null, Duration.ofSeconds(3), null, null, null)));

        HttpResponse<String> response = TestWorld.postRaw(gateway, TestWorld.rawRequest("hello", false));

        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(response.statusCode()).as("the Anthropic status, passed on").isEqualTo(529);
        assertThat(error.path("type").asText()).as("error type in OpenAI's error shape").isEqualTo("overloaded_error");
        assertThat(error.path("message").asText()).as("Anthropic's message").isEqualTo("Overloaded");
        assertThat(response.headers().firstValue("retry-after")).as("retry-after relayed").hasValue("3");
        assertThat(response.headers().firstValue(ClientReplies.UPSTREAM_HEADER)).as("upstream header").hasValue("primary");
    }

    @Test
    void rateLimitStatusReachesTheCallerAs429() throws Exception {
        world.primary().behaviour().replace(ProviderBehaviour.of(ErrorFault.of(429)));

        HttpResponse<String> response = TestWorld.postRaw(gateway, TestWorld.rawRequest("hello", false));

        assertThat(response.statusCode()).as("the Anthropic status, passed on").isEqualTo(429);
        assertThat(JSON.readTree(response.body()).path("error").path("type").asText()).as("error type")
                .isEqualTo("rate_limit_error");
    }

    @Test
    void requestWithToolsIsRefusedRatherThanSentWithoutThem() throws Exception {
        ObjectNode request = TestWorld.rawRequest("what is the weather?", false);
        request.putArray("tools").addObject().put("type", "function").putObject("function").put("name", "weather");

        HttpResponse<String> response = TestWorld.postRaw(gateway, request);

        assertThat(response.statusCode()).as("status of a request the translation cannot carry").isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("error").path("message").asText()).as("what the caller is told")
                .contains("tools");
        assertThat(world.primary().ledger().all()).as("the primary is not asked").isEmpty();
    }

    /** The payloads of an SSE body's {@code data:} lines, in order. */
    private static List<String> dataLines(String body) {
        return Arrays.stream(body.split("\n")).filter(line -> line.startsWith("data: "))
                .map(line -> line.substring("data: ".length())).toList();
    }
}
