package dev.brownout.scenario;

import dev.brownout.fakes.behaviour.ErrorFault;
import dev.brownout.fakes.behaviour.Fault;
import dev.brownout.fakes.behaviour.LatencyFault;
import dev.brownout.fakes.behaviour.StallFault;
import dev.brownout.reports.gate.GateMetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TimeScalingTest {

    @Test
    void fourMinuteScenarioPlaysInTwelveSecondsAtScaleOneTwentieth() {
        Scenario scenario = ScenarioLibrary.load("oauth-outage");
        assertThat(scenario.duration()).as("duration at scale 1").isEqualTo(Duration.ofMinutes(4));

        Scenario fast = scenario.scaled(0.05);

        assertThat(fast.duration()).as("duration at scale 0.05").isEqualTo(Duration.ofSeconds(12));
        assertThat(fast.timeline()).extracting(Phase::at).as("phase offsets at scale 0.05")
                .containsExactly(Duration.ZERO, Duration.ofSeconds(3), Duration.ofMillis(7500));
        assertThat(fast.workload().rate().perSecond()).as("arrivals per second at scale 0.05")
                .isCloseTo(scenario.workload().rate().perSecond() * 20, within(1e-9));
        assertThat(fast.workload().timeout()).as("task timeout at scale 0.05").isEqualTo(Duration.ofMillis(1500));
        assertThat(fast.world().oauth().tokenTtl()).as("token lifetime at scale 0.05").isEqualTo(Duration.ofSeconds(3));
        assertThat(fast.timeScale()).as("time scale the engine applies to model pace").isEqualTo(0.05);
    }

    @Test
    void httpFaultDurationsScaleAndRatiosDoNot() {
        Scenario scenario = ScenarioLibrary.load("provider-brownout");
        Scenario fast = scenario.scaled(0.05);

        List<Fault> before = scenario.timeline().get(2).faultsOn("primary").orElseThrow().providerBehaviour().faults();
        List<Fault> after = fast.timeline().get(2).faultsOn("primary").orElseThrow().providerBehaviour().faults();

        assertThat(((LatencyFault) after.get(0)).extraTtft()).as("extra TTFT 4s at scale 0.05")
                .isEqualTo(Duration.ofMillis(200));
        assertThat(((ErrorFault) after.get(2)).retryAfter()).as("retry-after 2s at scale 0.05")
                .isEqualTo(Duration.ofMillis(100));
        assertThat(after).extracting(Fault::probability).as("probabilities at scale 0.05")
                .containsExactlyElementsOf(before.stream().map(Fault::probability).toList());
        assertThat(((ErrorFault) after.get(1)).status()).as("status at scale 0.05").isEqualTo(529);
    }

    @Test
    void toxicTimesScaleBandwidthAndRateLimitsRiseAndTokenCountsStay() {
        Scenario slow = ScenarioLibrary.load("slow-stream").scaled(0.05);
        TargetFaults stalling = slow.timeline().get(2).faultsOn("primary").orElseThrow();
        Toxic latency = stalling.network().toxics().getFirst();
        StallFault stall = (StallFault) stalling.providerBehaviour().faults().get(1);

        assertThat(latency.attributes()).as("latency toxic at scale 0.05 (ms)")
                .containsEntry("latency", 15L).containsEntry("jitter", 5L);
        assertThat(stall.duration()).as("stall of 60s at scale 0.05").isEqualTo(Duration.ofSeconds(3));
        assertThat(stall.afterTokens()).as("stall's token count at scale 0.05").isEqualTo(5);

        Toxic bandwidth = new Toxic(ToxicKind.BANDWIDTH, null, 1, java.util.Map.of("rate", 100L)).scaled(0.05);
        assertThat(bandwidth.attribute("rate")).as("bandwidth 100 KB/s at scale 0.05").isEqualTo(2000L);

        Scenario storm = ScenarioLibrary.load("rate-limit-storm").scaled(0.05);
        assertThat(storm.timeline().get(1).faultsOn("primary").orElseThrow().providerBehaviour().rateLimit()
                .requestsPerMinute()).as("requests per minute as written: the fakes count a minute on the scenario's clock")
                .isEqualTo(120);
        assertThat(storm.worldConfig().minute()).as("a minute on the clock of scale 0.05").isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aLoadScaleThinsTheLoadAndTheQuotasItSharesButNotTheClock() {
        Scenario storm = ScenarioLibrary.load("rate-limit-storm");

        Scenario quarter = storm.loadScaled(0.25);

        assertThat(quarter.workload().rate().perSecond()).as("arrivals per second at load 0.25")
                .isCloseTo(storm.workload().rate().perSecond() / 4, within(1e-9));
        assertThat(quarter.timeline().get(1).faultsOn("primary").orElseThrow().providerBehaviour().rateLimit())
                .as("the quota-cut phase's limits at load 0.25")
                .isEqualTo(new dev.brownout.fakes.behaviour.RateLimit(30, 50_000));
        assertThat(quarter.timeline()).extracting(Phase::at).as("phase offsets are kept")
                .isEqualTo(storm.timeline().stream().map(Phase::at).toList());
        assertThat(quarter.duration()).as("duration is kept").isEqualTo(storm.duration());
        assertThat(quarter.loadScale()).isEqualTo(0.25);
        assertThat(ScenarioLibrary.load("slow-stream").loadScaled(0.01).workload().concurrency())
                .as("16 agents at load 0.01 is still one agent").isEqualTo(1);
    }

    @Test
    void aLoadScaleAboveOneOrAtZeroIsRefused() {
        Scenario storm = ScenarioLibrary.load("rate-limit-storm");

        assertThatThrownBy(() -> storm.loadScaled(0))
                .hasMessageContaining("a load scale must be a number > 0 and at most 1");
        assertThatThrownBy(() -> storm.loadScaled(2))
                .hasMessageContaining("a load scale must be a number > 0 and at most 1");
    }

    @Test
    void durationGatesAndChecksScaleOtherGatesDoNot() {
        Scenario scenario = ScenarioLibrary.load("oauth-outage");
        Scenario fast = scenario.scaled(0.05);

        assertThat(fast.gate(GateMetric.P99_LATENCY).orElseThrow().threshold()).as("p99 gate of 8s at scale 0.05, seconds")
                .isCloseTo(0.4, within(1e-9));
        assertThat(fast.gate(GateMetric.IQ_LOSS)).as("iq_loss gate at scale 0.05").isEqualTo(scenario.gate(GateMetric.IQ_LOSS));
        assertThat(fast.checks().required()).as("required checks at scale 0.05")
                .contains(new Check(CheckKind.NO_HANG_PAST, Duration.ofMillis(1500)),
                        new Check(CheckKind.MAX_ATTEMPTS_PER_TASK, 4L));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.05, 0.1, 0.5, 2.0, 3.0})
    void everyShippedScenarioScalesItsClockConsistently(double factor) {
        for (String name : ScenarioLibrary.names()) {
            Scenario scenario = ScenarioLibrary.load(name);
            Scenario scaled = scenario.scaled(factor);
            String label = name + " at scale " + factor;

            assertThat(scaled.duration().toNanos()).as("duration of " + label)
                    .isCloseTo(Math.round(scenario.duration().toNanos() * factor), within(1L));
            for (int i = 0; i < scenario.timeline().size(); i++) {
                Phase phase = scenario.timeline().get(i);
                Phase scaledPhase = scaled.timeline().get(i);
                assertThat(scaledPhase.at().toNanos()).as("offset of phase " + phase.name() + " of " + label)
                        .isCloseTo(Math.round(phase.at().toNanos() * factor), within(1L));
                assertThat(scaled.endOf(scaledPhase).minus(scaledPhase.at()).toNanos())
                        .as("length of phase " + phase.name() + " of " + label)
                        .isCloseTo(Math.round(scenario.endOf(phase).minus(phase.at()).toNanos() * factor), within(2L));
                assertThat(scaledPhase.faults()).extracting(TargetFaults::target).as("targets of " + phase.name())
                        .containsExactlyElementsOf(phase.faults().stream().map(TargetFaults::target).toList());
            }
            if (scenario.workload().rate() != null) {
                double tasksPerRun = scenario.workload().rate().perSecond() * scenario.duration().toNanos() / 1e9;
                double scaledTasksPerRun = scaled.workload().rate().perSecond() * scaled.duration().toNanos() / 1e9;
                assertThat(scaledTasksPerRun).as("tasks sent in a run of " + label).isCloseTo(tasksPerRun, within(1e-6));
            } else {
                assertThat(scaled.workload().concurrency()).as("agents of " + label)
                        .isEqualTo(scenario.workload().concurrency());
            }
            assertThat(scaled.workload().timeout().toNanos()).as("timeout of " + label)
                    .isCloseTo(Math.round(scenario.workload().timeout().toNanos() * factor), within(1L));
            assertThat(scaled.seed()).as("seed of " + label).isEqualTo(scenario.seed());
        }
    }

    @Test
    void scaleThatWouldPushATokenLifetimeUnderOneSecondIsRefused() {
        Scenario scenario = ScenarioLibrary.load("oauth-outage");
        assertThatThrownBy(() -> scenario.scaled(0.01)).as("oauth-outage at scale 0.01")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("time scale 0.01 would make an OAuth lifetime of 1m shorter than the OAuth server's "
                        + "minimum of 1s; use a scale of at least 0.0167");
    }

    @Test
    void oauthFaultDurationsScale() {
        String yaml = TestScenarios.with("- target: primary", "- target: oauth")
                .replace("        network:\n          toxics:\n            - { type: latency, latency: 2s, jitter: 100ms }\n", "")
                .replace("          faults:\n            - { type: error, status: 529, probability: 0.5 }",
                        "          token_endpoint: { delay: 2s, error_rate: 0.5 }");
        Scenario fast = ScenarioLoader.parse(yaml, TestScenarios.ORIGIN).scaled(0.05);

        var behaviour = fast.timeline().get(1).faultsOn("oauth").orElseThrow().oauthBehaviour();
        assertThat(behaviour.tokenEndpoint().delay()).as("token endpoint delay 2s at scale 0.05")
                .isEqualTo(Duration.ofMillis(100));
        assertThat(behaviour.tokenEndpoint().errorRate()).as("error rate at scale 0.05").isEqualTo(0.5);
    }

    @Test
    void scaleMustBePositive() {
        Scenario scenario = ScenarioLibrary.load("slow-stream");
        assertThatThrownBy(() -> scenario.scaled(0)).as("scale 0")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be a number > 0");
        assertThatThrownBy(() -> scenario.scaled(Double.NaN)).as("scale NaN")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
