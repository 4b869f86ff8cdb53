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
    private static final SutRequest WITH_TOOL = new SutRequest("t-1", "p", false, Duration.ofSeconds(5),
            List.of(WEATHER));

    private final OpenAiChatSut chat = OpenAiChatSut.of(BASE, "k", "m", Map.of());
    private final AnthropicMessagesSut anthropic = AnthropicMessagesSut.of(BASE, "k", "m", 64, Map.of());
    private final OpenAiResponsesSut responses = OpenAiResponsesSut.of(BASE, "k", "m", Map.of(),
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
