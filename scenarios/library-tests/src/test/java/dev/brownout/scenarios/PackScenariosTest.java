package dev.brownout.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.brownout.scenario.ExpectedOutcome;
import dev.brownout.scenario.Phase;
import dev.brownout.scenario.Scenario;
import dev.brownout.scenario.ScenarioLibrary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The failover and OAuth packs as shipped, without playing them: each file is valid, loads, has one
 * failure, declares what it requires and fits the time a scorecard gives it. Playing them against the
 * reference gateways is the scorecard's test.
 */
class PackScenariosTest {

    private static final String LIBRARY = "dev/brownout/scenarios/library/";
    private static final Duration LONGEST_RUN = Duration.ofSeconds(15);
    private static final Duration LONGEST_TASK_TIMEOUT = Duration.ofSeconds(8);
    /** Scenarios whose failure is a sequence of outages, so they need more than one faulted phase. */
    private static final Set<String> SEVERAL_FAULTED_PHASES = Set.of("failover/primary-flaps");

    private static JsonSchema schema;

    @BeforeAll
    static void readSchema() throws IOException {
        try (InputStream in = resource("dev/brownout/scenarios/schema/scenario.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(new ObjectMapper().readTree(in));
        }
    }

    static Stream<String> packScenarios() {
        return ScenarioLibrary.packs().stream().flatMap(pack -> ScenarioLibrary.pack(pack).stream());
    }

    @Test
    void failoverPackHasAtLeastSixteenScenariosAndOAuthPackEight() {
        assertThat(ScenarioLibrary.packs()).as("shipped packs").contains("failover", "oauth");
        assertThat(ScenarioLibrary.pack("failover")).as("scenarios of the failover pack").hasSizeGreaterThanOrEqualTo(16);
        assertThat(ScenarioLibrary.pack("oauth")).as("scenarios of the oauth pack").hasSizeGreaterThanOrEqualTo(8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packScenarios")
    void fileValidatesAgainstTheScenarioSchema(String name) throws IOException {
        JsonNode document;
        try (InputStream in = resource(LIBRARY + name + ".yaml")) {
            document = new YAMLMapper().readTree(in);
        }

        Set<ValidationMessage> findings = schema.validate(document);

        assertThat(findings).as("schema findings on %s.yaml", name).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packScenarios")
    void loadsAndIsNamedAsItsFile(String name) {
        Scenario scenario = ScenarioLibrary.load(name);

        assertThat(scenario.name()).as("name: of %s.yaml", name).isEqualTo(name.substring(name.indexOf('/') + 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packScenarios")
    void playsOneFailureInOneFaultedPhase(String name) {
        List<Phase> faulted = ScenarioLibrary.load(name).timeline().stream().filter(phase -> !phase.faults().isEmpty()).toList();

        if (SEVERAL_FAULTED_PHASES.contains(name)) {
            assertThat(faulted).as("faulted phases of %s, whose failure is a sequence of outages", name).hasSizeGreaterThan(1);
        } else {
            assertThat(faulted).as("faulted phases of %s", name).hasSize(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packScenarios")
    void declaresAtLeastOneRequiredCheck(String name) {
        assertThat(ScenarioLibrary.load(name).checks().required()).as("required checks of %s", name).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packScenarios")
    void fitsTheScorecardsTimeBudget(String name) {
        Scenario scenario = ScenarioLibrary.load(name);

        assertThat(scenario.duration()).as("workload.duration of %s", name).isLessThanOrEqualTo(LONGEST_RUN);
        assertThat(scenario.workload().timeout()).as("workload.timeout of %s", name).isLessThanOrEqualTo(LONGEST_TASK_TIMEOUT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packScenarios")
    void descriptionStatesTheBudgetTheRequiredChecksAndTheOutcome(String name) {
        String description = ScenarioLibrary.load(name).description();

        assertThat(description).as("description of %s", name)
                .contains("Budget", "Required")
                .containsPattern("\\bpass")
                .containsPattern("\\b(safe|fail)");
    }

    @Test
    void contentPolicyRefusalExpectsAnErrorInItsFaultedPhase() {
        List<Phase> faulted = ScenarioLibrary.load("failover/content-policy-refusal").timeline().stream()
                .filter(phase -> !phase.faults().isEmpty()).toList();

        assertThat(faulted).as("faulted phases of content-policy-refusal").singleElement()
                .extracting(Phase::expect).as("what the refused phase expects").isEqualTo(ExpectedOutcome.ERROR);
    }

    private static InputStream resource(String path) {
        InputStream in = PackScenariosTest.class.getClassLoader().getResourceAsStream(path);
        assertThat(in).as("classpath resource %s", path).isNotNull();
        return in;
    }
}
