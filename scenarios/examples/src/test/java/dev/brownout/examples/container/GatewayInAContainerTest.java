package dev.brownout.examples.container;

import dev.brownout.BrownoutRun;
import dev.brownout.junit.BrownoutTest;
import dev.brownout.junit.FaultProxy;

import static dev.brownout.assertj.BrownoutAssertions.assertThat;

/**
 * A gateway shipped as an image, measured behind the real Toxiproxy image: the SUT file starts the container once
 * the world is up, and both need a Docker engine — without one the test is skipped, saying so.
 */
// README: junit-container
class GatewayInAContainerTest {

    @BrownoutTest(scenario = "primary-hard-down", sut = "src/test/resources/gateway-container.yaml",
            timeScale = 0.05, loadScale = 0.25, faultProxy = FaultProxy.CONTAINER)
    void theContainerisedGatewayAnswersWhileItsPrimaryIsUp(BrownoutRun run) {
        assertThat(run).isCompleted()
                .phase("steady").hasAvailabilityAtLeast(0.95);
    }
}
// README end
