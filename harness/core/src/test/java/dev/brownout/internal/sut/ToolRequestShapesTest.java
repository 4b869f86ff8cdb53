package dev.brownout.internal.sut;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.sut.SutRequest;
import dev.brownout.sut.SutTool;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The first request of a task in each dialect: its tools in the dialect's shape, and, for a task without tools, the
 * very body the adapters sent before tools existed.
 */
class ToolRequestShapesTest {

    private static final URI BASE = URI.create("http://127.0.0.1:9/v1");
    private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}";
    private static final SutTool WEATHER = new SutTool("get_weather", "The weather in a city.", SCHEMA);
    /** What the gemini adapter sent for a prompt {@code p} before tools existed. */
    private static final String BARE_GEMINI = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"p\"}]}]}";
    private static final SutRequest WITH_TOOL = new SutRequest("t-1", "p", false, Duration.ofSeconds(5),
            List.of(WEATHER));

    private final OpenAiChatSut chat = OpenAiChatSut.of(BASE, "k", "m", Map.of());
    private final AnthropicMessagesSut anthropic = AnthropicMessagesSut.of(BASE, "k", "m", 64, Map.of());
    private final OpenAiResponsesSut responses = OpenAiResponsesSut.of(BASE, "k", "m", Map.of(),
            Mappers.json().createObjectNode());
    private final GeminiSut gemini = GeminiSut.of(URI.create("http://127.0.0.1:9"), "k", "m", Map.of(),
            Mappers.json().createObjectNode());

    private static JsonNode json(String text) throws Exception {
        return Mappers.json().readTree(text);
    }

    @Test
    void openAiChatOffersFunctionTools() throws Exception {
        assertThat(json(chat.request(WITH_TOOL).body()).path("tools")).as("tools of a chat completion request")
                .isEqualTo(json("[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
                        + "\"description\":\"The weather in a city.\",\"parameters\":" + SCHEMA + "}}]"));
    }

    @Test
    void anthropicOffersToolsWithAnInputSchema() throws Exception {
        assertThat(json(anthropic.request(WITH_TOOL).body()).path("tools")).as("tools of a Messages request")
                .isEqualTo(json("[{\"name\":\"get_weather\",\"description\":\"The weather in a city.\","
                        + "\"input_schema\":" + SCHEMA + "}]"));
    }

    @Test
    void responsesOffersFlatFunctionTools() throws Exception {
        assertThat(json(responses.request(WITH_TOOL).body()).path("tools")).as("tools of a Responses request")
                .isEqualTo(json("[{\"type\":\"function\",\"name\":\"get_weather\","
                        + "\"description\":\"The weather in a city.\",\"parameters\":" + SCHEMA + "}]"));
    }

    @Test
    void geminiOffersOneToolOfFunctionDeclarations() throws Exception {
        assertThat(json(gemini.request(WITH_TOOL).body()).path("tools")).as("tools of a generateContent request")
                .isEqualTo(json("[{\"functionDeclarations\":[{\"name\":\"get_weather\","
                        + "\"description\":\"The weather in a city.\",\"parameters\":" + SCHEMA + "}]}]"));
    }

    @Test
    void geminiLeavesOutSchemaFieldsOutsideItsSubset() throws Exception {
        String jsonSchema = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\","
                + "\"additionalProperties\":false,\"properties\":{\"city\":{\"type\":\"string\","
                + "\"description\":\"A city.\",\"minLength\":1}},\"required\":[\"city\"]}";
        SutRequest strict = new SutRequest("t-1", "p", false, Duration.ofSeconds(5),
                List.of(new SutTool("get_weather", "The weather in a city.", jsonSchema)));

        assertThat(json(gemini.request(strict).body()).path("tools").path(0).path("functionDeclarations").path(0)
                .path("parameters")).as("the parameters Gemini is sent: type, properties, required, description")
                .isEqualTo(json("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\","
                        + "\"description\":\"A city.\"}},\"required\":[\"city\"]}"));
    }

    @Test
    void aGeminiRequestWithoutToolsIsTheBodyItSentBeforeTools() {
        SutRequest whole = new SutRequest("t-1", "p", false, Duration.ofSeconds(5));
        SutRequest streamed = new SutRequest("t-1", "p", true, Duration.ofSeconds(5));

        assertThat(List.of(gemini.request(whole).body(), gemini.request(streamed).body()))
                .as("Gemini bodies without tools, byte for byte, streamed or not (the stream is in the path)")
                .containsExactly(BARE_GEMINI, BARE_GEMINI);
    }

    @Test
    void aRequestWithoutToolsIsTheBodyEachAdapterSentBeforeTools() {
        SutRequest whole = new SutRequest("t-1", "p", false, Duration.ofSeconds(5));
        SutRequest streamed = new SutRequest("t-1", "p", true, Duration.ofSeconds(5));

        assertThat(List.of(chat.request(whole).body(), chat.request(streamed).body(), anthropic.request(whole).body(),
                anthropic.request(streamed).body(), responses.request(whole).body(), responses.request(streamed).body()))
                .as("bodies without tools, byte for byte")
                .containsExactly(
                        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"p\"}]}",
                        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"p\"}],\"stream\":true,"
                                + "\"stream_options\":{\"include_usage\":true}}",
                        "{\"model\":\"m\",\"max_tokens\":64,\"messages\":[{\"role\":\"user\",\"content\":\"p\"}]}",
                        "{\"model\":\"m\",\"max_tokens\":64,\"messages\":[{\"role\":\"user\",\"content\":\"p\"}],"
                                + "\"stream\":true}",
                        "{\"model\":\"m\",\"input\":\"p\"}",
                        "{\"model\":\"m\",\"input\":\"p\",\"stream\":true}");
    }

    @Test
    void aToolWhoseSchemaIsNotJsonIsRefusedNamingTheTool() {
        SutRequest broken = new SutRequest("t-1", "p", false, Duration.ofSeconds(5),
                List.of(new SutTool("get_weather", "The weather.", "{city: string}")));

        assertThatThrownBy(() -> chat.request(broken)).as("a request with a schema that is not JSON")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tool 'get_weather'").hasMessageContaining("not a JSON object");
    }
}
