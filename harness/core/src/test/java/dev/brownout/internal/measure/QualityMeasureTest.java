package dev.brownout.internal.measure;

import dev.brownout.fakes.catalog.ModelCatalog;
import dev.brownout.fakes.ledger.CallOutcome;
import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.internal.record.ExchangeRecord;
import dev.brownout.internal.record.PhaseRecord;
import dev.brownout.reports.Attribution;
import dev.brownout.reports.Cause;
import dev.brownout.reports.ExchangeResult;
import dev.brownout.reports.PhaseResult;
import dev.brownout.reports.PhaseSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;

import static dev.brownout.internal.measure.Calls.call;
import static dev.brownout.internal.measure.Calls.failed;
import static dev.brownout.internal.measure.Calls.served;
import static dev.brownout.internal.measure.Records.aborted;
import static dev.brownout.internal.measure.Records.answered;
import static dev.brownout.internal.measure.Records.error;
import static dev.brownout.internal.measure.Records.timeout;
import static dev.brownout.internal.measure.Records.truncated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

class QualityMeasureTest {

    /** healthy 0-10 s, outage 10-20 s on openai, after 20-30 s. */
    private static final List<PhaseSpec> PHASES = List.of(new PhaseSpec("healthy", 0, 10_000, List.of()),
            new PhaseSpec("outage", 10_000, 20_000, List.of("openai")), new PhaseSpec("after", 20_000, 30_000, List.of()));

    private static final Function<String, OptionalDouble> CAPABILITY = model -> switch (model) {
        case "frontier" -> OptionalDouble.of(0.9);
        case "small" -> OptionalDouble.of(0.6);
        default -> OptionalDouble.empty();
    };

    private static String phaseOf(int second) {
        return second < 10 ? "healthy" : second < 20 ? "outage" : "after";
    }

    /** One task a second for 30 s, every one answered with score 1: the baseline. */
    private static List<ExchangeRecord> perfectBaseline() {
        List<ExchangeRecord> baseline = new ArrayList<>();
        for (int s = 0; s < 30; s++) {
            baseline.add(answered("t" + s, phaseOf(s), s * 1000, 1));
        }
        return baseline;
    }

    private static QualityMeasurement measure(List<ExchangeRecord> chaos, List<ExchangeRecord> baseline,
                                              Map<String, List<ProviderCall>> chaosLedger,
                                              Map<String, List<ProviderCall>> baselineLedger) {
        return QualityMeasure.measure(chaos, baseline, chaosLedger, baselineLedger, CAPABILITY, PHASES, Map.of(),
                30_000, 5_000);
    }

    @Test
    void failingEveryRequestDuringOnePhaseLosesThatPhasesShareAllToErrors() {
        // 30 equal tasks (score 1 in the baseline); the 10 due in the outage all fail in the chaos run
        // IQ loss = 1 - 20/30 = 10/30 = 1/3, all of it errors; the outage phase loses 1, the others 0
        List<ExchangeRecord> chaos = new ArrayList<>();
        for (int s = 0; s < 30; s++) {
            chaos.add(phaseOf(s).equals("outage") ? error("t" + s, "outage", s * 1000) : answered("t" + s, phaseOf(s), s * 1000, 1));
        }

        QualityMeasurement result = measure(chaos, perfectBaseline(), Map.of(), Map.of());

        assertThat(result.quality().iqLoss().value()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(result.attribution()).isEqualTo(new Attribution(10.0 / 30, 0, 0, 0, 0));
        assertThat(result.phases()).extracting(phase -> phase.iqLoss().value()).containsExactly(0.0, 1.0, 0.0);
        assertThat(result.exchanges()).filteredOn(e -> e.phase().equals("outage"))
                .extracting(ExchangeResult::cause).containsOnly(Cause.ERROR);
        assertThat(result.exchanges()).filteredOn(e -> !e.phase().equals("outage"))
                .extracting(ExchangeResult::cause).containsOnlyNulls();
    }

    @Test
    void failoverToAWeakerModelLosesTheCapabilityGapTimesTheShareAsDowngrade() {
        // 20 tasks in the healthy phase, baseline score 1, all served by openai/frontier (capability 0.9)
        // in the chaos run 5 of 20 (share 0.25) fail over to anthropic/small (capability 0.6) and score 1 - 0.3
        // = 0.7; IQ loss = 0.25 x 0.3 = 0.075 = 1 - (15 + 5 x 0.7) / 20, all of it downgrade
        // task t0 is a silent substitution: openai reports frontier but its ledger says small served it
        List<ExchangeRecord> chaos = new ArrayList<>();
        List<ExchangeRecord> baseline = new ArrayList<>();
        Map<String, List<ProviderCall>> chaosLedger = new HashMap<>();
        Map<String, List<ProviderCall>> baselineLedger = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            String task = "t" + i;
            baseline.add(answered(task, "healthy", i * 400, 1));
            baselineLedger.put(task, List.of(served("openai", "frontier", task)));
            if (i == 0) {
                chaos.add(answered(task, "healthy", i * 400, 0.7));
                chaosLedger.put(task, List.of(call("openai", "frontier", "small", 200, CallOutcome.COMPLETE, task)));
            } else if (i % 4 == 0) {
                chaos.add(answered(task, "healthy", i * 400, 0.7));
                chaosLedger.put(task, List.of(failed("openai", "frontier", task), served("anthropic", "small", task)));
            } else {
                chaos.add(answered(task, "healthy", i * 400, 1));
                chaosLedger.put(task, List.of(served("openai", "frontier", task)));
            }
        }

        QualityMeasurement result = measure(chaos, baseline, chaosLedger, baselineLedger);

        assertThat(result.quality().iqLoss().value()).isCloseTo(0.075, within(1e-12));
        assertThat(result.attribution().downgrade()).isCloseTo(0.075, within(1e-12));
        assertThat(result.attribution().total() - result.attribution().downgrade()).isCloseTo(0, within(1e-15));
        assertThat(result.exchanges()).filteredOn(e -> e.score() < 1).extracting(ExchangeResult::cause)
                .hasSize(5).containsOnly(Cause.DOWNGRADE);
        assertThat(result.exchanges().get(4).servedBy()).containsExactly("openai/frontier", "anthropic/small");
        assertThat(result.exchanges().get(0).servedBy()).containsExactly("openai/small");
        assertThat(result.exchanges().get(4).baselineScore()).isEqualTo(1.0);
    }

