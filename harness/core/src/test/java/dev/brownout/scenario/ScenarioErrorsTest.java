package dev.brownout.scenario;

import dev.brownout.input.FileProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.brownout.scenario.TestScenarios.ORIGIN;
import static dev.brownout.scenario.TestScenarios.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Each bad file gets exactly one problem naming file, line, column, field and what would be valid. */
class ScenarioErrorsTest {

    private static List<FileProblem> problems(String yaml) {
        ScenarioException failure = catchThrowableOfType(ScenarioException.class,
                () -> ScenarioLoader.parse(yaml, ORIGIN));
        assertThat(failure).as("loading should fail for:\n" + yaml).isNotNull();
        return failure.problems();
    }

    private static FileProblem onlyProblem(String yaml) {
        List<FileProblem> problems = problems(yaml);
        assertThat(problems).as("problems found").hasSize(1);
        return problems.getFirst();
    }

    @Test
    void unknownFieldWithATypoSuggestsTheField() {
        assertThat(onlyProblem(with("  timeout: 30s", "  timout: 30s"))).as("problem for 'timout'")
                .isEqualTo(new FileProblem(ORIGIN, 13, 3, "workload.timout", "unknown field 'timout'; did you mean "
                        + "'timeout'? Valid fields here: tasks, difficulty, rate, concurrency, pace, ramp, duration, stream, timeout"));
    }

    @Test
    void offsetsThatDoNotIncreaseAreRefused() {
        assertThat(onlyProblem(with("  - at: 150s", "  - at: 50s"))).as("problem for an offset before its predecessor")
                .isEqualTo(new FileProblem(ORIGIN, 27, 9, "timeline[2].at", "offset 50s is not after the previous "
                        + "phase's offset 1m; phases must be listed in increasing order of 'at'"));
    }

    @Test
    void offsetPastTheDurationIsRefused() {
        assertThat(onlyProblem(with("  - at: 150s", "  - at: 5m"))).as("problem for an offset past the run")
                .isEqualTo(new FileProblem(ORIGIN, 27, 9, "timeline[2].at", "offset 5m is not inside the run, which "
                        + "lasts 4m (workload.duration); a phase must start before 4m"));
    }

    @Test
    void unknownTargetListsTheTargets() {
        assertThat(onlyProblem(with("- target: primary", "- target: primry"))).as("problem for target 'primry'")
                .isEqualTo(new FileProblem(ORIGIN, 20, 17, "timeline[1].faults[0].target", "unknown target 'primry'; "
                        + "targets are the world's providers and oauth: primary, backup, oauth"));
    }

    @Test
    void oauthTargetNeedsAnOAuthServer() {
        String yaml = with("  oauth: { token_ttl: 60s }\n", "").replace("auth: oauth", "auth: api-key")
                .replace("- target: primary", "- target: oauth").replace(
                        "        http:\n          faults:\n            - { type: error, status: 529, probability: 0.5 }\n", "");
        assertThat(onlyProblem(yaml)).as("problem for target oauth in a world without one")
                .isEqualTo(new FileProblem(ORIGIN, 19, 17, "timeline[1].faults[0].target", "unknown target 'oauth'; "
                        + "the world has no OAuth server (add world.oauth); targets are the world's providers: primary, backup"));
    }

    @Test
    void probabilityAboveOneIsRefused() {
        assertThat(onlyProblem(with("probability: 0.5", "probability: 1.5"))).as("problem for probability 1.5")
                .isEqualTo(new FileProblem(ORIGIN, 26, 56, "timeline[1].faults[0].http.faults[0].probability",
                        "must be a probability between 0 and 1 (got 1.5)"));
    }

    @Test
    void negativeDurationIsRefused() {
        assertThat(onlyProblem(with("jitter: 100ms", "jitter: -5s"))).as("problem for jitter -5s")
                .isEqualTo(new FileProblem(ORIGIN, 23, 53, "timeline[1].faults[0].network.toxics[0].jitter",
                        "must be a duration >= 0 like 250ms, 2s, 1.5s or 1m30s (got '-5s')"));
    }

