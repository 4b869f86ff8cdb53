package dev.brownout.reports;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Run results to test against: {@link #full()} sets every nullable figure and fills every list;
 * {@link #minimal()} is a run with no baseline, nothing measurable and every list empty.
 * Reusable by the report tests.
 */
public final class RunResultFixtures {

    public static final Instant STARTED = Instant.parse("2025-03-14T09:26:53.589Z");
    public static final Instant ENDED = Instant.parse("2025-03-14T09:27:05.912Z");
    /** The conduct verdict's reason in {@link #full()}. */
    public static final String REASON = "phase primary-down: required check retry_after_honoured failed: openai answered"
            + " 429 with retry-after 2s; the SUT retried task t-0031 after 140 ms";

    private RunResultFixtures() {
    }

    /** A run against a baseline where every list has an item and every nullable component is set. */
    public static RunResult full() {
        var healthy = new PhaseSpec("steady", 0, 3_000, List.of());
        var outage = new PhaseSpec("primary-down", 3_000, 9_000, List.of("openai", "openai-proxy"));
        var recovery = new PhaseSpec("recovery", 9_000, 12_000, List.of());
        var scenario = new ScenarioInfo("primary-outage", "The primary provider answers 503 for six seconds.", 42,
                0.05, 0.5, 12_000, List.of(healthy, outage, recovery));

        var latency = new Latency(118, 412.5, 880.25, 2_950.0, 3_100.75);
        var ttft = new Latency(116, 95.0, 210.5, 640.0, 701.25);
        var attribution = new Attribution(0.12, 0.03, 0.06, 0.02, -0.01);

        var outagePhase = new PhaseResult("primary-down", 3_000, 3_004L, 9_000,
                Map.of("openai", STARTED.plusMillis(3_010), "openai-proxy", STARTED.plusMillis(3_012)),
                60, 49, 49 / 60.0, 0.61, 0.83, new Estimate(0.265, 0.18, 0.35), attribution, latency, ttft, 0.0421);
        var steadyPhase = new PhaseResult("steady", 0, 0L, 3_000, Map.of(), 30, 30, 1.0, 0.84, 0.83,
                new Estimate(-0.012, -0.05, 0.03), new Attribution(0, 0, 0, 0, -0.012), latency, ttft, 0.0102);

        var window = new Window(3_000, 4_000, "primary-down", 10, 6, 0.6, 0.48, 1.0, 0.82, 0.4146, 3_050.5);

        var costLine = new CostLine("anthropic", "claude-haiku", 57, 41_230, 9_877, 0.0311, 0.0042);
        var cost = new Cost(0.0633, 0.041, 1.5439, 0.000679, 0.0087,
                List.of(costLine, new CostLine("openai", "gpt-4o", 61, 44_100, 10_020, 0.0322, 0.0045)));

        var check = new CheckResult("retry_after_honoured", true, "true", "false", false,
                "openai answered 429 with retry-after 2s; the SUT retried task t-0031 after 140 ms");
        var informational = new CheckResult("max_attempts_per_second", false, "10", "14", false,
                "primary saw 14 calls in the second from 4.100s", CheckLevel.INFORMATIONAL, CheckStatus.FAIL);
        var notApplicable = CheckResult.notApplicable("claimed_model_matches", CheckLevel.REQUIRED, "true",
                "needs a fallback, which litellm declares it does not have (capabilities.fallback: false)");
        var phaseVerdict = new PhaseVerdict("primary-down", PhaseVerdict.ANSWER, Verdict.FAIL,
                "answered 81.7% of 60 tasks against the baseline's 100%; required check retry_after_honoured failed",
                60, 49, 49 / 60.0, 1.0);
        var finding = new Finding(FindingKind.CREDENTIAL_LEAK, "anthropic",
                "the openai API key was presented to anthropic in an x-api-key header", 3);
        var gate = new GateSpec("iq_loss", "<", 0.05, "percent", "< 5%");

        var exchange = new ExchangeResult("t-0031", "arithmetic", "primary-down", 3_120.5, 3_121.25, 3_410.0, 4_980.75,
                1_860.25, "answered", 200, null, "gpt-4o", List.of("openai/gpt-4o", "anthropic/claude-haiku"), true,
                0.5, 1.0, Cause.DOWNGRADE, "1764", "What is 42 * 42?", "17",
                "the upstream stream that served it was cut: anthropic sent 2 tokens (cut)", "length",
                new ReplyUsage(14L, 2L), "clean_end", 1);
        var failed = new ExchangeResult("t-0032", "arithmetic", "primary-down", 3_200.0, 3_200.5, null, 8_200.0,
                5_000.0, "timeout", 0, "java.net.http.HttpTimeoutException", null, List.of("openai/gpt-4o"), false,
                0.0, 1.0, Cause.TIMEOUT, "12", "What is 3 * 4?", null);

        return new RunResult(RunResult.SCHEMA_VERSION, scenario,
                new SutInfo("litellm", "http://127.0.0.1:4000"),
                new Versions("0.1.0", "21.0.5", "Linux 6.8 amd64"),
                List.of("brownout", "run", "scenarios/primary-outage.yaml", "--sut", "litellm", "--seed", "42"),
                STARTED, ENDED, false, "stopped by Ctrl-C during phase recovery",
                new BaselineInfo(BaselineMode.FILE, "runs/2025-03-14-baseline/result.json", true, 0.83, 0.041, 0.99),
                new Summary(120, 101, 12, 5, 2, 4, 88, 101 / 118.0, latency, ttft),
                new Quality(0.64, 0.83, new Estimate(0.229, 0.16, 0.30), 0.011),
                attribution,
                List.of(steadyPhase, outagePhase),
                new Timeline(1_000, List.of(window, new Window(0, 1_000, "steady", 10, 10, 1.0, 0.85, 1.0, 0.84,
                        -0.0119, 900.0))),
                List.of(new FailoverResult("primary-down", 1_850L, 2_400L)),
                cost,
                List.of(new ModelServed("openai", "gpt-4o", 61), new ModelServed("anthropic", "claude-haiku", 57)),
                new Conduct(Verdict.FAIL, List.of(check, informational, notApplicable), REASON, List.of(phaseVerdict)),
                new Security(1, List.of(finding)),
                List.of(gate),
                List.of(exchange, failed),
                List.of("the ledger of provider mistral was not kept"),
                probe(), null, multiStep());
    }

    /**
     * Three multi-step tasks: one whole loop, one that broke at step 1 on a 503 and resumed, one cut at step 2 and
     * started over. Figures by hand: calls (3 + 5 + 6) / 3, tool calls (2 + 2 + 3) / 3, wasted 0 + 1 + 3.
     */
    public static MultiStep multiStep() {
        var whole = new TaskLoop("c-1", "steady", 1.0, 3, 2, 0, 0.0031, null, null, null);
        var resumed = new TaskLoop("c-2", "primary-down", 1.0, 5, 2, 1, 0.0062, 1, "503", TaskLoop.RESUMED);
        var startedOver = new TaskLoop("c-3", "primary-down", 0.0, 6, 3, 3, 0.0074, 2, "cut", TaskLoop.STARTED_OVER);
        return new MultiStep(3, 2 / 3.0, 1.0, new Estimate(1 / 3.0, -0.32, 0.98), 14 / 3.0, 3.0, 7 / 3.0, 4,
                0.0167 / 3, 0.0031, 2, 1, 1, 0, List.of(whole, resumed, startedOver));
    }

    /** The probe after a run, answered by the fallback after the primary refused it. */
    public static ProbeResult probe() {
        return new ProbeResult("alive-probe", 12_004.5, 2_000, "answered", 200, null, 182.25, "claude-haiku",
                List.of("openai/gpt-4o", "anthropic/claude-haiku"), false, 1.0, true);
    }

    /** A run with no baseline that sent nothing: every figure that can be null is null, every list empty. */
    public static RunResult minimal() {
        return new RunResult(RunResult.SCHEMA_VERSION,
                new ScenarioInfo("empty", null, 0, 1.0, 1.0, 0, List.of()),
                new SutInfo("command-gateway", null),
                new Versions("0.1.0", "21", "Linux"),
                List.of(),
                STARTED, STARTED, true, null,
                BaselineInfo.none(),
                new Summary(0, 0, 0, 0, 0, 0, 0, null, Latency.EMPTY, Latency.EMPTY),
                new Quality(null, null, null, null),
                null,
                List.of(),
                new Timeline(1_000, List.of()),
                List.of(),
                new Cost(0, null, null, null, 0, List.of()),
                List.of(),
                new Conduct(Verdict.PASS, List.of()),
                new Security(0, List.of()),
                List.of(),
                List.of(),
                List.of());
    }

    /**
     * A run whose SUT never started: incomplete, no phase played, no conduct verdict, nothing measured, and one
     * gate its scenario declared.
     */
    public static RunResult neverStarted() {
        RunResult minimal = minimal();
        return new RunResult(RunResult.SCHEMA_VERSION,
                new ScenarioInfo("primary-outage", null, 42, 1.0, 1.0, 12_000,
                        List.of(new PhaseSpec("steady", 0, 12_000, List.of()))),
                new SutInfo("litellm", null), minimal.versions(), List.of("brownout", "run"),
                STARTED, STARTED, false, "starting the system under test failed: cannot start the SUT process"
                        + " (stack trace in runs/x/error.txt)",
                minimal.baseline(), minimal.summary(), minimal.quality(), null, List.of(), minimal.timeline(),
                List.of(), minimal.cost(), List.of(), Conduct.neverStarted(), minimal.security(),
                List.of(new GateSpec("security_findings", "==", 0, "count", "== 0")), List.of(), List.of());
    }

    /**
     * {@link #full()} as a completed closed-model run whose SUT held its agents up: the baseline sent 240 tasks, this
     * run only 120, so 120 baseline tasks were never sent (90 due in primary-down, 30 in recovery). Goodput loss 56%
     * (95% CI 43.2% to 66.2%): 88 correct answers in 12 s against 200; steady 3.4%, primary-down 62.5% (95% CI
     * 46.8% to 74%). IQ loss stays the full fixture's 22.9%, over the tasks both runs sent.
     */
    public static RunResult closedModel() {
        RunResult full = full();
        Goodput run = new Goodput(88, 12, 200L, 12.0, new Estimate(0.56, 0.4319, 0.6616), 240L, 120);
        Goodput steady = new Goodput(28, 3, 29L, 3.0, new Estimate(0.0345, -0.6817, 0.4465), 30L, 0);
        Goodput down = new Goodput(45, 6, 120L, 6.0, new Estimate(0.625, 0.4676, 0.7399), 150L, 90);
        Quality q = full.quality();
        List<PhaseResult> phases = full.phases().stream().map(p -> new PhaseResult(p.name(), p.plannedAtMs(),
                p.startedAtMs(), p.endMs(), p.tookEffect(), p.exchanges(), p.answered(), p.availability(), p.quality(),
                p.baselineQuality(), p.iqLoss(), p.attribution(), p.latency(), p.ttft(), p.costUsd(),
                p.name().equals("steady") ? steady : down)).toList();
        return new RunResult(full.schemaVersion(), full.scenario(), full.sut(), full.versions(), full.command(),
                full.startedAt(), full.endedAt(), true, null, full.baseline(), full.summary(),
                new Quality(q.score(), q.baselineScore(), q.iqLoss(), q.noiseFloor(), run), full.attribution(), phases,
                full.timeline(), full.failover(), full.cost(), full.modelsServed(), full.conduct(), full.security(),
                full.gates(), full.exchanges(), List.of("120 baseline exchange(s) have no twin in this run and are left"
                        + " out of the IQ loss (the goodput loss counts them as lost)"));
    }

    /** A phase that never began (the run stopped before it), with nulls wherever a phase allows them. */
    public static PhaseResult unplayedPhase() {
        return new PhaseResult("recovery", 9_000, null, 9_000, Map.of(), 0, 0, null, null, null, null, null,
                Latency.EMPTY, Latency.EMPTY, 0);
    }
}
