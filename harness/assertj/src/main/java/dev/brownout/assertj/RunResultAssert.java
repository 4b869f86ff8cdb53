package dev.brownout.assertj;

import dev.brownout.reports.Conduct;
import dev.brownout.reports.Cost;
import dev.brownout.reports.Finding;
import dev.brownout.reports.MultiStep;
import dev.brownout.reports.PhaseResult;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.Summary;
import dev.brownout.reports.TaskLoop;
import dev.brownout.reports.Verdict;
import dev.brownout.reports.format.Figures;
import dev.brownout.reports.gate.Bound;
import dev.brownout.reports.gate.Gate;
import dev.brownout.reports.gate.GateEvaluation;
import dev.brownout.reports.gate.GateFile;
import dev.brownout.reports.gate.GateOutcome;
import dev.brownout.reports.gate.GateReport;
import dev.brownout.reports.gate.GateVerdict;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractDoubleAssert;
import org.assertj.core.api.DoubleAssert;
import org.assertj.core.api.SoftAssertionsProvider;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Assertions on a measured run: its result ({@code result.json}), and for a {@code BrownoutRun} the report a failure
 * points to. Made by {@link BrownoutAssertions#assertThat(RunResult)},
 * {@link BrownoutAssertions#assertThat(dev.brownout.BrownoutRun)} or their soft twins in
 * {@link BrownoutSoftAssertionsProvider}.
 *
 * <pre>{@code
 * assertThat(run).isCompleted().hasIqLossBelow(0.05).hasAvailabilityAtLeast(0.99).passesGates();
 * assertThat(run).phase("oauth-down").hasIqLossUpperBoundBelow(0.20);
 * assertThat(run).costAmplification().isLessThan(1.3);
 * }</pre>
 *
 * <p>Fractions are written as fractions: {@code 0.05} for 5%. A failure says what was expected of which run, quotes
 * the figure as the reports write it (an IQ loss with its 95% interval), and ends with {@code Report: <path>} when
 * the run has a report. A figure the run could not give (an IQ loss without a baseline, a latency when nothing was
 * answered) fails its assertion with the reason, never passes it. A threshold that makes no sense (a fraction above
 * 1, a negative duration) throws {@link IllegalArgumentException}: that is the test's mistake, not the run's.
 *
 * <p><b>Gates.</b> {@link #passesGates()}, {@link #passesGate(String)} and {@link #passesGates(String...)} judge the
 * run with the reports module's {@link GateEvaluation}, the code {@code brownout gate} and {@code brownout run} use,
 * and pass exactly when that command would exit 0: every gate held and the run completed.
 *
 * <p><b>Soft assertions.</b> The class is open and has a public constructor so that AssertJ's soft assertions can
 * proxy it. Through {@link BrownoutSoftAssertionsProvider} the navigation methods {@link #phase(String)} and
 * {@link #costAmplification()} are soft too: a missing phase or figure is collected rather than thrown, and the
 * assertion returned collects its own failures (on a missing phase or figure each one fails again, saying why).
 */
public class RunResultAssert extends AbstractAssert<RunResultAssert, RunResult> {

    /** A failure lists this many tasks; the report has them all. */
    private static final int MAX_LISTED = 5;

    private Path report;
    private Bound bound = Bound.POINT;
    private SoftAssertionsProvider soft;

    /**
     * Assertions on {@code actual}, with no report to point to and gates judged on the point estimate;
     * {@link BrownoutAssertions#assertThat(RunResult)} is the usual way to make one.
     */
    public RunResultAssert(RunResult actual) {
        super(actual, RunResultAssert.class);
    }

    /** Ends every failure message with this report's path. */
    RunResultAssert reportedAt(Path report) {
        this.report = report;
        return myself;
    }

    /** Judges gates on {@code bound}, as the run itself was judged. */
    RunResultAssert judgedOn(Bound bound) {
        this.bound = Objects.requireNonNull(bound, "bound");
        return myself;
    }

    /** Makes navigation soft: what {@link #phase} and {@link #costAmplification} find missing is collected here. */
    RunResultAssert collectingInto(SoftAssertionsProvider soft) {
        this.soft = soft;
        return myself;
    }

    /** Verifies that the whole timeline played and every exchange ended on its own, as {@code brownout run} requires. */
    public RunResultAssert isCompleted() {
        isNotNull();
        if (!actual.completed()) {
            throw failed("\nExpecting " + context().subject() + " to have completed, but it ended early:\n  "
                    + (actual.stopReason() == null ? "(no reason was recorded)" : actual.stopReason()));
        }
        return myself;
    }

    /**
     * Verifies that the run's IQ loss (its point estimate) is below {@code maxLoss}; the message quotes the loss
     * with its 95% interval. A run without a baseline has no IQ loss and fails.
     *
     * @param maxLoss a fraction: {@code 0.05} for 5%
     * @throws IllegalArgumentException for a {@code maxLoss} outside 0 to 1
     */
    public RunResultAssert hasIqLossBelow(double maxLoss) {
        Thresholds.fraction(maxLoss, "the IQ loss to stay below");
        isNotNull();
        RunContext context = context();
        failIf(FigureExpectations.iqLossBelow(context.subject(), actual.quality() == null ? null : actual.quality().iqLoss(),
                context.noIqLoss("in the run"), maxLoss));
        return myself;
    }

    /**
     * Verifies that the pessimistic end of the run's IQ loss, the upper end of its 95% interval, is below
     * {@code maxLoss}: the run lost less than that even if chance favoured it. Fails when no interval could be
     * estimated (fewer than 2 tasks paired with the baseline) or there is no IQ loss at all.
     *
     * @param maxLoss a fraction: {@code 0.05} for 5%
     * @throws IllegalArgumentException for a {@code maxLoss} outside 0 to 1
     */
    public RunResultAssert hasIqLossUpperBoundBelow(double maxLoss) {
        Thresholds.fraction(maxLoss, "the upper end of the IQ loss interval to stay below");
        isNotNull();
        RunContext context = context();
        failIf(FigureExpectations.iqLossUpperBoundBelow(context.subject(),
                actual.quality() == null ? null : actual.quality().iqLoss(), context.noIqLoss("in the run"), maxLoss));
        return myself;
    }

    /**
     * Verifies that the run's goodput loss (its point estimate) is below {@code maxLoss}: the share of correct answers
     * per second it lost against the baseline, counting the tasks it never got to send, which IQ loss leaves out. The
     * message quotes the loss with its 95% interval, the counts it comes from and the baseline tasks never sent. A
     * run without a baseline has no goodput loss and fails.
     *
     * @param maxLoss a fraction: {@code 0.10} for 10%
     * @throws IllegalArgumentException for a {@code maxLoss} outside 0 to 1
     */
    public RunResultAssert hasGoodputLossBelow(double maxLoss) {
        Thresholds.fraction(maxLoss, "the goodput loss to stay below");
        isNotNull();
        RunContext context = context();
        failIf(GoodputExpectations.goodputLossBelow(context.subject(),
                actual.quality() == null ? null : actual.quality().goodput(), context.hadBaseline(), "the run", maxLoss));
        return myself;
    }

    /**
     * Verifies that the IQ loss over the run's multi-step tool tasks, each judged on its final answer, is below
     * {@code maxLoss} (its point estimate). Fails when the run sent no multi-step task or had no baseline.
     *
     * @param maxLoss a fraction: {@code 0.10} for 10%
     * @throws IllegalArgumentException for a {@code maxLoss} outside 0 to 1
     */
    public RunResultAssert hasWholeTaskIqLossBelow(double maxLoss) {
        Thresholds.fraction(maxLoss, "the whole-task IQ loss to stay below");
        isNotNull();
        RunContext context = context();
        MultiStep tasks = actual.multiStep();
        if (tasks == null) {
            throw failed("\nExpecting the whole-task IQ loss of " + context.subject() + " to be below "
                    + Figures.percent(maxLoss) + ", but the run sent no multi-step tool task (send canary-chain tasks)");
        }
        failIf(FigureExpectations.iqLossBelow("the multi-step tool tasks of " + context.subject(), tasks.iqLoss(),
                context.noIqLoss("for its multi-step tasks"), maxLoss));
        return myself;
    }

    /**
     * Verifies that no multi-step tool task was given up after a model call failed part-way: every broken loop was
     * resumed at the step that failed or started over. The message names each task given up, with the step and how
     * its call failed. Fails when the run sent no multi-step task.
     */
    public RunResultAssert hasNoLoopGivenUp() {
        isNotNull();
        MultiStep tasks = actual.multiStep();
        if (tasks == null) {
            throw failed("\nExpecting no multi-step tool task of " + context().subject()
                    + " to be given up, but the run sent no multi-step tool task (send canary-chain tasks)");
        }
        List<TaskLoop> givenUp = tasks.loops().stream()
                .filter(loop -> TaskLoop.GAVE_UP.equals(loop.recovery())).toList();
        if (givenUp.isEmpty()) {
            return myself;
        }
        StringBuilder message = new StringBuilder("\nExpecting no multi-step tool task of ").append(context().subject())
                .append(" to be given up after a failed model call, but ").append(givenUp.size()).append(" of ")
                .append(tasks.tasks()).append(" were:");
        givenUp.stream().limit(MAX_LISTED).forEach(loop -> message.append("\n  ").append(loop.taskId())
                .append(" broke at step ").append(loop.brokenAtStep()).append(" (").append(loop.brokenBy())
                .append(") and made no call after it"));
        if (givenUp.size() > MAX_LISTED) {
            message.append("\n  and ").append(givenUp.size() - MAX_LISTED).append(" more");
        }
        throw failed(message.toString());
    }

    /**
     * Verifies that at least {@code minAvailability} of the run's exchanges got an answer (exchanges still in flight
     * when a run stopped early are not counted). Fails when there were no exchanges.
     *
     * @param minAvailability a fraction: {@code 0.99} for 99%
     * @throws IllegalArgumentException for a {@code minAvailability} outside 0 to 1
     */
    public RunResultAssert hasAvailabilityAtLeast(double minAvailability) {
        Thresholds.fraction(minAvailability, "the availability to reach");
        isNotNull();
        Summary summary = actual.summary();
        failIf(FigureExpectations.availabilityAtLeast(context().subject(), summary == null ? null : summary.availability(),
                summary == null ? "" : summary.answered() + " of " + (summary.exchanges() - summary.aborted())
                        + " exchanges answered",
                "no exchange was measured, so there is no availability", minAvailability));
        return myself;
    }

    /**
     * Verifies that the 99th percentile of the run's end-to-end latency is below {@code max}. The latency is as
     * measured, on the clock the run played on; a scenario's own duration gates are scaled to that clock, so to
     * hold the run to a gate as written in the scenario use {@link #passesGate(String)}: {@code passesGate("p99_latency < 8s")}.
     * Fails when nothing was answered.
     *
     * @throws IllegalArgumentException for a null, zero or negative {@code max}
     */
    public RunResultAssert hasP99Below(Duration max) {
        Thresholds.positive(max, "the p99 latency to stay below");
        isNotNull();
        Summary summary = actual.summary();
        Double p99 = summary == null || summary.latency() == null ? null : summary.latency().p99Ms();
        failIf(FigureExpectations.p99Below(context().subject(), p99,
                p99 == null ? "" : "end to end, over " + summary.latency().count() + " answers",
                "nothing was answered, so there is no latency", max));
        return myself;
    }

    /**
     * Verifies the verdict of the run's conduct checks: {@link Verdict#PASS}, {@code PARTIAL}, {@code SAFE} or
     * {@code FAIL}. A failure gives the verdict's reason (the phase or check that decided it) and lists the scored
     * checks that failed with their details. A run that never started has no verdict and fails.
     *
     * @throws IllegalArgumentException for a null {@code expected}
     */
    public RunResultAssert hasVerdict(Verdict expected) {
        if (expected == null) {
            throw new IllegalArgumentException("a verdict to expect is needed: PASS, PARTIAL, SAFE or FAIL, not null");
        }
        isNotNull();
        Conduct conduct = actual.conduct();
        String subject = context().subject();
        if (conduct == null || !conduct.judged()) {
            throw failed("\nExpecting conduct verdict of " + subject + " to be " + expected.label() + ", but the run has "
                    + Conduct.NO_VERDICT + (actual.stopReason() == null ? "" : " (" + actual.stopReason() + ")"));
        }
        if (conduct.verdict() != expected) {
            String failed = conduct.checks().stream().filter(check -> check.scored() && check.failed())
                    .map(check -> "\n  " + check.name() + " (" + check.level().label() + "): " + check.detail())
                    .collect(Collectors.joining());
            throw failed(FigureExpectations.expecting("conduct verdict of " + subject, conduct.verdict().label(), "to be",
                    expected.label()) + (conduct.reason() == null ? "" : "\nBecause: " + conduct.reason())
                    + (failed.isEmpty() ? "" : "\nChecks that failed:" + failed));
        }
        return myself;
    }

    /** Verifies that the run has no security finding: no credential leak, no bad credential accepted, no secret in a file. */
    public RunResultAssert hasNoSecurityFindings() {
        isNotNull();
        String subject = context().subject();
        if (actual.security() == null) {
            throw failed("\nExpecting " + subject + " to have no security findings, but the run has no security figures");
        }
        List<Finding> findings = actual.security().findings();
        if (!findings.isEmpty() || actual.security().count() > 0) {
            throw failed("\nExpecting " + subject + " to have no security findings, but it has " + actual.security().count() + ":"
                    + findings.stream().map(RunResultAssert::finding).collect(Collectors.joining()));
        }
        return myself;
    }

    /**
     * Judges gates on the worse end of a figure's 95% interval (today IQ loss's) instead of its point estimate, as
     * {@code brownout gate --pessimistic} does. Affects the gate assertions that follow; the IQ loss assertions say
     * in their name which figure they read.
     */
    public RunResultAssert usingPessimisticBound() {
        this.bound = Bound.PESSIMISTIC;
        return myself;
    }

    /**
     * Verifies that the run passes its scenario's own gates as {@code brownout gate} judges them (and
     * {@code brownout run} did): every gate held, none was unknown, and the run completed; a run whose scenario
     * declares no gates passes, as the command exits 0 for it. The failure lists every gate as the command prints it.
     */
    public RunResultAssert passesGates() {
        isNotNull();
        GateReport gates = GateEvaluation.evaluate(actual, bound);
        failIfGatesFail(gates, "its gates");
        return myself;
    }

    /**
     * Verifies that the run passes {@code gate}, written as a metric and its condition the way a scenario's
     * {@code gates:} section writes them: {@code "iq_loss < 5%"}, {@code "p99_latency < 8s"},
     * {@code "cost_amplification < 1.3"}, {@code "security_findings == 0"}. It is judged as
     * {@code brownout gate --gates FILE} judges a gates file: durations scaled to the clock the run played on, and
     * the run must have completed.
     *
     * @throws IllegalArgumentException for a gate that does not parse, naming what is wrong and what is valid
     */
    public RunResultAssert passesGate(String gate) {
        return passesGates(new String[] {gate});
    }

    /**
     * Verifies that the run passes every one of {@code gates}, each written as for {@link #passesGate(String)}.
     *
     * @throws IllegalArgumentException for no gates at all, or one that does not parse
     */
    public RunResultAssert passesGates(String... gates) {
        if (gates == null || gates.length == 0) {
            throw new IllegalArgumentException("no gates given; write some like \"iq_loss < 5%\", or call passesGates()"
                    + " for the scenario's own");
        }
        List<Gate> parsed = Arrays.stream(gates).map(GateExpressions::parse).toList();
        isNotNull();
        double timeScale = actual.scenario() == null ? 1 : actual.scenario().timeScale();
        List<Gate> scaled = GateFile.scaled(parsed, timeScale);
        GateReport report = GateEvaluation.evaluate(actual, scaled, bound);
        String written = scaled.stream().map(gate -> gate.metric().label() + " " + gate.written())
                .collect(Collectors.joining(", "));
        boolean rescaled = !scaled.equals(parsed);
        failIfGatesFail(report, (scaled.size() == 1 ? "the gate " : "the gates ") + written
                + (rescaled ? " (durations scaled to the run's clock, time scale " + timeScale + ")" : ""));
        return myself;
    }

    /**
     * The phase named {@code name}, to assert on. When the run has no such phase, this fails listing the phases
     * it has (softly: the failure is collected and every assertion on the missing phase fails too).
     *
     * @throws IllegalArgumentException for a null or blank name
     */
    public PhaseAssert phase(String name) {
        Thresholds.name(name, "a phase name");
        if (actual == null) {
            failOrCollect("\nExpecting actual not to be null");
            return phaseAssert(null, name, "the run is null");
        }
        PhaseResult found = actual.phases().stream().filter(phase -> name.equals(phase.name())).findFirst().orElse(null);
        if (found == null) {
            String phases = actual.phases().isEmpty() ? "it has no measured phase"
                    : "its phases are:\n  " + actual.phases().stream().map(PhaseResult::name).collect(Collectors.joining(", "));
            failOrCollect("\nExpecting " + context().subject() + " to have a phase named:\n  \"" + name + "\"\nbut "
                    + phases);
            return phaseAssert(null, name, "the run has no phase named \"" + name + "\"");
        }
        return phaseAssert(found, name, null);
    }

    /**
     * The run's cost amplification, its provider spend over the baseline's, as an AssertJ double assertion:
     * {@code costAmplification().isLessThan(1.3)}. Without a baseline (or with a baseline that cost nothing) there
     * is none, and this fails saying so (softly: collected, and the assertions on the missing figure fail too).
     */
    public AbstractDoubleAssert<?> costAmplification() {
        String subject = context().subject();
        Double amplification = null;
        String missing;
        if (actual == null) {
            missing = "the run is null";
        } else {
            Cost cost = actual.cost();
            amplification = cost == null ? null : cost.amplification();
            missing = context().hadBaseline() ? "the baseline's cost is unknown or zero, so there is no amplification"
                    : "the run had no baseline, so there is no baseline cost to compare with";
        }
        String description = (info.hasDescription() ? info.descriptionText() + ": " : "") + "cost amplification of "
                + subject + (report == null ? "" : ", report " + report.toAbsolutePath());
        if (amplification == null) {
            failOrCollect("\nExpecting " + subject + " to have a cost amplification, but it has none: " + missing);
            description += " (none: " + missing + ")";
        }
        DoubleAssert figure = soft == null ? new DoubleAssert(amplification)
                : soft.proxy(DoubleAssert.class, Double.class, amplification);
        return figure.as(description);
    }

    private PhaseAssert phaseAssert(PhaseResult phase, String name, String missing) {
        PhaseAssert phaseAssert = soft == null ? new PhaseAssert(phase) : soft.proxy(PhaseAssert.class, PhaseResult.class, phase);
        if (info.hasDescription()) {
            phaseAssert.as(info.description());
        }
        return phaseAssert.within(context(), name, missing);
    }

    private void failIfGatesFail(GateReport gates, String which) {
        GateVerdict verdict = gates.verdict(actual);
        if (verdict == GateVerdict.PASS) {
            return;
        }
        StringBuilder message = new StringBuilder("\nExpecting ").append(context().subject()).append(" to pass ")
                .append(which).append(", judged on ")
                .append(gates.bound() == Bound.PESSIMISTIC ? "the worse end of each interval" : "the point estimate")
                .append(" as brownout gate judges them, but the verdict is ").append(verdict)
                .append(" (brownout gate exits ").append(verdict.exitCode()).append("):");
        for (GateOutcome outcome : gates.outcomes()) {
            message.append("\n  gate ").append(outcome.passed() ? "passed" : "FAILED").append(": ").append(outcome.message());
        }
        if (!actual.completed()) {
            message.append("\n  the run is incomplete: ").append(actual.stopReason());
        }
        throw failed(message.toString());
    }

    private static String finding(Finding finding) {
        return "\n  " + (finding.kind() == null ? "finding" : finding.kind().label())
                + (finding.where() == null ? "" : " at " + finding.where()) + ": " + finding.detail()
                + (finding.count() > 1 ? " (" + finding.count() + " times)" : "");
    }

    private RunContext context() {
        return RunContext.of(actual, report);
    }

    private void failIf(String message) {
        if (message != null) {
            throw failed(message);
        }
    }

    /** The failure for {@code message}, after the description (if any), with the report line. */
    private AssertionError failed(String message) {
        return failure("%s", message + context().reportLine());
    }

    /** Throws the failure, or under soft assertions collects it so that navigation can go on. */
    private void failOrCollect(String message) {
        AssertionError error = failed(message);
        if (soft == null) {
            throw error;
        }
        soft.collectAssertionError(error);
    }
}
