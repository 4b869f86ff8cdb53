package dev.brownout.internal.sut;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.sut.SutReply;
import dev.brownout.sut.SutRequest;
import dev.brownout.sut.SutTool;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tool loop against scripted gateways whose model does exactly what each case needs: how a loop ends (a failing
 * call, the bound), and what its follow-up requests carry in each dialect.
 */
class ToolLoopTest {

    private static final SutTool WEATHER = new SutTool("get_weather", "The weather in a city.",
            "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}");
    private static final SutRequest TASK = new SutRequest("t-1", "What is the weather in Oslo?", false,
            Duration.ofSeconds(10), List.of(WEATHER));
    private static final SutRequest STREAMED_TASK = new SutRequest("t-2", "What is the weather in Oslo?", true,
            Duration.ofSeconds(10), List.of(WEATHER));

    private static final String CHAT_CALL = """
            {"id":"chatcmpl-1","object":"chat.completion","model":"m","choices":[{"index":0,"message":{"role":\
            "assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":\
            "get_weather","arguments":"{\\"city\\":\\"Oslo\\"}"}}]},"finish_reason":"tool_calls"}],\
            "usage":{"prompt_tokens":10,"completion_tokens":5}}""";
    private static final String CHAT_TWO_CALLS = """
            {"id":"chatcmpl-1","object":"chat.completion","model":"m","choices":[{"index":0,"message":{"role":\
            "assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":\
            "get_weather","arguments":"{\\"city\\":\\"Oslo\\"}"}},{"id":"call_2","type":"function","function":\
            {"name":"get_weather","arguments":"{\\"city\\":\\"Lima\\"}"}}]},"finish_reason":"tool_calls"}],\
            "usage":{"prompt_tokens":10,"completion_tokens":9}}""";
    private static final String CHAT_ANSWER = """
            {"id":"chatcmpl-2","object":"chat.completion","model":"m","choices":[{"index":0,"message":{"role":\
            "assistant","content":"Sunny.\\nANSWER: sunny"},"finish_reason":"stop"}],\
            "usage":{"prompt_tokens":20,"completion_tokens":3}}""";
    private static final String CHAT_STREAMED_CALL = """
            data: {"id":"c1","model":"m","choices":[{"index":0,"delta":{"role":"assistant","tool_calls":[{"index":0,\
            "id":"call_1","type":"function","function":{"name":"get_weather","arguments":""}}]}}]}

            data: {"id":"c1","model":"m","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":\
            {"arguments":"{\\"city\\":"}}]}}]}

            data: {"id":"c1","model":"m","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":\
            {"arguments":"\\"Oslo\\"}"}}]}}]}

            data: {"id":"c1","model":"m","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}

            data: [DONE]

            """;
    private static final String CHAT_STREAMED_ERROR = """
            data: {"id":"c2","model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":"Sun"}}]}

            data: {"error":{"message":"Overloaded","type":"server_error"}}

            """;
    private static final String ANTHROPIC_CALL = """
            {"id":"msg_1","type":"message","role":"assistant","model":"m","content":[{"type":"text","text":\
            "Let me look."},{"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Oslo"}}],\
            "stop_reason":"tool_use","usage":{"input_tokens":10,"output_tokens":5}}""";
    private static final String ANTHROPIC_ANSWER = """
            {"id":"msg_2","type":"message","role":"assistant","model":"m","content":[{"type":"text","text":\
            "ANSWER: sunny"}],"stop_reason":"end_turn","usage":{"input_tokens":20,"output_tokens":3}}""";
    private static final String RESPONSES_CALL = """
            {"id":"resp_1","object":"response","status":"completed","model":"m","output":[{"type":"function_call",\
            "id":"fc_1","call_id":"call_1","name":"get_weather","arguments":"{\\"city\\":\\"Oslo\\"}","status":\
            "completed"}],"usage":{"input_tokens":10,"output_tokens":5}}""";
    private static final String RESPONSES_ANSWER = """
            {"id":"resp_2","object":"response","status":"completed","model":"m","output":[{"type":"message",\
            "id":"msg_1","role":"assistant","content":[{"type":"output_text","text":"ANSWER: sunny"}]}],\
            "usage":{"input_tokens":20,"output_tokens":3}}""";
    private static final String GEMINI_TWO_CALLS = """
            {"candidates":[{"content":{"role":"model","parts":[{"text":"Let me look."},{"functionCall":{"name":\
            "get_weather","args":{"city":"Oslo"}}},{"functionCall":{"name":"get_weather","args":{"city":"Lima"}}}]},\
            "finishReason":"STOP","index":0}],"usageMetadata":{"promptTokenCount":10,"candidatesTokenCount":9},\
            "modelVersion":"m"}""";
    private static final String GEMINI_ANSWER = """
            {"candidates":[{"content":{"role":"model","parts":[{"text":"ANSWER: sunny"}]},"finishReason":"STOP",\
            "index":0}],"usageMetadata":{"promptTokenCount":20,"candidatesTokenCount":3},"modelVersion":"m"}""";
    /** Two calls in two chunks, then the finish reason: a call that is not the only one of its chunk's reply. */
    private static final String GEMINI_STREAMED_CALLS = """
            data: {"candidates":[{"content":{"role":"model","parts":[{"functionCall":{"name":"get_weather",\
            "args":{"city":"Oslo"}}}]},"index":0}],"modelVersion":"m"}

            data: {"candidates":[{"content":{"role":"model","parts":[{"functionCall":{"name":"get_weather",\
            "args":{"city":"Lima"}}}]},"index":0}],"modelVersion":"m"}

            data: {"candidates":[{"content":{"role":"model","parts":[{"text":""}]},"finishReason":"STOP","index":0}],\
            "usageMetadata":{"promptTokenCount":10,"candidatesTokenCount":9},"modelVersion":"m"}

            """;

