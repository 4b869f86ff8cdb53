package dev.brownout.internal.measure;

import dev.brownout.internal.record.ExchangeRecord;
import dev.brownout.reports.Goodput;
import dev.brownout.reports.PhaseSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A closed-model run built by hand, with exact counts and times. Three phases of one second each: steady, slow
 * (the SUT holds its agents up) and recovery.
 *
 * <p>The baseline sends tasks t-00 to t-59, twenty a phase, and gets every one right but t-03 and t-07: 18, 20 and 20
 * correct, 58 in all. The chaos run sends t-00 to t-19 in steady with the same grades (18 correct), only t-20 to t-24
 * in slow (5 correct), and t-25 to t-44 in recovery, all right but t-30 (19 correct): 42 correct and 45 tasks in
 * all; t-45 to t-59, fifteen tasks the baseline sent in recovery, are never sent.
 *
 * <p>Goodput loss: run 1 − (42/3)/(58/3) = 16/58; steady 1 − 18/18 = 0; slow 1 − 5/20 = 3/4; recovery 1 − 19/20 =
 * 1/20. IQ loss over the 45 tasks both sent is only 1 − 42/43: the fifteen unsent tasks are outside it.
 */
class GoodputMeasureTest {

    private static final List<PhaseSpec> TIMELINE = List.of(new PhaseSpec("steady", 0, 1_000, List.of()),
            new PhaseSpec("slow", 1_000, 2_000, List.of("primary")), new PhaseSpec("recovery", 2_000, 3_000, List.of()));

    private static String id(int task) {
        return String.format("t-%02d", task);
    }

    /** {@code count} tasks from {@code first}, spread evenly over the phase starting at {@code atMs}. */
    private static void send(List<ExchangeRecord> run, String phase, long atMs, int first, int count, int... wrong) {
        for (int i = 0; i < count; i++) {
            int task = first + i;
            boolean right = java.util.Arrays.stream(wrong).noneMatch(w -> w == task);
            run.add(right ? Records.answered(id(task), phase, atMs + i * (1_000.0 / count), 1.0)
                    : Records.error(id(task), phase, atMs + i * (1_000.0 / count)));
        }
    }

    private static List<ExchangeRecord> baseline() {
        List<ExchangeRecord> run = new ArrayList<>();
        send(run, "steady", 0, 0, 20, 3, 7);
        send(run, "slow", 1_000, 20, 20);
        send(run, "recovery", 2_000, 40, 20);
        return run;
    }

    private static List<ExchangeRecord> chaos() {
        List<ExchangeRecord> run = new ArrayList<>();
        send(run, "steady", 0, 0, 20, 3, 7);
        send(run, "slow", 1_000, 20, 5);
        send(run, "recovery", 2_000, 25, 20, 30);
        return run;
    }

    private static GoodputMeasurement measured() {
        return GoodputMeasure.measure(chaos(), baseline(), TIMELINE, 3_000, 3_000);
    }

    @Test
    void theRunsGoodputLossIsOneMinusItsCorrectAnswersPerSecondOverTheBaselines() {
        Goodput run = measured().run();

        assertThat(run.correct()).as("correct answers in the chaos run").isEqualTo(42);
        assertThat(run.baselineCorrect()).as("correct answers in the baseline").isEqualTo(58);
        assertThat(run.seconds()).as("seconds the chaos run played").isEqualTo(3.0);
        assertThat(run.baselineSeconds()).as("seconds the baseline played").isEqualTo(3.0);
        assertThat(run.loss().value()).as("1 - (42/3) / (58/3)").isCloseTo(16.0 / 58, within(1e-12));
    }

    @Test
    void eachPhasesGoodputLossIsItsOwnCorrectAnswersPerSecondAgainstTheBaselinesSameSpan() {
        GoodputMeasurement measured = measured();

        assertThat(measured.phases().get("steady").loss().value()).as("steady: 18 against 18").isCloseTo(0, within(1e-12));
        assertThat(measured.phases().get("slow").loss().value()).as("slow: 5 against 20").isCloseTo(0.75, within(1e-12));
        assertThat(measured.phases().get("recovery").loss().value()).as("recovery: 19 against 20")
                .isCloseTo(0.05, within(1e-12));
    }

    @Test
    void theIntervalIsTheExactPoissonRatioIntervalOfTheCounts() {
        // SciPy, binomtest(42, 100) exact, mapped through R = p / (1 - p): loss in [-0.0959123191, 0.5251052034]
        Goodput run = measured().run();

        assertThat(run.loss().low()).as("lower end").isCloseTo(-0.09591231910642195, within(1e-7));
        assertThat(run.loss().high()).as("upper end").isCloseTo(0.5251052034376016, within(1e-7));
        // slow: binomtest(5, 25) exact gives a loss in [0.3135529046, 0.9266799350]
        Goodput slow = measured().phases().get("slow");
        assertThat(slow.loss().low()).as("slow, lower end").isCloseTo(0.3135529046232156, within(1e-7));
        assertThat(slow.loss().high()).as("slow, upper end").isCloseTo(0.9266799350062449, within(1e-7));
    }

