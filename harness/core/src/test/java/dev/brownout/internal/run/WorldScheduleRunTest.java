package dev.brownout.internal.run;

import dev.brownout.fakes.FakeProvider;
import dev.brownout.fakes.PacerHold;
import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.internal.record.PhaseRecord;
import dev.brownout.internal.world.ProxiedWorld;
import dev.brownout.internal.sut.OpenAiChatSut;
import dev.brownout.internal.sut.SutFactory;
import dev.brownout.reports.ProviderLateness;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.RunResults;
import dev.brownout.reports.WorldSchedule;
import dev.brownout.scenario.ScenarioLoader;
import dev.brownout.world.ProviderEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The {@code world} block of a played run, checked against the run's own ledger: one provider streaming a paced
 * model to a SUT calling it directly, 20 tasks over 2 seconds, played once for every test here.
 */
class WorldScheduleRunTest {

    @TempDir
    static Path out;

    private static MeasuredOutcome run;

    @BeforeAll
    static void playOnce() {
        run = play(RunListener.NONE);
    }

    private static MeasuredOutcome play(RunListener listener) {
        RunPlan plan = RunPlan.of(ScenarioLoader.load(RunFixtures.resource("/run/world-schedule.yaml")),
                        SutFactory.inJvm("direct", world -> {
                            ProviderEndpoint primary = world.provider("primary");
                            return OpenAiChatSut.of(URI.create(primary.baseUrl()), primary.apiKey(), "paced", Map.of());
                        }))
                .withOut(out).withWarmup(Duration.ZERO).withListener(listener);
        MeasuredOutcome outcome = MeasuredRun.of(plan, BaselineChoice.none(), false).play();
        assertThat(ResultSchemaCheck.problems(outcome.folder().resolve(RunResults.FILE_NAME)))
                .as("result.json against the published schema").isEmpty();
        assertThat(outcome.result().completed()).as("the run completed; stop reason: %s",
                outcome.result().stopReason()).isTrue();
        return outcome;
    }

    @Test
    void aWorldWhosePacerIsHeldBackIsFlaggedAsBehind() {
        // From the timeline's start the provider's pacer is held 300 ms in every 500 ms, four times: streams in
        // flight then send tokens up to 300 ms after their plan, whatever the machine's own noise.
        RunListener starve = new RunListener() {
            @Override
            public void phaseEntered(PhaseRecord phase, ProxiedWorld world) {
                FakeProvider primary = world.fakes().provider("primary");
                Thread.ofVirtual().start(() -> {
                    for (int i = 0; i < 4; i++) {
                        PacerHold.holdBack(primary, Duration.ofMillis(300));
                        LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
                    }
                });
            }
        };
        MeasuredOutcome starved = play(starve);
        WorldSchedule world = starved.result().world();

        // a call in flight across a hold sends its next token up to 300 ms late (less the part of the hold before
        // it was due); 100 ms is twice the largest bound a run can have
        assertThat(world.providers().getFirst().tokens().p99Ms()).as("p99 worst-token lateness of a held-back pacer")
                .isGreaterThanOrEqualTo(100);
        assertThat(world.behind()).as("a world held back 300 ms at a time fell behind its %.1f ms bound",
                world.boundMs()).isTrue();
        assertThat(world.reason()).as("the reason names the provider").contains("primary");
        // every report leads with this notice (WorldBehindNoticeTest renders each from such a result)
        assertThat(world.notice()).as("the notice every report says first").isPresent();
    }

    /**
     * The values of one lateness figure over the calls of the run's timeline (the probe after it left out), as the
     * ledger the run kept holds them, sorted; calls without it left out.
     */
    private static List<Double> ledgerValues(Function<ProviderCall, Double> figure) {
        List<Double> values = new ArrayList<>();
        for (ProviderCall call : RunFolderData.read(run.chaos()).calls()) {
            if (figure.apply(call) != null) {
                values.add(figure.apply(call));
            }
        }
        Collections.sort(values);
        return values;
    }

