package dev.brownout.examples.measured;

import dev.brownout.BrownoutRun;
import dev.brownout.junit.BrownoutTest;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.brownout.assertj.BrownoutAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The README's measured test, pointed at the naive reference gateway, which forwards every request once to the
 * OAuth provider and so loses most answers while its token endpoint is down: the test fails, and its failure
 * names the figure, its interval and the report to open.
 */
class NaiveGatewayFailsTheOAuthOutageTest {

    @Test
    void theIqLossAssertionFailsNamingTheFigureItsIntervalAndTheReport() {
        List<Event> failures = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(AgainstTheNaiveGateway.class))
                .execute()
                .testEvents().failed().list();

        assertThat(failures).as("the naive gateway's measured test fails").hasSize(1);
        Throwable failure = failures.getFirst().getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class)
                .getThrowable().orElseThrow();
        assertThat(failure.getMessage())
                .as("the failure message a developer reads")
                .contains("IQ loss")
                .containsPattern("\\d+(\\.\\d+)?%")
                .containsPattern("95% CI \\d+(\\.\\d+)?% to \\d+(\\.\\d+)?%")
                .contains("report.html");
    }

    /** The README's test against the naive gateway; run only through the test kit above. */
    static class AgainstTheNaiveGateway {

        @BrownoutTest(scenario = "oauth-outage", sut = "reference:naive", timeScale = 0.05, loadScale = 0.25)
        void keepsItsIntelligenceThroughTheOAuthOutage(BrownoutRun run) {
            assertThat(run).isCompleted().hasIqLossBelow(0.05).passesGates();
        }
    }
}