    @Test
    void badRateStringShowsTheRateForms() {
        assertThat(onlyProblem(with("rate: 20/s", "rate: 20 per second"))).as("problem for rate '20 per second'")
                .isEqualTo(new FileProblem(ORIGIN, 11, 9, "workload.rate",
                        "must be a rate like 20/s, 300/min or 1000/h (got '20 per second')"));
    }

    @Test
    void zeroRateIsRefused() {
        assertThat(onlyProblem(with("rate: 20/s", "rate: 0/min"))).as("problem for rate 0/min")
                .isEqualTo(new FileProblem(ORIGIN, 11, 9, "workload.rate",
                        "a rate must be more than 0 per unit of time, like 20/s or 300/min"));
    }

    @Test
    void gateConditionInWordsShowsTheConditionForm() {
        assertThat(onlyProblem(with("iq_loss: \"< 5%\"", "iq_loss: \"less than 5\""))).as("problem for 'less than 5'")
                .isEqualTo(new FileProblem(ORIGIN, 30, 12, "gates.iq_loss", "must be a condition like \"< 5%\", "
                        + "\"< 8s\", \"< 1.3\" or \">= 99%\": a comparator (<, <=, >, >=, ==) and a number with its unit "
                        + "(got 'less than 5')"));
    }

    @Test
    void gateConditionWithTheWrongUnitNamesTheMetricsUnit() {
        assertThat(onlyProblem(with("iq_loss: \"< 5%\"", "iq_loss: \"< 5s\""))).as("problem for iq_loss < 5s")
                .isEqualTo(new FileProblem(ORIGIN, 30, 12, "gates.iq_loss",
                        "'< 5s' has the wrong unit; iq_loss takes a percentage like \"< 5%\""));
    }

    @Test
    void unknownGateMetricListsTheMetrics() {
        assertThat(onlyProblem(with("iq_loss: \"< 5%\"", "iq_los: \"< 5%\""))).as("problem for metric iq_los")
                .isEqualTo(new FileProblem(ORIGIN, 30, 3, "gates.iq_los", "'iq_los' is not a gate metric; use one of "
                        + "iq_loss, availability, p50_latency, p99_latency, ttft_p99, time_to_failover, time_to_recover, "
                        + "cost_amplification, wasted_spend, security_findings, goodput_loss, world_lateness"));
    }

    @Test
    void unknownToxicListsTheToxics() {
        assertThat(onlyProblem(with("type: latency, latency: 2s, jitter: 100ms", "type: latncy, latency: 2s")))
                .as("problem for toxic 'latncy'")
                .isEqualTo(new FileProblem(ORIGIN, 23, 23, "timeline[1].faults[0].network.toxics[0].type",
                        "is not a toxic; use one of latency, bandwidth, slow_close, timeout, reset_peer, slicer, "
                                + "limit_data, blackhole (got 'latncy')"));
    }

    @Test
    void toxicAttributeBelowItsMinimumIsRefused() {
        assertThat(onlyProblem(with("type: latency, latency: 2s, jitter: 100ms", "type: bandwidth, rate: -1")))
                .as("problem for bandwidth rate -1")
                .isEqualTo(new FileProblem(ORIGIN, 23, 40, "timeline[1].faults[0].network.toxics[0].rate",
                        "must have a minimum value of 0 (got -1)"));
    }

    @Test
    void slicerVariationLargerThanItsAverageIsRefused() {
        assertThat(onlyProblem(with("type: latency, latency: 2s, jitter: 100ms",
                "type: slicer, average_size: 10, size_variation: 20")))
                .as("problem for a slicer varying more than its size")
                .isEqualTo(new FileProblem(ORIGIN, 23, 65, "timeline[1].faults[0].network.toxics[0].size_variation",
                        "size_variation 20 is larger than average_size 10; it must be between 0 and average_size"));
    }