    private final List<String> ran = new CopyOnWriteArrayList<>();

    private ToolLoop loop(HttpDialectSut dialect) {
        return ToolLoop.over(dialect, (name, arguments) -> {
            ran.add(name + " " + arguments);
            return "sunny, 21 C";
        });
    }

    private static OpenAiChatSut chat(ScriptedGateway gateway) {
        return OpenAiChatSut.of(gateway.url(), "sk-test", "m", Map.of());
    }

    private static JsonNode json(String text) throws Exception {
        return Mappers.json().readTree(text);
    }

    @Test
    void aModelCallThatFailsMidLoopEndsTheTaskWithItsStatus() throws Exception {
        try (ScriptedGateway gateway = new ScriptedGateway(ScriptedGateway.Reply.json(CHAT_CALL),
                new ScriptedGateway.Reply(503, "application/json", "{\"error\":{\"message\":\"unavailable\"}}"))) {

            SutReply reply = loop(chat(gateway)).send(TASK);

            assertThat(reply.status()).as("the status of the failed second model call").isEqualTo(503);
            assertThat(gateway.bodies()).as("model calls made").hasSize(2);
            assertThat(ran).as("tools run before the failure").containsExactly("get_weather {\"city\":\"Oslo\"}");
        }
    }

    @Test
    void anErrorEventMidLoopEndsTheTaskAsAStreamError() throws Exception {
        try (ScriptedGateway gateway = new ScriptedGateway(ScriptedGateway.Reply.events(CHAT_STREAMED_CALL),
                ScriptedGateway.Reply.events(CHAT_STREAMED_ERROR))) {

            SutReply reply = loop(chat(gateway)).send(STREAMED_TASK);

            assertThat(ran).as("the streamed call, assembled from its argument deltas, was run")
                    .containsExactly("get_weather {\"city\":\"Oslo\"}");
            assertThat(reply.status()).as("an error event in the second call's stream").isEqualTo(502);
            assertThat(reply.ending()).as("ending").isEqualTo(SutReply.Ending.ERROR_EVENT);
        }
    }

    @Test
    void theBoundStopsAModelThatNeverStopsCallingTools() throws Exception {
        try (ScriptedGateway gateway = new ScriptedGateway(ScriptedGateway.Reply.json(CHAT_CALL))) {
            ToolLoop bounded = ToolLoop.over(chat(gateway), (name, arguments) -> {
                ran.add(name);
                return "sunny";
            }, 3);

            SutReply reply = bounded.send(TASK);

            assertThat(gateway.bodies()).as("model calls: the bound").hasSize(3);
            assertThat(ran).as("tools run: after every call but the last").hasSize(2);
            assertThat(reply.status()).as("the last reply is the task's answer").isEqualTo(200);
            assertThat(reply.toolCalls()).as("the last reply still calls a tool: no final value").isNotEmpty();
        }
    }

