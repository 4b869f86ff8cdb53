package dev.brownout.assertj;

import dev.brownout.reports.RunResult;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** AssertJ's JUnit 5 extension injects Brownout's soft assertions and reports what they collected when the test ends. */
class SoftAssertionsExtensionTest {

    /** A user's test class: two soft failures, on the run and on one of its phases. Run only through the test kit. */
    @ExtendWith(SoftAssertionsExtension.class)
    static class TwoSoftFailures {

        @InjectSoftAssertions
        BrownoutSoftAssertions softly;

        @Test
        void oauthOutage() {
            RunResult result = Results.run().build();
            softly.assertThat(result).hasIqLossBelow(0.02);
            softly.assertThat(result).phase("oauth-down").hasIqLossBelow(0.10);
        }
    }

    @Test
    void theExtensionFailsTheTestWithBothFailures() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(TwoSoftFailures.class))
                .execute();

        List<Event> failed = results.testEvents().failed().list();
        assertThat(failed).as("the failed tests of a class with one test that fails two soft assertions").hasSize(1);
        Throwable thrown = failed.getFirst().getRequiredPayload(TestExecutionResult.class)
                .getThrowable().orElseThrow();
        assertThat(thrown.getMessage()).as("what the extension reported when the test ended")
                .contains("Multiple Failures (2 failures)")
                .contains("IQ loss of run of oauth-outage against litellm:\n  3% (95% CI 1% to 5.5%)")
                .contains("IQ loss of phase oauth-down of run of oauth-outage against litellm:\n  18% (95% CI 12% to 24%)");
    }
}
