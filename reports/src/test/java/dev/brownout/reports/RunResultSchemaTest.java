package dev.brownout.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.brownout.reports.SchemaValidation.messages;
import static dev.brownout.reports.SchemaValidation.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

class RunResultSchemaTest {

    @Test
    void theSchemaIsPublishedUnderItsVersionedIdWithATitle() throws Exception {
        JsonNode schema = RunResults.mapper().readTree(RunResultSchema.text());

        assertThat(schema.path("$schema").asText()).as("dialect").isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asText()).as("$id").isEqualTo(RunResultSchema.ID)
                .isEqualTo("https://brownout.dev/schema/run-result/1.json");
        assertThat(schema.path("title").asText()).as("title").isNotBlank();
        assertThat(schema.path("properties").path("schema_version").path("const").asText())
                .as("schema_version const matches RunResult.SCHEMA_VERSION").isEqualTo(RunResult.SCHEMA_VERSION);
    }

    @Test
    void aFullyPopulatedResultIsValid() {
        assertThat(messages(tree(RunResultFixtures.full()))).as("schema messages for the full fixture").isEmpty();
    }

    @Test
    void aMinimalResultWithNullsAndEmptyListsIsValid() {
        assertThat(messages(tree(RunResultFixtures.minimal()))).as("schema messages for the minimal fixture").isEmpty();
    }

    @Test
    void aPhaseThatNeverBeganIsValid() {
        RunResult full = RunResultFixtures.full();
        ObjectNode json = tree(full);
        json.withArray("phases").add(RunResults.mapper().valueToTree(RunResultFixtures.unplayedPhase()));

        assertThat(messages(json)).as("schema messages with a phase whose figures are all null").isEmpty();
    }

    @Test
    void rejectsAMissingRequiredProperty() {
        ObjectNode json = tree(RunResultFixtures.full());
        ((ObjectNode) json.get("summary")).remove("exchanges");

        assertThat(messages(json)).singleElement(STRING)
                .contains("/summary:").contains("required property 'exchanges' not found");
    }

    @Test
    void rejectsAMissingNullableProperty() {
        ObjectNode json = tree(RunResultFixtures.minimal());
        json.remove("stop_reason");

        assertThat(messages(json)).as("a nullable property is still required: written as null, never left out")
                .singleElement(STRING).contains("required property 'stop_reason' not found");
    }

    @Test
    void rejectsAnUnknownProperty() {
        ObjectNode json = tree(RunResultFixtures.full());
        ((ObjectNode) json.get("cost")).put("total_eur", 1.0);

        assertThat(messages(json)).singleElement(STRING)
                .contains("/cost:").contains("total_eur").contains("not defined in the schema");
    }

    @Test
    void rejectsAWrongType() {
        ObjectNode json = tree(RunResultFixtures.full());
        ((ObjectNode) json.get("summary")).put("exchanges", "120");

        assertThat(messages(json)).singleElement(STRING)
                .contains("/summary/exchanges:").contains("string found, integer expected");
    }

    @Test
    void rejectsABadVerdict() {
        ObjectNode json = tree(RunResultFixtures.full());
        ((ObjectNode) json.get("conduct")).put("verdict", "passed");

        assertThat(messages(json)).singleElement(STRING)
                .contains("/conduct/verdict:").contains("enumeration").contains("[\"pass\", \"partial\", \"safe\", \"fail\"]");
    }

    @Test
    void rejectsANegativeCount() {
        ObjectNode json = tree(RunResultFixtures.full());
        ((ObjectNode) json.get("summary")).put("errors", -1);

        assertThat(messages(json)).singleElement(STRING)
                .contains("/summary/errors:").contains("minimum value of 0");
    }

    @Test
    void rejectsAvailabilityAboveOne() {
        ObjectNode json = tree(RunResultFixtures.full());
        ((ObjectNode) json.get("summary")).put("availability", 1.2);

        assertThat(messages(json)).singleElement(STRING)
                .contains("/summary/availability:").contains("maximum value of 1");
    }

    @Test
    void rejectsAnotherSchemaVersion() {
        ObjectNode json = tree(RunResultFixtures.full());
        json.put("schema_version", "2");

        assertThat(messages(json)).singleElement(STRING)
                .contains("/schema_version:").contains("constant value '1'");
    }

    @Test
    void rejectsAnInstantThatIsNotADateTime() {
        ObjectNode json = tree(RunResultFixtures.full());
        json.put("started_at", "yesterday");

        assertThat(messages(json)).singleElement(STRING)
                .contains("/started_at:").contains("date-time");
    }

    @Test
    void acceptsANegativeIqLossBecauseItIsAGain() {
        ObjectNode json = tree(RunResultFixtures.full());
        ObjectNode iqLoss = (ObjectNode) json.get("quality").get("iq_loss");
        iqLoss.put("value", -0.4).put("low", -0.6).put("high", -0.2);

        assertThat(messages(json)).as("schema messages for an IQ gain").isEmpty();
    }

    @Test
    void everyPropertyHasADescription() {
        List<String> undescribed = SchemaProperties.all().stream()
                .filter(property -> property.definition().path("description").asText().isBlank())
                .map(SchemaProperties.Property::path)
                .toList();

        assertThat(undescribed).as("schema properties without a description").isEmpty();
    }

    @Test
    void everyObjectForbidsAdditionalPropertiesAndRequiresEveryProperty() {
        SchemaProperties.objects().forEach((name, object) -> {
            assertThat(object.path("additionalProperties").isBoolean() && !object.path("additionalProperties").asBoolean())
                    .as("%s has additionalProperties: false", name).isTrue();
            List<String> properties = SchemaProperties.names(object.path("properties"));
            List<String> required = SchemaProperties.texts(object.path("required"));
            assertThat(required).as("%s requires every property it defines", name)
                    .containsExactlyInAnyOrderElementsOf(properties);
        });
    }

}
