package dev.brownout.assertj;

import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.reports.RunResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.brownout.assertj.BrownoutAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Brownout's {@code assertThat} and AssertJ's, both static-imported, in one test class: this file compiling is the
 * proof that they coexist; the tests show which one each call reaches.
 */
class StaticImportsTest {

    @Test
    void aListOfProviderCallsReachesTheLedgerAssertions() {
        List<ProviderCall> ledger = List.of(new Calls().call("primary", "t-1", 0, 200));

        LedgerAssert ledgerAssert = assertThat(ledger);

        assertThat(ledgerAssert.hasAtMostAttemptsPerTask(1)).as("the assertion assertThat(ledger) made")
                .isInstanceOf(LedgerAssert.class);
    }

    @Test
    void anyOtherListStillReachesAssertJsListAssertions() {
        assertThatThrownBy(() -> assertThat(List.of("steady", "oauth-down")).contains("recovery"))
                .as("AssertJ's contains on a list of strings").hasMessageContaining("to contain:");
    }

    @Test
    void aRunResultReachesTheRunAssertionsAndItsFiguresAssertJs() {
        RunResult result = Results.run().build();

        assertThat(result).hasIqLossBelow(0.05);
        assertThat(result.summary().availability()).as("AssertJ's double assertion on a figure").isGreaterThan(0.99);
    }
}
