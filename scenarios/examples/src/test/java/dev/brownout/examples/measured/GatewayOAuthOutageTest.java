package dev.brownout.examples.measured;

import dev.brownout.BrownoutRun;
import dev.brownout.junit.BrownoutTest;

import static dev.brownout.assertj.BrownoutAssertions.assertThat;

/**
 * Measured style: each test plays the scenario against the system under test — a fault-free baseline first,
 * then the outage — and asserts on what its callers lost. The resilient reference gateway falls back to the
 * api-key provider while the OAuth server is down, so it keeps its answers.
 */
// README: junit-measured
class GatewayOAuthOutageTest {

    @BrownoutTest(scenario = "oauth-outage", sut = "reference:resilient", timeScale = 0.05, loadScale = 0.25)
    void keepsItsIntelligenceThroughTheOAuthOutage(BrownoutRun run) {
        assertThat(run)
                .isCompleted()
                .hasIqLossBelow(0.05)                        // 1 - Q(outage) / Q(baseline), point estimate
                .passesGates();                              // the scenario's gates, judged as `brownout gate` does
        assertThat(run).phase("oauth-down").hasAvailabilityAtLeast(0.95);
    }
}
// README end
