package dev.brownout.internal.measure;

import dev.brownout.fakes.ledger.CallOutcome;
import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.internal.record.ConnectionRecord;
import dev.brownout.reports.Latency;
import dev.brownout.reports.ProviderLateness;
import dev.brownout.reports.WorldCpu;
import dev.brownout.reports.WorldSchedule;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The world's schedule judged from hand-built ledgers and connection logs whose percentiles are known: 100 calls late
 * by 1, 2, ... 100 ms have a p50 of 50 ms, a p99 of 99 ms and a max of 100 ms (within the 1% of the estimator).
 */
class WorldScheduleMeasureTest {

    private static final Latency FAST_RUN = new Latency(100, 2_000.0, 3_000.0, 4_000.0, 5_000.0);

    private static ProviderCall late(String provider, Double firstTokenLateMs, Double maxTokenLateMs) {
        return new ProviderCall(0, Instant.EPOCH, provider, "openai", "m", "m", "req", null, 200,
                CallOutcome.COMPLETE, maxTokenLateMs != null, 10, 10, BigDecimal.ZERO, null, null, null, null, null,
                List.of(), 100L, 100, null, null, firstTokenLateMs, maxTokenLateMs);
    }

    private static ConnectionRecord connection(String proxy, String outcome, Double addedDelayMs) {
        return new ConnectionRecord(1, Instant.EPOCH, proxy, "127.0.0.1:1", outcome, 10, 100, 100, 100, addedDelayMs);
    }