    @Test
    void providerWithAnUnknownModelListsTheCatalog() {
        assertThat(onlyProblem(with("models: [mid]", "models: [midd]"))).as("problem for model 'midd'")
                .isEqualTo(new FileProblem(ORIGIN, 8, 52, "world.providers[1].models[0]", "unknown model 'midd'; the "
                        + "catalog has frontier, mid, small, gpt-4o, gpt-4o-mini, gpt-5, claude-opus-4-6, claude-sonnet-4-5, "
                        + "claude-haiku-4-5, gemini-2.5-pro, gemini-2.5-flash, gemini-2.5-flash-lite"));
    }

    @Test
    void faultScopedToAModelTheTargetDoesNotServeIsRefused() {
        assertThat(onlyProblem(with("probability: 0.5 }", "probability: 0.5, models: [mid] }")))
                .as("problem for an error fault on a model primary does not serve")
                .isEqualTo(new FileProblem(ORIGIN, 26, 70, "timeline[1].faults[0].http.faults[0].models[0]",
                        "provider 'primary' does not serve model 'mid'; it serves frontier"));
    }

    @Test
    void duplicateProviderNamesAreRefused() {
        assertThat(onlyProblem(with("name: backup", "name: primary"))).as("problem for two providers named primary")
                .isEqualTo(new FileProblem(ORIGIN, 8, 15, "world.providers[1].name", "provider name 'primary' is "
                        + "already used by world.providers[0]; every provider needs its own name"));
    }

    @Test
    void oauthProviderWithoutAnOAuthServerIsRefused() {
        assertThat(onlyProblem(with("  oauth: { token_ttl: 60s }\n", ""))).as("problem for auth: oauth without world.oauth")
                .isEqualTo(new FileProblem(ORIGIN, 6, 67, "world.providers[0].auth", "provider 'primary' uses auth: "
                        + "oauth but the world has no OAuth server; add world.oauth (e.g. oauth: { token_ttl: 60s }) or use "
                        + "auth: api-key"));
    }

    @Test
    void rateAndConcurrencyTogetherAreRefused() {
        assertThat(onlyProblem(with("  rate: 20/s", "  rate: 20/s\n  concurrency: 4"))).as("problem for both load models")
                .isEqualTo(new FileProblem(ORIGIN, 10, 3, "workload", "give either rate or concurrency, not both: "
                        + "rate is the open model, concurrency the closed one"));
    }

    @Test
    void twoEntriesForOneTargetInAPhaseAreRefused() {
        String second = "      - target: primary\n        network: { down: true }\n  - at: 150s";
        assertThat(onlyProblem(with("  - at: 150s", second))).as("problem for primary named twice in a phase")
                .isEqualTo(new FileProblem(ORIGIN, 27, 17, "timeline[1].faults[1].target", "target 'primary' already "
                        + "has faults in this phase (timeline[1].faults[0]); put all its faults in one entry"));
    }

    @Test
    void downProxyWithToxicsIsRefused() {
        assertThat(onlyProblem(with("        network:\n", "        network:\n          down: true\n")))
                .as("problem for a disabled proxy that also has toxics")
                .isEqualTo(new FileProblem(ORIGIN, 23, 11, "timeline[1].faults[0].network.toxics", "a proxy that is "
                        + "down (down: true) passes no traffic, so its toxics would never act; remove them or the down flag"));
    }

    @Test
    void valueOfTheWrongTypeSaysWhatIsExpected() {
        assertThat(onlyProblem(with("models: [mid]", "models: 3"))).as("problem for models: 3")
                .isEqualTo(new FileProblem(ORIGIN, 8, 51, "world.providers[1].models", "must be a list (got 3)"));
    }

    @Test
    void oauthTargetTakesTheOAuthServersBehaviourNotAProviders() {
        assertThat(onlyProblem(with("- target: primary", "- target: oauth"))).as("problem for provider faults on oauth")
                .isEqualTo(new FileProblem(ORIGIN, 25, 11, "timeline[1].faults[0].http.faults", "unknown field "
                        + "'faults'. Valid fields here: token_endpoint, refresh_fails, jwks_unavailable, signing_key, "
                        + "clock_skew, revocation_round, authorize"));
    }