    @Test
    void eachLostPointGoesToItsCauseAndThePartsSumToTheLoss() {
        // baseline: t0..t9 score 1 but t5 scores 0.5 -> Σb = 9.5
        // chaos: t0 error (lost 1), t1 timeout (lost 1), t2 truncated scoring 0.3 (lost 0.7),
        //        t3 answered 0.5 while its serving call was cut (lost 0.5), t4 answered 0.8 (lost 0.2, other),
        //        t5 answered 1 against 0.5 (a gain of 0.5, other), t6..t9 answered 1 (lost 0)
        // error = 1/9.5, timeout = 1/9.5, degraded = 1.2/9.5, downgrade = 0, other = (0.2 - 0.5)/9.5 = -0.3/9.5
        // IQ loss = 2.9/9.5 = 1 - 6.6/9.5
        List<ExchangeRecord> baseline = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            baseline.add(answered("t" + i, "healthy", i * 100, i == 5 ? 0.5 : 1));
        }
        List<ExchangeRecord> chaos = List.of(error("t0", "healthy", 0), timeout("t1", "healthy", 100),
                truncated("t2", "healthy", 200, 0.3), answered("t3", "healthy", 300, 0.5),
                answered("t4", "healthy", 400, 0.8), answered("t5", "healthy", 500, 1),
                answered("t6", "healthy", 600, 1), answered("t7", "healthy", 700, 1),
                answered("t8", "healthy", 800, 1), answered("t9", "healthy", 900, 1));
        Map<String, List<ProviderCall>> chaosLedger = Map.of("t3",
                List.of(call("openai", "frontier", "frontier", 200, CallOutcome.CUT, "t3")));

        QualityMeasurement result = measure(chaos, baseline, chaosLedger, Map.of());

