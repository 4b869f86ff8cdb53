package dev.brownout.examples.container;

import dev.brownout.faultproxy.container.ContainerBackend;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The container example either runs (a Docker engine answers) or is skipped with the reason — never failed, and
 * never silently passed without running.
 */
class ContainerExampleOutcomeTest {

    @Test
    void theContainerExampleRunsWithDockerAndIsSkippedWithTheReasonWithout() {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(GatewayInAContainerTest.class))
                .execute()
                .testEvents();

        if (ContainerBackend.dockerAvailable()) {
            assertThat(tests.succeeded().count()).as("with Docker, the container example runs and passes").isEqualTo(1);
            return;
        }
        assertThat(tests.aborted().count()).as("without Docker, the container example is skipped").isEqualTo(1);
        String reason = tests.aborted().list().getFirst().getRequiredPayload(TestExecutionResult.class)
                .getThrowable().map(Throwable::getMessage).orElse("");
        assertThat(reason).as("the reason the skip gives").containsIgnoringCase("docker");
    }
}
