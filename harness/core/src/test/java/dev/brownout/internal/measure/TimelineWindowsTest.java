package dev.brownout.internal.measure;

import dev.brownout.internal.record.ExchangeRecord;
import dev.brownout.reports.FailoverResult;
import dev.brownout.reports.PhaseSpec;
import dev.brownout.reports.Timeline;
import dev.brownout.reports.Window;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.IntToDoubleFunction;

import static dev.brownout.internal.measure.Records.answered;
import static dev.brownout.internal.measure.Records.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

class TimelineWindowsTest {

    /** healthy 0-10 s, outage 10-20 s on openai, after 20-40 s; windows of 5 s: 8 of them. */
    private static final List<PhaseSpec> PHASES = List.of(new PhaseSpec("healthy", 0, 10_000, List.of()),
            new PhaseSpec("outage", 10_000, 20_000, List.of("openai")), new PhaseSpec("after", 20_000, 40_000, List.of()));

    private static String phaseOf(double ms) {
        return ms < 10_000 ? "healthy" : ms < 20_000 ? "outage" : "after";
    }

    /**
     * Ten exchanges a window (every 500 ms) for 40 s; {@code scoreInWindow} gives each window's chaos score,
     * a negative one meaning every exchange of that window fails.
     */
    private static List<ExchangeRecord> run(IntToDoubleFunction scoreInWindow) {
        List<ExchangeRecord> exchanges = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            double intended = i * 500;
            double score = scoreInWindow.applyAsDouble((int) (intended / 5000));
            exchanges.add(score < 0 ? error("t" + i, phaseOf(intended), intended)
                    : answered("t" + i, phaseOf(intended), intended, score));
        }
        return exchanges;
    }

    private static QualityMeasurement measure(List<ExchangeRecord> chaos, List<ExchangeRecord> baseline) {
        return QualityMeasure.measure(chaos, baseline, Map.of(), Map.of(), model -> OptionalDouble.empty(), PHASES,
                Map.of(), 40_000, 5_000);
    }

    @Test
    void windowsCarryTheirPhaseCountsQualityAndLossAgainstTheBaseline() {
        // baseline: every exchange answered, score 1
        // chaos by window: 0-1 score 1; 2 (10-15 s) all fail; 3 (15-20 s) answered at 0.5; 4 at 0.9; 5-7 at 1
        // window 2: 10 exchanges, 0 answered, availability 0, quality 0, baseline 1 / 1, IQ loss 1
        // window 3: availability 1, quality 0.5, IQ loss 1 - 0.5 = 0.5; window 4: IQ loss 1 - 0.9 = 0.1
        List<ExchangeRecord> baseline = run(window -> 1);
        List<ExchangeRecord> chaos = run(window -> switch (window) {
            case 2 -> -1;
            case 3 -> 0.5;
            case 4 -> 0.9;
            default -> 1;
        });

        Timeline timeline = measure(chaos, baseline).timeline();

        assertThat(timeline.windowMs()).isEqualTo(5_000);
        assertThat(timeline.windows()).hasSize(8);
        assertThat(timeline.windows()).extracting(Window::phase).containsExactly("healthy", "healthy", "outage",
                "outage", "after", "after", "after", "after");
        Window failing = timeline.windows().get(2);
        assertThat(failing).usingRecursiveComparison().ignoringFields("p99LatencyMs")
                .isEqualTo(new Window(10_000, 15_000, "outage", 10, 0, 0.0, 0.0, 1.0, 1.0, 1.0, null));
        // every exchange took 100 ms; Micrometer's percentile is within 1% of it (it reads 99.94)
        assertThat(failing.p99LatencyMs()).isCloseTo(100, withinPercentage(1));
        assertThat(timeline.windows().get(3).iqLoss()).isEqualTo(0.5);
        assertThat(timeline.windows().get(4).iqLoss()).isCloseTo(0.1, within(1e-12));
        assertThat(timeline.windows().get(0).iqLoss()).isZero();
    }

    @Test
    void failoverIsTheFirstWindowOfThePhaseBackWithinFivePointsOfBaselineAvailability() {
        // window 2 (10-15 s) fails entirely, window 3 (15-20 s) is answered: failover 15 000 - 10 000 = 5 000 ms
        // recovery: quality back at window 4 (20 s, the phase's end) and window 5 too: 0 ms after the end
        List<ExchangeRecord> chaos = run(window -> window == 2 ? -1 : window == 3 ? 0.5 : 1);

        List<FailoverResult> failover = measure(chaos, run(window -> 1)).failover();

        assertThat(failover).containsExactly(new FailoverResult("outage", 5_000L, 0L));
    }

    @Test
    void recoveryNeedsTheNextWindowToHoldTooUnlessItIsTheLast() {
        // after the outage ends at 20 s: window 4 q = 0.9 (too low), window 5 q = 1 but window 6 q = 0.9 (breaks),
        // window 7 q = 1 and is the last window: recovered at 35 000, 15 000 ms after the end
        // failover: window 2, the outage's first, is answered in full -> 0 ms
        List<ExchangeRecord> chaos = run(window -> switch (window) {
            case 4, 6 -> 0.9;
            default -> 1;
        });

        List<FailoverResult> failover = measure(chaos, run(window -> 1)).failover();

        assertThat(failover).containsExactly(new FailoverResult("outage", 0L, 15_000L));
    }

    @Test
    void qualityWithinTwoPointsOfTheBaselineCountsAsRecovered() {
        // window 4 (20-25 s): 9 of 10 score 1 and one 0.8 -> q = 0.98, baseline 1, within 2 points
        // window 5 and later score 1: recovered at 20 000, 0 ms after the end
        // windows 2 and 3 fail entirely: no failover within the phase -> null
        List<ExchangeRecord> chaos = new ArrayList<>();
        for (ExchangeRecord exchange : run(window -> window == 2 || window == 3 ? -1 : 1)) {
            chaos.add(exchange.intendedMs() == 20_000 ? answered(exchange.taskId(), "after", 20_000, 0.8) : exchange);
        }

        List<FailoverResult> failover = measure(chaos, run(window -> 1)).failover();

        assertThat(failover).containsExactly(new FailoverResult("outage", null, 0L));
    }

    @Test
    void neverRecoveringLeavesTheTimeToRecoverNull() {
        // every window after the outage scores 0.5 against a baseline of 1
        List<ExchangeRecord> chaos = run(window -> window >= 4 ? 0.5 : 1);

        assertThat(measure(chaos, run(window -> 1)).failover())
                .containsExactly(new FailoverResult("outage", 0L, null));
    }

    @Test
    void windowsRestartAtEachPhaseSoEveryWindowLiesInOnePhase() {
        // phases a at 0 and b at 7 s; windows of 5 s: [0, 5) a, [5, 7) a (cut short at b), [7, 12) b, [12, 15) b
        List<PhaseSpec> phases = List.of(new PhaseSpec("a", 0, 7_000, List.of()), new PhaseSpec("b", 7_000, 15_000, List.of()));

        Timeline timeline = TimelineWindows.of(List.of(), null, PairedTasks.none(), phases, 15_000, 5_000);

        assertThat(timeline.windows()).extracting(Window::phase).containsExactly("a", "a", "b", "b");
        assertThat(timeline.windows()).extracting(Window::startMs).containsExactly(0L, 5_000L, 7_000L, 12_000L);
        assertThat(timeline.windows()).extracting(Window::endMs).containsExactly(5_000L, 7_000L, 12_000L, 15_000L);
        assertThat(timeline.windows()).extracting(Window::exchanges).containsOnly(0L);
        assertThat(timeline.windows()).extracting(Window::availability).containsOnlyNulls();
    }

    @Test
    void theDefaultWidthIsASixtiethOfTheRunInWholeSecondsAndAtLeastOne() {
        // 10 min / 60 = 10 s; 30 s / 60 = 0.5 s -> 1 s (rounded, and the minimum); 100 s / 60 = 1.67 s -> 2 s
        assertThat(QualityMeasure.defaultWindowMs(600_000)).isEqualTo(10_000);
        assertThat(QualityMeasure.defaultWindowMs(30_000)).isEqualTo(1_000);
        assertThat(QualityMeasure.defaultWindowMs(100_000)).isEqualTo(2_000);
        assertThat(QualityMeasure.defaultWindowMs(0)).isEqualTo(1_000);
    }
}