    @Test
    void theTaskCountsItsFirstByteFromTheFirstModelCall() throws Exception {
        try (ScriptedGateway gateway = new ScriptedGateway(ScriptedGateway.Reply.events(CHAT_STREAMED_CALL),
                ScriptedGateway.Reply.json(CHAT_ANSWER))) {
            long sent = System.nanoTime();

            SutReply reply = loop(chat(gateway)).send(STREAMED_TASK);

            assertThat(reply.firstByteNanos()).as("first byte: during the first call, before the second was sent")
                    .isGreaterThan(sent).isLessThan(gateway.arrivals().get(1));
        }
    }

    @Test
    void theOpenAiChatFollowUpCarriesTheAssistantsToolCallsThenOneToolMessagePerCall() throws Exception {
        try (ScriptedGateway gateway = new ScriptedGateway(ScriptedGateway.Reply.json(CHAT_TWO_CALLS),
                ScriptedGateway.Reply.json(CHAT_ANSWER))) {

            SutReply reply = loop(chat(gateway)).send(TASK);

            JsonNode followUp = json(gateway.bodies().get(1));
            assertThat(reply.answer()).as("the final answer").endsWith("ANSWER: sunny");
            assertThat(followUp.path("messages")).as("the conversation sent back").isEqualTo(json("""
                    [{"role":"user","content":"What is the weather in Oslo?"},
                     {"role":"assistant","content":null,"tool_calls":[
                       {"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Oslo\\"}"}},
                       {"id":"call_2","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Lima\\"}"}}]},
                     {"role":"tool","tool_call_id":"call_1","content":"sunny, 21 C"},
                     {"role":"tool","tool_call_id":"call_2","content":"sunny, 21 C"}]"""));
            assertThat(followUp.path("tools")).as("the tools, offered again").isEqualTo(json(gateway.bodies().get(0))
                    .path("tools"));
        }
    }

    @Test
    void theAnthropicFollowUpCarriesTheToolUseTurnThenAUserTurnOfToolResults() throws Exception {
        try (ScriptedGateway gateway = new ScriptedGateway(ScriptedGateway.Reply.json(ANTHROPIC_CALL),
                ScriptedGateway.Reply.json(ANTHROPIC_ANSWER))) {
            AnthropicMessagesSut anthropic = AnthropicMessagesSut.of(gateway.url(), "sk-ant", "m", 256, Map.of());

            SutReply reply = loop(anthropic).send(TASK);

            assertThat(reply.answer()).as("the final answer").isEqualTo("ANSWER: sunny");
            assertThat(json(gateway.bodies().get(1)).path("messages")).as("the conversation sent back").isEqualTo(json("""
                    [{"role":"user","content":"What is the weather in Oslo?"},
                     {"role":"assistant","content":[{"type":"text","text":"Let me look."},
                       {"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Oslo"}}]},
                     {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"sunny, 21 C"}]}]"""));
        }
    }

    @Test
    void theResponsesLoopContinuesByThePreviousResponseIdWithTheCallsOutputs() throws Exception {
        try (ScriptedGateway gateway = new ScriptedGateway(ScriptedGateway.Reply.json(RESPONSES_CALL),
                ScriptedGateway.Reply.json(RESPONSES_ANSWER))) {
            OpenAiResponsesSut responses = OpenAiResponsesSut.of(gateway.url(), "sk-test", "m", Map.of(),
                    Mappers.json().createObjectNode());

            SutReply reply = loop(responses).send(TASK);

            JsonNode followUp = json(gateway.bodies().get(1));
            assertThat(reply.answer()).as("the final answer").isEqualTo("ANSWER: sunny");
            assertThat(followUp.path("previous_response_id").asText()).as("previous_response_id: the first reply's id")
                    .isEqualTo("resp_1");
            assertThat(followUp.path("input")).as("the input: only the call's output").isEqualTo(json("""
                    [{"type":"function_call_output","call_id":"call_1","output":"sunny, 21 C"}]"""));
        }
    }

    @Test
    void aResponsesReplyWithoutAnIdIsContinuedWithTheWholeConversation() throws Exception {
        try (ScriptedGateway gateway = new ScriptedGateway(
                ScriptedGateway.Reply.json(RESPONSES_CALL.replace("\"id\":\"resp_1\",", "")),
                ScriptedGateway.Reply.json(RESPONSES_ANSWER))) {
            OpenAiResponsesSut responses = OpenAiResponsesSut.of(gateway.url(), "sk-test", "m", Map.of(),
                    Mappers.json().createObjectNode());

            loop(responses).send(TASK);

            JsonNode followUp = json(gateway.bodies().get(1));
            assertThat(followUp.has("previous_response_id")).as("a previous_response_id, with no id to name").isFalse();
            assertThat(followUp.path("input")).as("the input: prompt, call, output").isEqualTo(json("""
                    [{"role":"user","content":"What is the weather in Oslo?"},
                     {"type":"function_call","call_id":"call_1","name":"get_weather","arguments":"{\\"city\\":\\"Oslo\\"}"},
                     {"type":"function_call_output","call_id":"call_1","output":"sunny, 21 C"}]"""));
        }
    }