    /** The nearest-rank 99th percentile of sorted values. */
    private static double p99(List<Double> sorted) {
        return sorted.get((int) Math.ceil(0.99 * sorted.size()) - 1);
    }

    @Test
    void everyAnsweredCallOfTheRunCountsInItsProvidersLateness() {
        WorldSchedule world = run.result().world();
        ProviderLateness primary = world.providers().getFirst();

        assertThat(primary.provider()).as("the world's provider").isEqualTo("primary");
        assertThat(primary.firstToken().count()).as("calls with a first token, as the ledger counts them")
                .isEqualTo(ledgerValues(ProviderCall::firstTokenLateMs).size()).isGreaterThanOrEqualTo(18);
        assertThat(primary.tokens().count()).as("streamed calls, as the ledger counts them")
                .isEqualTo(ledgerValues(ProviderCall::maxTokenLateMs).size()).isGreaterThanOrEqualTo(18);
    }

    @Test
    void theLatenessPercentilesAreTheLedgersOwn() {
        ProviderLateness primary = run.result().world().providers().getFirst();
        List<Double> first = ledgerValues(ProviderCall::firstTokenLateMs);
        List<Double> tokens = ledgerValues(ProviderCall::maxTokenLateMs);

        // within the estimator's 1%, and 0.1 ms for values near zero
        assertThat(primary.firstToken().p99Ms()).as("p99 first-token lateness against the ledger's")
                .isCloseTo(p99(first), within(0.01 * p99(first) + 0.1));
        assertThat(primary.firstToken().maxMs()).as("max first-token lateness").isCloseTo(first.getLast(), within(1e-6));
        assertThat(primary.tokens().p99Ms()).as("p99 worst-token lateness against the ledger's")
                .isCloseTo(p99(tokens), within(0.01 * p99(tokens) + 0.1));
    }

    @Test
    void theWorldIsBehindExactlyWhenItsWorstP99IsOverTheBound() {
        RunResult result = run.result();
        WorldSchedule world = result.world();
        double p50 = result.summary().latency().p50Ms();

        assertThat(world.boundMs()).as("50 ms or 5%% of the run's p50 of %.1f ms, whichever is smaller", p50)
                .isCloseTo(Math.min(50, 0.05 * p50), within(1e-9));
        assertThat(world.worstP99Ms()).as("the worst p99 is the larger of first-token and token lateness here "
                        + "(the proxy's delay is reported too)")
                .isGreaterThanOrEqualTo(Math.max(world.providers().getFirst().firstToken().p99Ms(),
                        world.providers().getFirst().tokens().p99Ms()));
        assertThat(world.behind()).as("behind, with a worst p99 of %.2f ms against a bound of %.2f ms",
                world.worstP99Ms(), world.boundMs()).isEqualTo(world.worstP99Ms() > world.boundMs());
    }

    @Test
    void theProxyInFrontOfTheProviderReportsItsAddedDelay() {
        WorldSchedule world = run.result().world();

        assertThat(world.proxies()).as("the embedded fault proxy measures its added delay").isNotEmpty();
        assertThat(world.proxies().getFirst().proxy()).as("the proxy in front of the provider").isEqualTo("primary");
        assertThat(world.proxies().getFirst().added().count()).as("connections it forwarded").isPositive();
    }

    @Test
    void theWorldsCpuIsMeasuredOverTheTimeline() {
        WorldSchedule world = run.result().world();

        assertThat(world.cpu()).as("the CPU of the process the world ran in").isNotNull();
        assertThat(world.cpu().cpuSeconds()).as("CPU seconds over the timeline").isPositive();
        assertThat(world.cpu().wallSeconds()).as("the timeline's 2 s, and the last answers after it")
                .isGreaterThanOrEqualTo(1.9);
        assertThat(world.cpu().share()).as("share of the machine")
                .isCloseTo(world.cpu().cpuSeconds() / (world.cpu().wallSeconds() * world.cpu().cores()), within(1e-9));
    }
}
