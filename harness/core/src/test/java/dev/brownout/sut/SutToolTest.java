package dev.brownout.sut;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tools a request offers and the tool calls a reply carries, as the public API takes them. */
class SutToolTest {

    @Test
    void aToolNameNoLlmApiAcceptsIsRefusedSayingWhatIsValid() {
        assertThatThrownBy(() -> new SutTool("get weather", "The weather.", "{}"))
                .as("a name with a space").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'get weather'").hasMessageContaining("A-Z a-z 0-9 _ -");
    }

    @Test
    void aParametersSchemaThatIsNotAnObjectIsRefused() {
        assertThatThrownBy(() -> new SutTool("get_weather", "The weather.", "[]"))
                .as("an array as the schema").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be a JSON object");
    }

    @Test
    void theConstructorsOfBeforeToolsOfferNoneAndCarryNone() {
        SutRequest request = new SutRequest("t-1", "p", false, Duration.ofSeconds(1));
        SutReply reply = new SutReply(200, "a", "m", 0, false, "stop", null, SutReply.Ending.WHOLE_BODY, 0);

        assertThat(request.tools()).as("tools of a request built without them").isEmpty();
        assertThat(reply.toolCalls()).as("tool calls of a reply built without them").isEmpty();
        assertThat(SutReply.ok("a", "m").toolCalls()).as("tool calls of an ok reply").isEmpty();
    }

    @Test
    void aRequestKeepsItsOwnCopyOfTheTools() {
        List<SutTool> tools = new ArrayList<>(List.of(new SutTool("get_weather", "The weather.", "{}")));
        SutRequest request = new SutRequest("t-1", "p", false, Duration.ofSeconds(1), tools);

        tools.clear();

        assertThat(request.tools()).as("the request's tools after the caller's list changed").hasSize(1);
    }
}