        Attribution parts = result.attribution();
        assertThat(parts.error()).isCloseTo(1 / 9.5, within(1e-12));
        assertThat(parts.timeout()).isCloseTo(1 / 9.5, within(1e-12));
        assertThat(parts.degraded()).isCloseTo(1.2 / 9.5, within(1e-12));
        assertThat(parts.downgrade()).isZero();
        assertThat(parts.other()).isCloseTo(-0.3 / 9.5, within(1e-12));
        assertThat(result.quality().iqLoss().value()).isCloseTo(2.9 / 9.5, within(1e-12));
        assertThat(parts.total()).isCloseTo(result.quality().iqLoss().value(), within(1e-12));
        assertThat(result.exchanges()).extracting(ExchangeResult::cause).containsExactly(Cause.ERROR, Cause.TIMEOUT,
                Cause.DEGRADED, Cause.DEGRADED, Cause.OTHER, null, null, null, null, null);
    }

    @Test
    void aPhasesAttributionSumsToThePhasesLoss() {
        // healthy: t0 lost 1 (error) of Σb = 2 -> error 0.5; outage: t10 lost 0.5 (truncated) of Σb = 2 -> 0.25
        List<ExchangeRecord> baseline = List.of(answered("t0", "healthy", 0, 1), answered("t1", "healthy", 1000, 1),
                answered("t10", "outage", 10_000, 1), answered("t11", "outage", 11_000, 1));
        List<ExchangeRecord> chaos = List.of(error("t0", "healthy", 0), answered("t1", "healthy", 1000, 1),
                truncated("t10", "outage", 10_000, 0.5), answered("t11", "outage", 11_000, 1));

        QualityMeasurement result = measure(chaos, baseline, Map.of(), Map.of());

        PhaseResult healthy = result.phases().get(0);
        PhaseResult outage = result.phases().get(1);
        assertThat(healthy.attribution()).isEqualTo(new Attribution(0.5, 0, 0, 0, 0));
        assertThat(healthy.iqLoss().value()).isEqualTo(0.5);
        assertThat(outage.attribution()).isEqualTo(new Attribution(0, 0, 0, 0.25, 0));
        assertThat(outage.iqLoss().value()).isEqualTo(0.25);
        assertThat(result.phases().get(2).iqLoss()).isNull();
    }

    @Test
    void withoutABaselineTheLossIsUnknownButAvailabilityIsMeasured() {
        // 4 exchanges, 3 answered (scores 1, 1, 0.5), 1 error: availability 0.75, Q = 2.5/4 = 0.625
        List<ExchangeRecord> chaos = List.of(answered("a", "healthy", 0, 1), answered("b", "healthy", 1000, 1),
                answered("c", "healthy", 2000, 0.5), error("d", "healthy", 3000));

        QualityMeasurement result = measure(chaos, null, Map.of(), null);

        assertThat(result.summary().availability()).isEqualTo(0.75);
        assertThat(result.quality().score()).isEqualTo(0.625);
        assertThat(result.quality().baselineScore()).isNull();
        assertThat(result.quality().iqLoss()).isNull();
        assertThat(result.attribution()).isNull();
        assertThat(result.phases().get(0).availability()).isEqualTo(0.75);
        assertThat(result.phases().get(0).iqLoss()).isNull();
        assertThat(result.timeline().windows().get(0).availability()).isEqualTo(0.75);
        assertThat(result.timeline().windows().get(0).iqLoss()).isNull();
        assertThat(result.timeline().windows().get(0).baselineAvailability()).isNull();
        assertThat(result.failover()).extracting(f -> f.timeToFailoverMs(), f -> f.timeToRecoverMs())
                .containsExactly(tuple(null, null));
        assertThat(result.exchanges()).extracting(ExchangeResult::baselineScore).containsOnlyNulls();
    }

    @Test
    void abortedExchangesAreCountedButLeftOutOfEveryFigure() {
        // chaos: a answered 1, b error, c aborted; baseline: a 1, b 1, c 1
        // summary: 3 exchanges, 1 aborted, availability 1/2; Q = 1/2; IQ loss over a, b = 1 - 0.5 = 0.5
        // c is aborted, so neither paired nor unpaired; the baseline's c has no twin left: 1 unpaired there
        List<ExchangeRecord> chaos = List.of(answered("a", "healthy", 0, 1), error("b", "healthy", 1000),
                aborted("c", "healthy", 2000));
        List<ExchangeRecord> baseline = List.of(answered("a", "healthy", 0, 1), answered("b", "healthy", 1000, 1),
                answered("c", "healthy", 2000, 1));

        QualityMeasurement result = measure(chaos, baseline, Map.of(), Map.of());

        assertThat(result.summary().exchanges()).isEqualTo(3);
        assertThat(result.summary().aborted()).isEqualTo(1);
        assertThat(result.summary().availability()).isEqualTo(0.5);
        assertThat(result.summary().latency().count()).isEqualTo(2);
        assertThat(result.quality().score()).isEqualTo(0.5);
        assertThat(result.quality().iqLoss().value()).isEqualTo(0.5);
        assertThat(result.phases().get(0).exchanges()).isEqualTo(2);
        assertThat(result.unpairedChaos()).isZero();
        assertThat(result.unpairedBaseline()).isEqualTo(1);
        assertThat(result.warnings()).hasSize(1);
        assertThat(result.exchanges()).hasSize(3);
    }

    @Test
    void aStallCountsFromTheIntendedSendTimeSoTheP99ShowsIt() {
        // 10 requests a second for 10 s: 100 exchanges due at 0, 100, ..., 9900 ms, normally 50 ms each
        // the SUT stalls from 1 s to 3 s: the 20 due at 1000..2900 are sent at 3000 and end at 3050, so their
        // latency is 3050 - intended: 2050, 1950, ..., 150 (one due at 1500 has 1550)
        // sorted: 80 x 50 ms, then 150 .. 2050 by 100; p99 = 99th of 100 = 1950 ms; max 2050; p50 = 50
        // (measured from the late send instead, every latency would be 50 ms: coordinated omission)
        List<ExchangeRecord> chaos = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            double intended = i * 100;
            boolean stalled = intended >= 1000 && intended < 3000;
            chaos.add(stalled
                    ? Records.answeredLate("t" + i, "healthy", intended, 3000, 3020, 3050)
                    : Records.exchange("t" + i, "healthy", intended, intended + 50, "answered", 200, null, false, 1));
        }

        QualityMeasurement result = measure(chaos, null, Map.of(), null);

        assertThat(result.exchanges().get(15).latencyMs()).isEqualTo(1550);
        assertThat(result.summary().latency().p99Ms()).isCloseTo(1950, withinPercentage(1));
        assertThat(result.summary().latency().maxMs()).isCloseTo(2050, within(1e-6));
        assertThat(result.summary().latency().p50Ms()).isCloseTo(50, withinPercentage(1));
        // time to first byte: the stalled first bytes at 3020 - intended: max 3020 - 1000 = 2020
        assertThat(result.summary().ttft().maxMs()).isCloseTo(2020, within(1e-6));
        assertThat(result.phases().get(0).latency().p99Ms()).isCloseTo(1950, withinPercentage(1));
        // window 0-5 s holds all 20 stalled exchanges among its 50: p99 = 99th percentile of 30 x 50 and
        // 150..2050 -> rank ceil(0.99 x 50) = 50, the largest: 2050
        assertThat(result.timeline().windows().get(0).p99LatencyMs()).isCloseTo(2050, withinPercentage(1));
    }

    @Test
    void phasesCarryTheirPlayedTimesAndPlannedSpan() {
        // the outage's faults began at 10.2 s and held on openai at a known instant; cost is left at 0
        Instant held = Instant.parse("2026-01-01T00:00:10.300Z");
        Map<String, PhaseRecord> played = Map.of("outage", new PhaseRecord("outage", Duration.ofMillis(10_000),
                Duration.ofMillis(10_200), Map.of("openai", held)));

        QualityMeasurement result = QualityMeasure.measure(perfectBaseline(), perfectBaseline(), Map.of(), Map.of(),
                CAPABILITY, PHASES, played, 30_000, 5_000);

        PhaseResult outage = result.phases().get(1);
        assertThat(outage.plannedAtMs()).isEqualTo(10_000);
        assertThat(outage.startedAtMs()).isEqualTo(10_200);
        assertThat(outage.endMs()).isEqualTo(20_000);
        assertThat(outage.tookEffect()).containsEntry("openai", held);
        assertThat(outage.costUsd()).isZero();
        assertThat(result.phases().get(0).startedAtMs()).isNull();
    }

    @Test
    void theSameInputTwiceGivesEqualResults() {
        // a mix of every outcome with ledgers: two measurements of the same data are equal, figure for figure
        List<ExchangeRecord> chaos = new ArrayList<>();
        Map<String, List<ProviderCall>> ledger = new HashMap<>();
        for (int s = 0; s < 30; s++) {
            String task = "t" + s;
            chaos.add(switch (s % 5) {
                case 0 -> error(task, phaseOf(s), s * 1000);
                case 1 -> timeout(task, phaseOf(s), s * 1000);
                case 2 -> truncated(task, phaseOf(s), s * 1000, 0.4);
                default -> answered(task, phaseOf(s), s * 1000, s % 3 == 0 ? 0.7 : 1);
            });
            ledger.put(task, List.of(failed("openai", "frontier", task), served("anthropic", "small", task)));
        }

        QualityMeasurement first = measure(chaos, perfectBaseline(), ledger, Map.of());
        QualityMeasurement second = measure(List.copyOf(chaos), perfectBaseline(), new HashMap<>(ledger), Map.of());

        assertThat(second).isEqualTo(first);
    }

    @Test
    void capabilityIsReadFromTheCatalogByIdOrAlias() {
        ModelCatalog catalog = ModelCatalog.defaults();
        var model = catalog.models().getFirst();

        Function<String, OptionalDouble> capability = QualityMeasure.capabilityIn(catalog);

        assertThat(capability.apply(model.id())).isEqualTo(OptionalDouble.of(model.capability()));
        assertThat(capability.apply("no-such-model")).isEmpty();
    }

    @Test
    void ledgerCallsGroupByTaskInLedgerOrder() {
        ProviderCall first = failed("openai", "frontier", "t1");
        ProviderCall second = served("anthropic", "small", "t1");
        ProviderCall other = served("openai", "frontier", "t2");
        ProviderCall noTask = served("openai", "frontier", null);

        Map<String, List<ProviderCall>> byTask = QualityMeasure.byTask(List.of(first, other, second, noTask));

        assertThat(byTask).containsOnlyKeys("t1", "t2");
        assertThat(byTask.get("t1")).containsExactly(first, second);
    }
}
