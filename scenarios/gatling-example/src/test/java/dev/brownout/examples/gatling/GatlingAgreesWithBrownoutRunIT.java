package dev.brownout.examples.gatling;

import dev.brownout.Brownout;
import dev.brownout.Sut;
import dev.brownout.reports.BaselineMode;
import dev.brownout.reports.Estimate;
import dev.brownout.reports.ExchangeResult;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.RunResults;
import dev.brownout.reports.ScenarioInfo;
import dev.brownout.reports.Summary;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The proof that Gatling sending the load changes nothing Brownout measures: {@link OAuthOutageSimulation}'s
 * result (played by {@code gatling:test} just before this test, its run folder named in
 * {@code target/brownout-gatling/last-run.txt}) agrees with {@code brownout run} of the same scenario at the same
 * scales against the same gateway, played here with Brownout's own driver.
 */
class GatlingAgreesWithBrownoutRunIT {

    private static final Path LAST_RUN = Path.of(System.getProperty("brownout.lastRun",
            "target/brownout-gatling/last-run.txt"));
    /**
     * How far the two baselines' cost may differ, relative: they send the same tasks with the same seed to a world
     * without faults, so they cost the same to the cent (measured: 0.6908 against 0.6908).
     */
    private static final double BASELINE_COST_TOLERANCE = 0.01;
    /**
     * How far the two runs' cost amplification may differ, relative. Cost has no interval, and the outage's cost
     * depends on how many of its tasks the gateway serves from the cheaper backup: the primary keeps answering until
     * the token it holds when the OAuth server goes down expires. {@code brownout run} plays the outage in a fresh
     * world, so its token is always as old at the outage's onset; a load run's world and gateway carry over from the
     * warm-up and the baseline population, so the token's age there is anything up to its lifetime. Measured at time
     * scale 0.05, load scale 0.25: nine {@code brownout run}s 0.9013 to 0.9024; six Gatling runs 0.855 to 0.946, at
     * most 5.2% from the driver's. 12% is over twice that: about the whole range the token's age can move it, and far
     * less than a gateway that paid twice for a task (retries, hedges, Gatling's re-sent streams) would show.
     */
    private static final double COST_TOLERANCE = 0.12;

    private static RunResult gatling;
    private static RunResult driver;

    @BeforeAll
    static void playTheSameRunWithBrownoutsOwnDriver() throws IOException {
        assertThat(LAST_RUN).as("%s, written by OAuthOutageSimulation.after() when gatling:test played it", LAST_RUN)
                .isRegularFile();
        Path folder = Path.of(Files.readAllLines(LAST_RUN).getFirst().strip());   // the run folder's line
        gatling = RunResults.read(folder.resolve(RunResults.FILE_NAME));

        ScenarioInfo played = gatling.scenario();
        driver = Brownout.scenario(played.name())
                .timeScale(played.timeScale())
                .loadScale(played.loadScale())
                .against(Sut.reference("resilient"))
                .warmup(Duration.ofSeconds(5))       // as the simulation's warm-up: a cold JVM misses scaled budgets
                .outputTo(Path.of("target/brownout-runs"))
                .run()
                .result();
    }

    @Test
    void theGatlingRunIsCompleteAndMeasuredAgainstItsBaselinePopulation() {
        assertThat(gatling.completed()).as("the Gatling run played its whole timeline (stop reason: %s)",
                gatling.stopReason()).isTrue();
        assertThat(gatling.sut().name()).as("the gateway Gatling loaded, as brownout run names it")
                .isEqualTo(driver.sut().name());
        assertThat(gatling.baseline().mode()).as("the baseline of the Gatling run: its baseline population")
                .isEqualTo(BaselineMode.AUTO);
        assertThat(gatling.baseline().completed()).as("the baseline population played to its end").isTrue();
        assertThat(gatling.baseline().quality()).as("the baseline population's graded quality").isNotNull();
    }

    @Test
    void gatlingSentTheScenariosTasksAndEachJoinedTheLedger() {
        assertThat(taskIds(gatling)).as("task ids of the exchanges Gatling's users sent, against brownout run's")
                .isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(taskIds(driver));
        assertThat(gatling.exchanges()).as("answered exchanges of the Gatling run, each served by a provider call")
                .filteredOn(exchange -> exchange.outcome().equals("answered"))
                .isNotEmpty()
                .allSatisfy(exchange -> assertThat(exchange.servedBy()).as("ledger calls of task %s", exchange.taskId())
                        .isNotEmpty());
    }

