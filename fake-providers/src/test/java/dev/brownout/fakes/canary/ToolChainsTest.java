package dev.brownout.fakes.canary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chain tools' one implementation: pure results, clear error texts, and definitions an LLM API accepts. */
class ToolChainsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aToolsResultIsAPureFunctionOfToolAndArgument() {
        String first = ToolChains.result("find_customer", "{\"name\": \"Ada Lindqvist\"}");
        ToolChains.result("find_customer", "{\"name\": \"Bruno Okafor\"}");
        ToolChains.result("latest_order", "{\"customer_id\": \"C-000001\"}");

        assertThat(ToolChains.result("find_customer", "{\"name\":\"Ada Lindqvist\"}"))
                .as("the same call again, after others, with other JSON spacing").isEqualTo(first);
        assertThat(first).as("a customer id").matches("C-\\d{6}");
        assertThat(ToolChains.result("find_customer", "{\"name\": \"Ada Lindqvisr\"}"))
                .as("another name, another customer").isNotEqualTo(first);
    }

    @Test
    void eachToolsResultIsTheNextToolsArgument() {
        String value = "Hana Novak";
        for (ToolDefinition tool : ToolChains.tools()) {
            String result = ToolChains.result(tool.name(), "{\"" + tool.parameter() + "\": \"" + value + "\"}");
            assertThat(ToolChains.isError(result)).as("%s(%s) gave %s", tool.name(), value, result).isFalse();
            value = result;
        }
        assertThat(value).as("the last tool's result, a manager's employee id").matches("E-\\d{6}");
    }

    @Test
    void stepsGrowWithDifficultyUpToFiveAndRefuseDifficultiesOutsideOneToNine() {
        assertThat(List.of(ToolChains.steps(1), ToolChains.steps(2), ToolChains.steps(4), ToolChains.steps(9)))
                .as("steps at difficulty 1, 2, 4, 9").containsExactly(2, 3, 5, 5);
        assertThatThrownBy(() -> ToolChains.steps(0)).as("difficulty 0")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and 9");
    }

    @Test
    void anUnknownToolGetsAnErrorTextListingTheTools() {
        String answer = ToolChains.result("get_weather", "{\"city\": \"Oslo\"}");

        assertThat(ToolChains.isError(answer)).as("an error, not a result: %s", answer).isTrue();
        assertThat(answer).as("names the tool asked for and the valid ones")
                .contains("\"get_weather\"").contains("find_customer, latest_order, order_shipment");
    }

    @Test
    void argumentsThatAreNotAJsonObjectWithTheParameterAsAStringGetErrorTextsThatSayWhatIsValid() {
        assertThat(ToolChains.result("latest_order", "{customer_id: C-1}")).as("not JSON")
                .startsWith("error: latest_order: the arguments are not JSON").contains("{\"customer_id\": \"...\"}");
        assertThat(ToolChains.result("latest_order", "[\"C-482913\"]")).as("an array")
                .startsWith("error: latest_order: the arguments must be a JSON object");
        assertThat(ToolChains.result("latest_order", "{\"id\": \"C-482913\"}")).as("the wrong field")
                .startsWith("error: latest_order needs the argument \"customer_id\" as a string");
        assertThat(ToolChains.result("latest_order", "{\"customer_id\": 482913}")).as("a number")
                .startsWith("error: latest_order needs the argument \"customer_id\" as a string");
        assertThat(ToolChains.result("find_customer", "{\"name\": \"  \"}")).as("a blank name")
                .isEqualTo("error: find_customer: the argument \"name\" is empty");
        assertThat(ToolChains.result("find_customer", null)).as("no arguments")
                .startsWith("error: find_customer needs its arguments as a JSON object");
    }

    @Test
    void anIdOfAnotherKindIsRefusedWithWhatTheRightKindLooksLike() {
        assertThat(ToolChains.result("order_shipment", "{\"order_id\": \"C-482913\"}"))
                .as("a customer id passed as an order id")
                .isEqualTo("error: order_shipment: \"C-482913\" is not an order id (an order id looks like O-7312550)");
    }

    @Test
    void definitionsCarryAJsonSchemaWithTheOneRequiredStringParameter() throws Exception {
        assertThat(ToolChains.tools()).as("tool names in chain order").extracting(ToolDefinition::name)
                .containsExactly("find_customer", "latest_order", "order_shipment", "shipment_depot", "depot_manager");
        for (ToolDefinition tool : ToolChains.tools()) {
            JsonNode schema = JSON.readTree(tool.parametersSchema());
            assertThat(schema.path("type").asText()).as("%s schema type", tool.name()).isEqualTo("object");
            assertThat(schema.path("properties").path(tool.parameter()).path("type").asText())
                    .as("%s parameter type", tool.name()).isEqualTo("string");
            assertThat(schema.path("required").toString()).as("%s required", tool.name())
                    .isEqualTo("[\"" + tool.parameter() + "\"]");
            assertThat(tool.description()).as("%s description", tool.name()).isNotBlank();
        }
    }
}
