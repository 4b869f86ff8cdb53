package dev.brownout.reports.html;

import dev.brownout.reports.Attribution;
import dev.brownout.reports.BaselineInfo;
import dev.brownout.reports.BaselineMode;
import dev.brownout.reports.Cause;
import dev.brownout.reports.CheckResult;
import dev.brownout.reports.Conduct;
import dev.brownout.reports.Cost;
import dev.brownout.reports.CostLine;
import dev.brownout.reports.Estimate;
import dev.brownout.reports.ExchangeResult;
import dev.brownout.reports.FailoverResult;
import dev.brownout.reports.GateSpec;
import dev.brownout.reports.Latency;
import dev.brownout.reports.ModelServed;
import dev.brownout.reports.PhaseResult;
import dev.brownout.reports.PhaseSpec;
import dev.brownout.reports.Quality;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.RunResultFixtures;
import dev.brownout.reports.ScenarioInfo;
import dev.brownout.reports.Security;
import dev.brownout.reports.SutInfo;
import dev.brownout.reports.Summary;
import dev.brownout.reports.Timeline;
import dev.brownout.reports.Verdict;
import dev.brownout.reports.Versions;
import dev.brownout.reports.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A big, plausible result made up from a seed: a four-minute run with an outage and a brownout. */
final class GeneratedResults {

    private GeneratedResults() {
    }

    static RunResult large(int exchanges, long seed) {
        Random random = new Random(seed);
        long duration = 240_000;
        List<PhaseSpec> timeline = List.of(
                new PhaseSpec("warm-up", 0, 30_000, List.of()),
                new PhaseSpec("primary-down", 30_000, 120_000, List.of("openai")),
                new PhaseSpec("between", 120_000, 150_000, List.of()),
                new PhaseSpec("slow-fallback", 150_000, 200_000, List.of("anthropic", "oauth")),
                new PhaseSpec("recovery", 200_000, duration, List.of()));
        var scenario = new ScenarioInfo("double-trouble", "The primary goes dark, then the fallback slows down.",
                seed, 1.0, 1.0, duration, timeline);

        List<ExchangeResult> log = new ArrayList<>(exchanges);
        String filler = "lorem ipsum dolor sit amet ".repeat(80);
        for (int i = 0; i < exchanges; i++) {
            double at = duration * (i / (double) exchanges);
            PhaseSpec phase = phaseAt(timeline, at);
            boolean faulted = phase.faulted();
            double roll = random.nextDouble();
            String outcome = faulted && roll < 0.08 ? "error" : faulted && roll < 0.12 ? "timeout" : "answered";
            double baselineScore = random.nextDouble() < 0.85 ? 1.0 : 0.5;
            double score = !"answered".equals(outcome) ? 0 : faulted && random.nextDouble() < 0.3 ? 0.5 : baselineScore;
            Cause cause = "error".equals(outcome) ? Cause.ERROR : "timeout".equals(outcome) ? Cause.TIMEOUT
                    : score < baselineScore ? Cause.DOWNGRADE : null;
            double latency = 300 + random.nextDouble() * (faulted ? 6_000 : 900);
            log.add(new ExchangeResult("t-" + i, "essay", phase.name(), at, at + 1, at + 120, at + latency, latency,
                    outcome, "error".equals(outcome) ? 503 : "timeout".equals(outcome) ? 0 : 200,
                    "error".equals(outcome) ? "http_503" : null, "gpt-4o",
                    faulted ? List.of("openai/gpt-4o", "anthropic/claude-haiku") : List.of("openai/gpt-4o"),
                    false, score, baselineScore, cause, "the expected essay " + i,
                    "Write about task " + i + ": " + filler, "answer " + i + ": " + filler + filler));
        }

        List<Window> windows = new ArrayList<>();
        for (long start = 0; start < duration; start += 1_000) {
            PhaseSpec phase = phaseAt(timeline, start);
            double dip = phase.faulted() ? 0.25 + random.nextDouble() * 0.2 : random.nextDouble() * 0.03;
            windows.add(new Window(start, start + 1_000, phase.name(), 20, 19, 1 - dip, 0.82 - dip / 2, 0.995,
                    0.83, dip / 2 / 0.83, 800 + (phase.faulted() ? 5_000 * random.nextDouble() : 300 * random.nextDouble())));
        }

        var latency = new Latency(exchanges, 700.0, 2_900.0, 6_100.0, 6_400.0);
        var ttft = new Latency(exchanges, 120.0, 400.0, 900.0, 1_200.0);
        var attribution = new Attribution(0.06, 0.03, 0.05, 0.01, 0.002);
        List<PhaseResult> phases = new ArrayList<>();
        for (PhaseSpec spec : timeline) {
            phases.add(new PhaseResult(spec.name(), spec.atMs(), spec.atMs() + 3, spec.endMs(), Map.of(), exchanges / 5,
                    exchanges / 5 - 10, 0.95, 0.7, 0.83, new Estimate(0.15, 0.1, 0.2),
                    spec.faulted() ? attribution : Attribution.NONE, latency, ttft, 1.2));
        }
        return new RunResult(RunResult.SCHEMA_VERSION, scenario, new SutInfo("portkey", "http://127.0.0.1:8787"),
                new Versions("0.1.0", "21.0.5", "Linux"),
                List.of("brownout", "run", "scenarios/double-trouble.yaml", "--sut", "portkey", "--seed", Long.toString(seed)),
                RunResultFixtures.STARTED, RunResultFixtures.STARTED.plusSeconds(245), true, null,
                new BaselineInfo(BaselineMode.AUTO, null, true, 0.83, 4.1, 0.995),
                new Summary(exchanges, exchanges - 400, 250, 150, 0, 12, exchanges / 2, 0.92, latency, ttft),
                new Quality(0.7, 0.83, new Estimate(0.152, 0.13, 0.17), 0.01), attribution, phases,
                new Timeline(1_000, windows),
                List.of(new FailoverResult("primary-down", 4_000L, 9_000L), new FailoverResult("slow-fallback", null, null)),
                new Cost(6.2, 4.1, 1.51, 0.0025, 0.9, List.of(
                        new CostLine("openai", "gpt-4o", 5_000, 4_000_000, 900_000, 4.0, 0.6),
                        new CostLine("anthropic", "claude-haiku", 1_800, 1_500_000, 300_000, 2.2, 0.3))),
                List.of(new ModelServed("openai", "gpt-4o", 5_000), new ModelServed("anthropic", "claude-haiku", 1_800)),
                new Conduct(Verdict.PARTIAL, List.of(new CheckResult("max_attempts", true, "4", "3", true, "at most 3 calls per task"),
                        new CheckResult("stall_timeout", false, "30s", "41s", false, "task t-77 waited 41 s on a stalled stream"))),
                new Security(0, List.of()),
                List.of(new GateSpec("iq_loss", "<", 0.05, "percent", "< 5%"),
                        new GateSpec("p99_latency", "<", 8, "duration", "< 8s")),
                log, List.of());
    }

    private static PhaseSpec phaseAt(List<PhaseSpec> timeline, double at) {
        for (PhaseSpec phase : timeline) {
            if (at >= phase.atMs() && at < phase.endMs()) {
                return phase;
            }
        }
        return timeline.get(timeline.size() - 1);
    }
}