    @Test
    void theBaselineTasksNeverSentAreCountedWhereTheBaselineSentThem() {
        GoodputMeasurement measured = measured();

        assertThat(measured.run().unsentBaselineTasks()).as("t-45 to t-59").isEqualTo(15);
        assertThat(measured.run().baselineTasks()).as("baseline tasks").isEqualTo(60);
        assertThat(measured.phases().get("recovery").unsentBaselineTasks()).as("all due in the baseline's recovery")
                .isEqualTo(15);
        assertThat(measured.phases().get("slow").unsentBaselineTasks())
                .as("t-20 to t-39 were all sent, t-25 on in the chaos run's recovery").isZero();
        assertThat(measured.phases().get("steady").unsentBaselineTasks()).isZero();
    }

    @Test
    void iqLossOverThePairedTasksCannotSeeTheWorkNotDone() {
        double iqLoss = IqLoss.of(PairedTasks.of(chaos(), baseline()).pairs()).value();

        assertThat(iqLoss).as("IQ loss over the 45 paired tasks, 1 - 42/43").isCloseTo(1 - 42.0 / 43, within(1e-12));
        assertThat(measured().run().loss().value()).as("goodput loss, far above it").isGreaterThan(iqLoss + 0.25);
    }

    @Test
    void aRunStoppedEarlyIsRatedOverWhatItPlayedAndAPhaseItNeverReachedHasNoLoss() {
        // stopped 400 ms into recovery; the exchanges due after that never happened
        List<ExchangeRecord> stopped = chaos().stream().filter(e -> e.intendedMs() < 2_400).toList();

        GoodputMeasurement measured = GoodputMeasure.measure(stopped, baseline(), TIMELINE, 2_400, 3_000);

        assertThat(measured.run().seconds()).as("seconds played").isEqualTo(2.4);
        // recovery: 8 of its 20 tasks were due before 2.4 s, t-25 to t-32, all right but t-30: 7 in 0.4 s against 20 in 1 s
        assertThat(measured.phases().get("recovery").seconds()).isEqualTo(0.4);
        assertThat(measured.phases().get("recovery").loss().value()).as("1 - (7/0.4) / (20/1)")
                .isCloseTo(0.125, within(1e-12));
        assertThat(measured.run().loss().value()).as("run: 1 - (30/2.4) / (58/3)")
                .isCloseTo(1 - (30 / 2.4) / (58 / 3.0), within(1e-12));
        GoodputMeasurement neverReached = GoodputMeasure.measure(
                stopped.stream().filter(e -> e.intendedMs() < 1_000).toList(), baseline(), TIMELINE, 1_000, 3_000);
        assertThat(neverReached.phases().get("recovery").seconds()).isZero();
        assertThat(neverReached.phases().get("recovery").loss()).as("no time played, no rate").isNull();
    }

    @Test
    void withoutABaselineOnlyTheRunsOwnFiguresAreKnown() {
        Goodput run = GoodputMeasure.measure(chaos(), null, TIMELINE, 3_000, 0).run();

        assertThat(run.correct()).isEqualTo(42);
        assertThat(run.loss()).as("no baseline, no loss").isNull();
        assertThat(run.baselineCorrect()).isNull();
        assertThat(run.baselineTasks()).isNull();
        assertThat(run.unsentBaselineTasks()).isZero();
    }

    @Test
    void abortedExchangesAreNeitherCorrectNorSent() {
        List<ExchangeRecord> chaos = new ArrayList<>(chaos());
        chaos.add(Records.aborted(id(45), "recovery", 2_990));

        Goodput run = GoodputMeasure.measure(chaos, baseline(), TIMELINE, 3_000, 3_000).run();

        assertThat(run.unsentBaselineTasks()).as("t-45 was in flight when the run stopped: still left out of IQ loss")
                .isEqualTo(15);
    }

    @Test
    void aCompletedRunPlayedItsWholeTimelineAndAStoppedOneUpToWhereItStopped() {
        List<ExchangeRecord> exchanges = chaos();

        assertThat(GoodputMeasure.playedMs(true, 3_000, 1_200L, exchanges)).as("completed").isEqualTo(3_000);
        assertThat(GoodputMeasure.playedMs(false, 3_000, 2_400L, exchanges)).as("stopped at 2.4 s").isEqualTo(2_400);
        assertThat(GoodputMeasure.playedMs(false, 3_000, 5_000L, exchanges)).as("never past the timeline").isEqualTo(3_000);
        assertThat(GoodputMeasure.playedMs(false, 3_000, null, exchanges))
                .as("end unknown: the last exchange's intended time, 2950 ms").isEqualTo(2_950);
    }
}
