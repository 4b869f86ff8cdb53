package dev.brownout.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.brownout.fakes.config.Mappers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The published schema on its own, as an editor or another tool would use it. */
class ScenarioSchemaTest {

    private static JsonNode schemaDocument;
    private static JsonSchema schema;

    @BeforeAll
    static void readSchema() throws IOException {
        schemaDocument = Mappers.json().readTree(Files.readString(TestScenarios.SCHEMA));
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaDocument);
    }

    @Test
    void schemaIsValidDraft202012() {
        JsonSchema metaSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

        Set<ValidationMessage> findings = metaSchema.validate(schemaDocument);

        assertThat(schemaDocument.path("$schema").asText()).as("declared draft")
                .isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(findings).as("meta-schema findings on scenario.schema.json").isEmpty();
    }

    @Test
    void classpathCopyIsTheRepositoryFile() {
        assertThat(ScenarioSchema.get().document()).as("schema the loader uses").isEqualTo(schemaDocument);
    }

    @Test
    void schemaAcceptsTheTestScenario() throws IOException {
        assertThat(schema.validate(Mappers.yaml().readTree(TestScenarios.VALID))).as("findings on the valid test scenario")
                .isEmpty();
    }

    static Stream<Arguments> badDocuments() {
        return Stream.of(
                Arguments.of("no name", TestScenarios.with("name: test-scenario\n", "")),
                Arguments.of("unknown top-level field", TestScenarios.VALID + "sede: 3\n"),
                Arguments.of("name with capitals", TestScenarios.with("name: test-scenario", "name: Test Scenario")),
                Arguments.of("duration in words", TestScenarios.with("duration: 4m", "duration: four minutes")),
                Arguments.of("negative offset", TestScenarios.with("at: 60s", "at: -60s")),
                Arguments.of("rate without unit", TestScenarios.with("rate: 20/s", "rate: \"20\"")),
                Arguments.of("unknown canary suite", TestScenarios.with("canary-arithmetic", "canary-poetry")),
                Arguments.of("difficulty 12", TestScenarios.with("  rate: 20/s", "  rate: 20/s\n  difficulty: 12")),
                Arguments.of("probability 1.5", TestScenarios.with("probability: 0.5", "probability: 1.5")),
                Arguments.of("unknown http fault", TestScenarios.with("type: error, status: 529", "type: explode, status: 529")),
                Arguments.of("error without status", TestScenarios.with("status: 529, ", "")),
                Arguments.of("unknown toxic", TestScenarios.with("type: latency,", "type: latncy,")),
                Arguments.of("toxic attribute of another toxic", TestScenarios.with("jitter: 100ms", "rate: 100")),
                Arguments.of("toxicity 2", TestScenarios.with("jitter: 100ms", "jitter: 100ms, toxicity: 2")),
                Arguments.of("stream sideways", TestScenarios.with("jitter: 100ms", "jitter: 100ms, stream: sideways")),
                Arguments.of("fault with only a target", TestScenarios.with(
                        "      - target: primary\n", "      - target: backup\n      - target: primary\n")),
                Arguments.of("unknown gate metric", TestScenarios.with("iq_loss:", "iq_lost:")),
                Arguments.of("gate condition in words", TestScenarios.with("\"< 8s\"", "\"fast\"")),
                Arguments.of("unknown dialect", TestScenarios.with("dialect: anthropic", "dialect: palm")),
                Arguments.of("oauth behaviour with a provider fault",
                        TestScenarios.with("- target: primary", "- target: oauth")),
                Arguments.of("unknown check", TestScenarios.VALID + "checks: { required: { be_nice: true } }\n"),
                Arguments.of("attempt 0", TestScenarios.with("probability: 0.5", "probability: 0.5, attempts: [0]")),
                Arguments.of("unknown fault condition", TestScenarios.with("probability: 0.5", "probability: 0.5, when: always")),
                Arguments.of("unknown cut mode", TestScenarios.with("type: error, status: 529", "type: cut, mode: rst")),
                Arguments.of("latency position in words", TestScenarios.with("type: error, status: 529",
                        "type: latency, extra_ttft: 1s, where: later")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDocuments")
    void schemaRejectsBadDocument(String what, String yaml) throws IOException {
        assertThat(schema.validate(Mappers.yaml().readTree(yaml))).as("schema findings for a scenario with " + what)
                .isNotEmpty();
    }
}