    /**
     * The comparison's precondition, checked on its own so that its failure says what it means: the resilient gateway
     * answers every task of a fault-free baseline, unless the machine is too busy to keep within the budgets the time
     * scale shrinks (0.5 s to a first byte at 0.05). A starved baseline makes both IQ losses say nothing.
     */
    @Test
    void bothBaselinesAnsweredEveryTask() {
        double timeScale = gatling.scenario().timeScale();
        assertThat(gatling.baseline().availability()).as("availability of the Gatling run's baseline population "
                + "(below 1: the machine was too busy for time scale %s)", timeScale).isEqualTo(1.0);
        assertThat(driver.baseline().availability()).as("availability of brownout run's baseline (below 1: the "
                + "machine was too busy for time scale %s)", timeScale).isEqualTo(1.0);
    }

    @Test
    void iqLossAgreesWithinTheIntervals() {
        assumeBothBaselinesClean();
        Estimate viaGatling = gatling.quality().iqLoss();
        Estimate viaDriver = driver.quality().iqLoss();

        assertThat(viaGatling).as("IQ loss of the Gatling run").isNotNull();
        assertThat(viaDriver).as("IQ loss of brownout run").isNotNull();
        assertOverlap("IQ loss", viaGatling.low(), viaGatling.high(), viaDriver.low(), viaDriver.high());
    }

    @Test
    void availabilityAgreesWithinTheIntervals() {
        assumeBothBaselinesClean();
        double[] viaGatling = wilson(gatling.summary());
        double[] viaDriver = wilson(driver.summary());

        assertOverlap("availability", viaGatling[0], viaGatling[1], viaDriver[0], viaDriver[1]);
    }

    @Test
    void costAgreesWithinTheTolerances() {
        assumeBothBaselinesClean();
        Double viaGatling = gatling.cost().amplification();
        Double viaDriver = driver.cost().amplification();
        double baselineViaDriver = driver.baseline().costUsd();

        assertThat(gatling.baseline().costUsd()).as("cost of the Gatling run's baseline population against brownout "
                        + "run's baseline ($%s), within %s%%", baselineViaDriver, BASELINE_COST_TOLERANCE * 100)
                .isCloseTo(baselineViaDriver, within(baselineViaDriver * BASELINE_COST_TOLERANCE));
        assertThat(viaGatling).as("cost amplification of the Gatling run").isNotNull();
        assertThat(viaDriver).as("cost amplification of brownout run").isNotNull();
        assertThat(viaGatling).as("cost amplification of the Gatling run (%s) against brownout run's (%s), within %s%%",
                        viaGatling, viaDriver, COST_TOLERANCE * 100)
                .isCloseTo(viaDriver, within(viaDriver * COST_TOLERANCE));
    }

    /** A starved baseline fails {@link #bothBaselinesAnsweredEveryTask()}; the comparisons then have nothing to say. */
    private static void assumeBothBaselinesClean() {
        Assumptions.assumeTrue(Double.valueOf(1.0).equals(gatling.baseline().availability())
                        && Double.valueOf(1.0).equals(driver.baseline().availability()),
                "a baseline lost tasks (see bothBaselinesAnsweredEveryTask): the machine was too busy to compare");
    }

    private static void assertOverlap(String figure, Double lowA, Double highA, Double lowB, Double highB) {
        assertThat(List.of(lowA, highA, lowB, highB)).as("both %s intervals are known", figure).doesNotContainNull();
        assertThat(lowA <= highB && lowB <= highA)
                .as("%s: the Gatling run's 95%% interval [%s, %s] overlaps brownout run's [%s, %s]",
                        figure, lowA, highA, lowB, highB)
                .isTrue();
    }

    /** The 95% Wilson score interval of a run's availability: answered out of the exchanges that ended. */
    private static double[] wilson(Summary summary) {
        double n = summary.exchanges() - summary.aborted();
        assertThat(n).as("exchanges that ended").isPositive();
        double p = summary.answered() / n;
        double z = 1.959964;
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z / (1 + z * z / n) * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n));
        return new double[] {centre - half, centre + half};
    }

    private static List<String> taskIds(RunResult result) {
        return result.exchanges().stream().map(ExchangeResult::taskId).toList();
    }
}