    @Test
    void missingRequiredFieldIsNamed() {
        assertThat(onlyProblem(with("  duration: 4m\n", ""))).as("problem for a workload without duration")
                .isEqualTo(new FileProblem(ORIGIN, 10, 3, "workload", "missing the required field 'duration'"));
    }

    @Test
    void brokenYamlNamesLineAndColumn() {
        FileProblem problem = onlyProblem(with("  rate: 20/s", "  rate: [20/s"));
        assertThat(problem.line()).as("line of the YAML error").isEqualTo(12);
        assertThat(problem.message()).as("YAML error message").startsWith("not valid YAML: while parsing a flow sequence; "
                + "expected ',' or ']'");
    }

    @Test
    void keyWrittenTwiceIsRefused() {
        FileProblem problem = onlyProblem(with("  rate: 20/s", "  rate: 20/s\n  rate: 10/s"));
        assertThat(problem).as("problem for a repeated key")
                .isEqualTo(new FileProblem(ORIGIN, 12, 7, "workload.rate",
                        "the key 'rate' is written twice in this mapping; keep one of them"));
    }

    @Test
    void everyProblemOfAFileIsReportedInLineOrder() {
        String yaml = with("rate: 20/s", "rate: fast").replace("probability: 0.5", "probability: 1.5")
                .replace("  timeout: 30s", "  timout: 30s");
        assertThat(problems(yaml)).as("problems of a file with three mistakes")
                .extracting(FileProblem::field)
                .containsExactly("workload.rate", "workload.timout", "timeline[1].faults[0].http.faults[0].probability");
    }

    @Test
    void meaningProblemsAreAllReportedTogether() {
        String yaml = with("name: backup", "name: primary").replace("  - at: 150s", "  - at: 5m");
        assertThat(problems(yaml)).as("problems of a file with two meaning mistakes")
                .extracting(FileProblem::field)
                .containsExactly("world.providers[1].name", "timeline[2].at");
    }

    @Test
    void problemsCarryNoStackTraceOrClassNames() {
        List<String> bad = List.of(with("rate: 20/s", "rate: fast"), with("status: 529", "status: 200"),
                with("models: [mid]", "models: 3"), with("  rate: 20/s", "  rate: [20/s"), "", "- just\n- a list\n",
                with("name: backup", "name: Backup"), with("probability: 0.5 }", "probability: 0.5, models: [\"\"] }"));
        for (String yaml : bad) {
            ScenarioException failure = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.parse(yaml, ORIGIN));
            assertThat(failure).as("failure for:\n" + yaml).isNotNull();
            assertThat(failure.getStackTrace()).as("stack trace carried by the exception").isEmpty();
            assertThat(failure.getMessage()).as("message for:\n" + yaml)
                    .doesNotContain("\tat ", "Exception", "dev.brownout", "com.fasterxml", "com.networknt", "java.");
            assertThat(failure.problems()).as("problems for:\n" + yaml).isNotEmpty()
                    .allSatisfy(p -> assertThat(p.file()).isEqualTo(ORIGIN));
        }
    }

    @Test
    void missingFileIsNamedWithoutAStackTrace(@TempDir Path folder) {
        Path missing = folder.resolve("absent.yaml");
        ScenarioException failure = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load(missing));
        assertThat(failure.problems()).as("problems for a missing file").singleElement()
                .satisfies(p -> assertThat(p.describe()).startsWith(missing + ": cannot read the scenario file"));
    }

    @Test
    void taskFileIsLookedUpBesideTheScenario(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("tasks.yaml");
        Files.writeString(file, with("canary-arithmetic", "my-tasks.jsonl"));

        ScenarioException failure = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load(file));
        assertThat(failure.problems()).as("problems for a missing task file").singleElement()
                .satisfies(p -> assertThat(p.describe()).startsWith(file + ":10:10: field 'workload.tasks': no task file at "));

        Files.writeString(folder.resolve("my-tasks.jsonl"), "{}\n");
        assertThat(ScenarioLoader.load(file).workload().canary()).as("canary flag of a task-file workload").isFalse();
    }
}
