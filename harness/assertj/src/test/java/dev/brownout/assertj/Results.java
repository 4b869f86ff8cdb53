package dev.brownout.assertj;

import dev.brownout.reports.Attribution;
import dev.brownout.reports.BaselineInfo;
import dev.brownout.reports.BaselineMode;
import dev.brownout.reports.CheckResult;
import dev.brownout.reports.Conduct;
import dev.brownout.reports.Cost;
import dev.brownout.reports.Estimate;
import dev.brownout.reports.Finding;
import dev.brownout.reports.GateSpec;
import dev.brownout.reports.Goodput;
import dev.brownout.reports.Latency;
import dev.brownout.reports.MultiStep;
import dev.brownout.reports.PhaseResult;
import dev.brownout.reports.PhaseSpec;
import dev.brownout.reports.Quality;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.ScenarioInfo;
import dev.brownout.reports.Security;
import dev.brownout.reports.Summary;
import dev.brownout.reports.SutInfo;
import dev.brownout.reports.Timeline;
import dev.brownout.reports.Verdict;
import dev.brownout.reports.Versions;
import dev.brownout.reports.gate.Gate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hand-built run results: by default a completed run of {@code oauth-outage} against {@code litellm} with a baseline,
 * IQ loss 3% (95% CI 1% to 5.5%), 99.2% availability, p99 2.95 s, cost amplification 1.12, conduct verdict pass, no
 * security finding, no gates, and two phases (steady and oauth-down). Each setter changes one part.
 */
final class Results {

    static final Instant STARTED = Instant.parse("2026-03-14T09:26:53Z");

    private boolean completed = true;
    private String stopReason;
    private BaselineInfo baseline = new BaselineInfo(BaselineMode.AUTO, null, true, 0.83, 0.041, 1.0);
    private Estimate iqLoss = new Estimate(0.03, 0.01, 0.055);
    private Double availability = 0.992;
    private Double p99Ms = 2_950.0;
    private Double amplification = 1.12;
    private Conduct conduct = new Conduct(Verdict.PASS, List.of());
    private Security security = new Security(0, List.of());
    private Goodput goodput;
    private MultiStep multiStep;
    private double timeScale = 1.0;
    private final List<GateSpec> gates = new ArrayList<>();
    private final List<PhaseResult> phases = new ArrayList<>(List.of(
            phase("steady", new Estimate(0.0, -0.02, 0.02), 1.0, 900.0),
            phase("oauth-down", new Estimate(0.18, 0.12, 0.24), 0.81, 4_100.0)));

    static Results run() {
        return new Results();
    }

    static PhaseResult phase(String name, Estimate iqLoss, Double availability, Double p99Ms) {
        Latency latency = p99Ms == null ? Latency.EMPTY : new Latency(40, 400.0, 800.0, p99Ms, p99Ms + 100);
        return new PhaseResult(name, 0, 0L, 3_000, Map.of(), 40, availability == null ? 0 : Math.round(40 * availability),
                availability, 0.7, 0.83, iqLoss, null, latency, Latency.EMPTY, 0.01);
    }

    Results incomplete(String reason) {
        completed = false;
        stopReason = reason;
        return this;
    }

    /** No baseline: no IQ loss and no cost amplification, as a run with baseline mode none has. */
    Results noBaseline() {
        baseline = BaselineInfo.none();
        iqLoss = null;
        amplification = null;
        return this;
    }

    /** The run's goodput figures; none (null) unless set, as in a result written before goodput was measured. */
    Results goodput(Goodput figures) {
        goodput = figures;
        return this;
    }

    /** A phase like {@link #phase} with goodput figures. */
    static PhaseResult phase(String name, Goodput goodput) {
        PhaseResult p = phase(name, new Estimate(0.18, 0.12, 0.24), 0.81, 4_100.0);
        return new PhaseResult(p.name(), p.plannedAtMs(), p.startedAtMs(), p.endMs(), p.tookEffect(), p.exchanges(),
                p.answered(), p.availability(), p.quality(), p.baselineQuality(), p.iqLoss(), p.attribution(),
                p.latency(), p.ttft(), p.costUsd(), goodput);
    }

    Results iqLoss(Estimate loss) {
        iqLoss = loss;
        return this;
    }

    Results availability(Double share) {
        availability = share;
        return this;
    }

    Results p99Ms(Double millis) {
        p99Ms = millis;
        return this;
    }

    Results amplification(Double ratio) {
        amplification = ratio;
        return this;
    }

    Results conduct(Verdict verdict, CheckResult... checks) {
        conduct = new Conduct(verdict, List.of(checks));
        return this;
    }

    Results conduct(Verdict verdict, String reason, CheckResult... checks) {
        conduct = new Conduct(verdict, List.of(checks), reason, List.of());
        return this;
    }

    Results neverStarted() {
        conduct = Conduct.neverStarted();
        return incomplete("starting the system under test failed: cannot start the SUT process");
    }

    Results findings(Finding... findings) {
        security = new Security(findings.length, List.of(findings));
        return this;
    }

    Results timeScale(double factor) {
        timeScale = factor;
        return this;
    }

    /** A gate the scenario declared, e.g. {@code gate("iq_loss", "< 5%")}, stored as result.json stores it. */
    Results gate(String metric, String condition) {
        gates.add(Gate.parse(metric, condition).scaled(timeScale).toSpec());
        return this;
    }

    Results multiStep(MultiStep tasks) {
        multiStep = tasks;
        return this;
    }

    Results phases(PhaseResult... played) {
        phases.clear();
        phases.addAll(List.of(played));
        return this;
    }

    RunResult build() {
        ScenarioInfo scenario = new ScenarioInfo("oauth-outage", "The token endpoint goes dark.", 42, timeScale, 1.0,
                6_000, List.of(new PhaseSpec("steady", 0, 3_000, List.of()), new PhaseSpec("oauth-down", 3_000, 6_000,
                List.of("oauth"))));
        Latency latency = p99Ms == null ? Latency.EMPTY : new Latency(118, 412.5, 880.25, p99Ms, p99Ms + 150);
        long exchanges = availability == null ? 0 : 120;
        long answered = availability == null ? 0 : Math.round(exchanges * availability);
        Summary summary = new Summary(exchanges, answered, exchanges - answered, 0, 0, 0, answered, availability,
                latency, Latency.EMPTY);
        Quality quality = new Quality(0.8, iqLoss == null ? null : 0.83, iqLoss, null, goodput);
        Cost cost = new Cost(0.046, amplification == null ? null : 0.041, amplification, 0.0005, 0.002, List.of());
        return new RunResult(RunResult.SCHEMA_VERSION, scenario, new SutInfo("litellm", "http://127.0.0.1:4000"),
                new Versions("0.1.0", "21", "Linux"), List.of("brownout", "run", "oauth-outage"), STARTED,
                STARTED.plusSeconds(6), completed, stopReason, baseline, summary, quality,
                iqLoss == null ? null : new Attribution(iqLoss.value(), 0, 0, 0, 0), List.copyOf(phases),
                new Timeline(1_000, List.of()), List.of(), cost, List.of(), conduct, security, List.copyOf(gates),
                List.of(), List.of(), null, null, multiStep);
    }
}