    @Test
    void aCallOfAToolTheTaskDidNotOfferRunsNothingAndGetsAnErrorResult() throws Exception {
        try (ScriptedGateway gateway = new ScriptedGateway(
                ScriptedGateway.Reply.json(CHAT_CALL.replace("get_weather", "delete_files")),
                ScriptedGateway.Reply.json(CHAT_ANSWER))) {

            loop(chat(gateway)).send(TASK);

            assertThat(ran).as("tools run").isEmpty();
            assertThat(json(gateway.bodies().get(1)).path("messages").path(2).path("content").asText())
                    .as("the result sent back for the call").startsWith("error: no tool named 'delete_files'");
        }
    }

    @Test
    void aTaskWithoutToolsIsSentOnceExactlyAsTheAdapterSendsIt() throws Exception {
        try (ScriptedGateway gateway = new ScriptedGateway(ScriptedGateway.Reply.json(CHAT_CALL))) {
            SutRequest plain = new SutRequest("t-3", "What is the weather in Oslo?", false, Duration.ofSeconds(10));

            SutReply reply = loop(chat(gateway)).send(plain);

            assertThat(gateway.bodies()).as("the one request sent: the adapter's own")
                    .containsExactly(chat(gateway).request(plain).body());
            assertThat(reply.toolCalls()).as("a tool call in the reply, returned as it came, not run").hasSize(1);
            assertThat(ran).as("tools run").isEmpty();
        }
    }

    @Test
    void theGeminiFollowUpCarriesTheModelTurnThenAUserTurnOfFunctionResponses() throws Exception {
        try (ScriptedGateway gateway = new ScriptedGateway(ScriptedGateway.Reply.json(GEMINI_TWO_CALLS),
                ScriptedGateway.Reply.json(GEMINI_ANSWER))) {
            GeminiSut gemini = GeminiSut.of(gateway.url(), "key", "m", Map.of(), Mappers.json().createObjectNode());

            SutReply reply = loop(gemini).send(TASK);

            JsonNode followUp = json(gateway.bodies().get(1));
            assertThat(reply.answer()).as("the final answer").isEqualTo("ANSWER: sunny");
            assertThat(followUp.path("contents")).as("the conversation sent back").isEqualTo(json("""
                    [{"role":"user","parts":[{"text":"What is the weather in Oslo?"}]},
                     {"role":"model","parts":[{"text":"Let me look."},
                       {"functionCall":{"name":"get_weather","args":{"city":"Oslo"}}},
                       {"functionCall":{"name":"get_weather","args":{"city":"Lima"}}}]},
                     {"role":"user","parts":[
                       {"functionResponse":{"name":"get_weather","response":{"result":"sunny, 21 C"}}},
                       {"functionResponse":{"name":"get_weather","response":{"result":"sunny, 21 C"}}}]}]"""));
            assertThat(followUp.path("tools")).as("the tools, offered again").isEqualTo(json(gateway.bodies().get(0))
                    .path("tools"));
        }
    }

    @Test
    void geminiCallsStreamedInSeparateChunksAreAllRunInOrder() throws Exception {
        try (ScriptedGateway gateway = new ScriptedGateway(ScriptedGateway.Reply.events(GEMINI_STREAMED_CALLS),
                ScriptedGateway.Reply.events("data: " + GEMINI_ANSWER + "\n\n"))) {
            GeminiSut gemini = GeminiSut.of(gateway.url(), "key", "m", Map.of(), Mappers.json().createObjectNode());

            SutReply reply = loop(gemini).send(STREAMED_TASK);

            assertThat(ran).as("the calls of both chunks, run in the order they came")
                    .containsExactly("get_weather {\"city\":\"Oslo\"}", "get_weather {\"city\":\"Lima\"}");
            assertThat(json(gateway.bodies().get(1)).path("contents").path(2).path("parts"))
                    .as("one functionResponse per call sent back").hasSize(2);
            assertThat(reply.usage()).as("usage: both model calls' summed")
                    .isEqualTo(new SutReply.Usage(30L, 12L));
        }
    }
}
