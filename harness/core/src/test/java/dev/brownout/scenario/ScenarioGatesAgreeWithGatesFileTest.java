package dev.brownout.scenario;

import dev.brownout.reports.BaselineInfo;
import dev.brownout.reports.BaselineMode;
import dev.brownout.reports.Cost;
import dev.brownout.reports.Estimate;
import dev.brownout.reports.Latency;
import dev.brownout.reports.Quality;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.Security;
import dev.brownout.reports.Summary;
import dev.brownout.reports.gate.Bound;
import dev.brownout.reports.gate.Gate;
import dev.brownout.reports.gate.GateEvaluation;
import dev.brownout.reports.gate.GateFile;
import dev.brownout.reports.gate.GateOutcome;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.brownout.scenario.TestScenarios.ORIGIN;
import static dev.brownout.scenario.TestScenarios.with;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same gate text means the same gate, and so gets the same verdict, whether it was written in a scenario's
 * {@code gates:} section or in a gates file for {@code brownout gate --gates}.
 */
class ScenarioGatesAgreeWithGatesFileTest {

    private static final String SCENARIO = with("  p99_latency: \"< 8s\"\n", """
              p99_latency: "< 8s"
              cost_amplification: "< 1.3"
              wasted_spend: "< $2.50"
              security_findings: "== 0"
            """);

    private static final String GATES_FILE = """
            {"iq_loss": "< 5%", "p99_latency": "< 8s", "cost_amplification": "< 1.3",
             "wasted_spend": "< $2.50", "security_findings": "== 0"}
            """;

    /** A run that misses some gates and meets others: IQ loss 7.3%, p99 2.95 s, amplification 1.54, $0.40 wasted. */
    private static final RunResult RUN = new RunResult(RunResult.SCHEMA_VERSION, null, null, null, List.of(), null,
            null, true, null, new BaselineInfo(BaselineMode.FILE, "baseline/result.json", true, 0.83, 0.041, 0.99),
            new Summary(120, 101, 12, 5, 0, 4, 88, 101 / 120.0, new Latency(101, 412.5, 880.0, 2_950.0, 3_100.0),
                    Latency.EMPTY),
            new Quality(0.77, 0.83, new Estimate(0.073, 0.051, 0.095), null), null, List.of(), null, List.of(),
            new Cost(2.0, 1.3, 1.5439, 0.02, 0.40, List.of()), List.of(), null, new Security(0, List.of()), List.of(),
            List.of(), List.of());

    @Test
    void aScenarioAndAGatesFileWithTheSameTextHoldTheSameGates() {
        List<Gate> fromScenario = ScenarioLoader.parse(SCENARIO, ORIGIN).gates();
        List<Gate> fromFile = GateFile.parse(GATES_FILE, "gates.json");

        assertThat(fromScenario).as("gates read from the scenario's gates: section").hasSize(5)
                .isEqualTo(fromFile);
    }

    @Test
    void theSameGateTextGetsTheSameVerdictFromEitherSource() {
        List<GateOutcome> fromScenario = GateEvaluation.evaluate(RUN, ScenarioLoader.parse(SCENARIO, ORIGIN).gates(),
                Bound.POINT).outcomes();
        List<GateOutcome> fromFile = GateEvaluation.evaluate(RUN, GateFile.parse(GATES_FILE, "gates.json"),
                Bound.POINT).outcomes();

        assertThat(fromScenario).as("outcomes of the scenario's gates against the same run").isEqualTo(fromFile);
        assertThat(fromFile).extracting(GateOutcome::status).as("statuses of iq_loss, p99, amplification, wasted "
                + "spend and security findings").containsExactly(GateOutcome.FAILED, GateOutcome.PASSED,
                GateOutcome.FAILED, GateOutcome.PASSED, GateOutcome.PASSED);
    }

    @Test
    void aScenarioGateStoredInTheResultGetsTheSameVerdictAsTheGateItself() {
        List<Gate> gates = ScenarioLoader.parse(SCENARIO, ORIGIN).gates();
        RunResult stored = new RunResult(RUN.schemaVersion(), RUN.scenario(), RUN.sut(), RUN.versions(), RUN.command(),
                RUN.startedAt(), RUN.endedAt(), RUN.completed(), RUN.stopReason(), RUN.baseline(), RUN.summary(),
                RUN.quality(), RUN.attribution(), RUN.phases(), RUN.timeline(), RUN.failover(), RUN.cost(),
                RUN.modelsServed(), RUN.conduct(), RUN.security(), gates.stream().map(Gate::toSpec).toList(),
                RUN.exchanges(), RUN.warnings());

        assertThat(GateEvaluation.evaluate(stored, Bound.POINT).outcomes())
                .as("outcomes of the gates as result.json stores them")
                .isEqualTo(GateEvaluation.evaluate(RUN, gates, Bound.POINT).outcomes());
    }
}