    /** Calls of {@code provider} late by 1..100 ms at their first token, scaled by {@code factor}. */
    private static List<ProviderCall> oneToHundred(String provider, double factor) {
        List<ProviderCall> calls = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            calls.add(late(provider, i * factor, null));
        }
        return calls;
    }

    @Test
    void eachProvidersFirstTokenLatenessIsSummarisedByItsPercentiles() {
        WorldSchedule world = WorldScheduleMeasure.measure(List.of("primary"), oneToHundred("primary", 0.1),
                ProxyConnections.none(), FAST_RUN, null);

        Latency first = world.providers().getFirst().firstToken();
        assertThat(first.count()).as("calls whose first token was planned").isEqualTo(100);
        assertThat(first.p50Ms()).as("p50 of 0.1..10 ms").isCloseTo(5.0, within(0.1));
        assertThat(first.p99Ms()).as("p99 of 0.1..10 ms").isCloseTo(9.9, within(0.1));
        assertThat(first.maxMs()).as("max of 0.1..10 ms").isCloseTo(10.0, within(0.01));
        assertThat(world.worstP99Ms()).as("the worst p99 is the only one measured").isCloseTo(9.9, within(0.1));
        assertThat(world.behind()).as("9.9 ms at p99 is under 50 ms and under 5% of a 2 s p50").isFalse();
        assertThat(world.reason()).as("a world on schedule has no reason to give").isNull();
    }

    @Test
    void aWorldLateByMoreThanFiftyMillisecondsAtP99FellBehind() {
        WorldSchedule world = WorldScheduleMeasure.measure(List.of("primary"), oneToHundred("primary", 1),
                ProxyConnections.none(), FAST_RUN, null);

        assertThat(world.boundMs()).as("50 ms is smaller than 5%% of a 2 s p50 (100 ms)").isEqualTo(50.0);
        assertThat(world.behind()).as("99 ms at p99 against a 50 ms bound").isTrue();
        assertThat(world.reason()).as("the reason names whose lateness, how much and the bound")
                .contains("primary's first tokens").contains("99").contains("50 ms");
        assertThat(world.notice()).as("a world behind its schedule has a notice for every report").isPresent();
    }

    @Test
    void theBoundIsFivePercentOfTheRunsMedianLatencyWhenThatIsSmaller() {
        Latency quickRun = new Latency(100, 100.0, 150.0, 200.0, 250.0);
        WorldSchedule world = WorldScheduleMeasure.measure(List.of("primary"), oneToHundred("primary", 0.1),
                ProxyConnections.none(), quickRun, null);

        assertThat(world.boundMs()).as("5%% of a 100 ms p50").isCloseTo(5.0, within(1e-9));
        assertThat(world.behind()).as("9.9 ms at p99 is under 50 ms but over 5%% of the run's p50").isTrue();
        assertThat(world.reason()).as("the reason says the bound came from the p50").contains("5% of the run's p50");
    }

    @Test
    void theWorstStreamedTokenOfEachCallIsTheTokenLateness() {
        List<ProviderCall> calls = new ArrayList<>(oneToHundred("primary", 0.01));
        calls.add(late("backup", 0.5, 80.0));
        WorldSchedule world = WorldScheduleMeasure.measure(List.of("primary", "backup"), calls,
                ProxyConnections.none(), FAST_RUN, null);

        ProviderLateness backup = world.providers().get(1);
        assertThat(backup.provider()).as("providers keep the world's order").isEqualTo("backup");
        assertThat(backup.tokens().count()).as("one streamed call").isEqualTo(1);
        assertThat(world.worstP99Ms()).as("the backup's streamed token is the worst figure").isCloseTo(80.0, within(0.8));
        assertThat(world.reason()).as("the reason names the backup's tokens").contains("backup's streamed tokens");
    }

    @Test
    void aProviderWithNoCallIsReportedEmptyRatherThanLeftOut() {
        WorldSchedule world = WorldScheduleMeasure.measure(List.of("primary", "idle"), oneToHundred("primary", 0.1),
                ProxyConnections.none(), FAST_RUN, null);

        assertThat(world.providers()).extracting(ProviderLateness::provider).as("every provider of the world")
                .containsExactly("primary", "idle");
        assertThat(world.providers().get(1).firstToken()).as("nothing measured for an idle provider")
                .isEqualTo(Latency.EMPTY);
    }

    @Test
    void theProxysAddedDelayCountsEveryConnectionButThoseRefusedBeforeAByteWasRead() {
        List<ConnectionRecord> log = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            log.add(connection("primary", ConnectionRecord.FORWARDED, (double) i));
        }
        log.add(connection("primary", ConnectionRecord.REFUSED_WHILE_DOWN, 10_000.0));
        WorldSchedule world = WorldScheduleMeasure.measure(List.of("primary"), List.of(),
                ProxyConnections.of(log), FAST_RUN, null);

        assertThat(world.proxies()).as("one proxy measured").hasSize(1);
        assertThat(world.proxies().getFirst().added().count()).as("forwarded connections only").isEqualTo(100);
        assertThat(world.proxies().getFirst().added().p99Ms()).as("p99 of 1..100 ms").isCloseTo(99.0, within(1.0));
        assertThat(world.reason()).as("the proxy's delay is what fell behind").contains("fault proxy in front of primary");
    }

    @Test
    void aRunWithNothingScheduledHasNoLatenessAndIsNotBehind() {
        WorldSchedule world = WorldScheduleMeasure.measure(List.of("primary"), List.of(late("primary", null, null)),
                ProxyConnections.notCounted("a real Toxiproxy keeps no connection log"), Latency.EMPTY, null);

        assertThat(world.worstP99Ms()).as("no lateness was measured").isNull();
        assertThat(world.behind()).as("nothing measured cannot be behind").isFalse();
        assertThat(world.proxies()).as("no proxy figures without a connection log").isEmpty();
        assertThat(world.boundMs()).as("without a p50 the bound is 50 ms").isEqualTo(50.0);
    }

    @Test
    void theCpuFiguresAreCarriedAsMeasured() {
        WorldCpu cpu = new WorldCpu(3.0, 10.0, 2, 0.15, "the harness's JVM");
        WorldSchedule world = WorldScheduleMeasure.measure(List.of("primary"), List.of(), ProxyConnections.none(),
                FAST_RUN, cpu);

        assertThat(world.cpu()).as("the world's CPU as given").isEqualTo(cpu);
    }
}
