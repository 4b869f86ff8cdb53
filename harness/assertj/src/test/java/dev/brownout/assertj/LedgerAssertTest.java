package dev.brownout.assertj;

import dev.brownout.fakes.ledger.ProviderCall;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Ledger assertions judge with the run's own conduct checks and quote their detail. */
class LedgerAssertTest {

    private final Calls calls = new Calls();

    private List<ProviderCall> fourAttemptsAtOneTask() {
        List<ProviderCall> ledger = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ledger.add(calls.call("primary", "t-9", i * 100L, 503));
        }
        ledger.add(calls.call("primary", "t-1", 50, 200));
        return ledger;
    }

    @Test
    void tooManyAttemptsAtOneTaskFailQuotingWhichTaskHowManyCallsAndWhichProvider() {
        assertThatThrownBy(() -> BrownoutAssertions.assertThat(fourAttemptsAtOneTask()).hasAtMostAttemptsPerTask(3))
                .as("4 calls for task t-9 against at most 3")
                .hasMessage("\nExpecting the ledger of primary (5 calls) to show at most 3 calls per task to any one"
                        + " provider, but it shows 4:\n  task t-9 made 4 calls to primary; 1 task went over 3 on some"
                        + " provider");
    }

    @Test
    void attemptsWithinTheLimitPass() {
        assertThatCode(() -> BrownoutAssertions.assertThat(fourAttemptsAtOneTask()).hasAtMostAttemptsPerTask(4))
                .as("4 calls for task t-9 against at most 4").doesNotThrowAnyException();
    }

    @Test
    void aRetryBeforeTheRetryAfterFailsQuotingTheTaskTheProviderAndTheGap() {
        List<ProviderCall> ledger = List.of(calls.refusal("primary", "t-2", 0, 429, 2_000),
                calls.call("primary", "t-2", 60, 200), calls.call("backup", "t-3", 30, 200));

        assertThatThrownBy(() -> BrownoutAssertions.assertThat(ledger).honouredRetryAfter())
                .as("a retry 50 ms after a 429 that asked for 2 s")
                .hasMessage("\nExpecting the ledger of backup and primary (3 calls) to show every retry-after honoured,"
                        + " but it does not:\n  task t-2 called primary again 50ms after a 429 (at 0.000s) that asked it"
                        + " to wait 2s; 1 of 1 retry came early");
    }

    @Test
    void aRetryAfterTheWaitAndAnImmediateFailoverPass() {
        List<ProviderCall> ledger = List.of(calls.refusal("primary", "t-2", 0, 429, 1_000),
                calls.call("backup", "t-2", 15, 200), calls.call("primary", "t-2", 1_100, 200));

        assertThatCode(() -> BrownoutAssertions.assertThat(ledger).honouredRetryAfter())
                .as("failing over at once, then retrying primary after 1.09 s of the 1 s asked")
                .doesNotThrowAnyException();
    }

    @Test
    void aCredentialIssuedToAnotherProviderIsALeak() {
        List<ProviderCall> ledger = List.of(calls.foreignCredential("backup", "t-4", 0, "primary"),
                calls.call("backup", "t-5", 20, 200));

        assertThatThrownBy(() -> BrownoutAssertions.assertThat(ledger).hasNoCredentialLeaks())
                .as("backup shown primary's key")
                .hasMessage("\nExpecting the ledger of backup (2 calls) to show no credential leak, but it shows 1 leaked"
                        + " call:\n  backup: 1 call presented a credential issued to primary");
    }

    @Test
    void aLedgerWithOnlyItsOwnCredentialsHasNoLeak() {
        assertThatCode(() -> BrownoutAssertions.assertThat(fourAttemptsAtOneTask()).hasNoCredentialLeaks())
                .as("calls with the provider's own key").doesNotThrowAnyException();
    }

    @Test
    void anEmptyLedgerPassesEveryCheck() {
        assertThatCode(() -> BrownoutAssertions.assertThat(List.<ProviderCall>of()).hasAtMostAttemptsPerTask(1)
                .honouredRetryAfter().hasNoCredentialLeaks()).as("a provider nobody called").doesNotThrowAnyException();
    }

    @Test
    void aLimitBelowOneIsTheTestsMistake() {
        assertThatThrownBy(() -> BrownoutAssertions.assertThat(fourAttemptsAtOneTask()).hasAtMostAttemptsPerTask(0))
                .as("at most 0 attempts").isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the most attempts per task is a whole number >= 1, not 0");
    }

    @Test
    void aNullLedgerFailsAsAssertJDoesForNull() {
        assertThatThrownBy(() -> BrownoutAssertions.assertThat((List<ProviderCall>) null).hasAtMostAttemptsPerTask(3))
                .as("a null ledger").isInstanceOf(AssertionError.class).hasMessageContaining("Expecting actual not to be null");
    }

    @Test
    void aFilteredLedgerIsStillALedgerJudgedByTheSameChecks() {
        assertThatThrownBy(() -> BrownoutAssertions.assertThat(fourAttemptsAtOneTask())
                .filteredOn(call -> call.status() == 503).hasSize(4).hasAtMostAttemptsPerTask(3))
                .as("the four 503s, filtered with AssertJ's list filter, still judged per task")
                .hasMessageContaining("task t-9 made 4 calls to primary");
    }

    @Test
    void listAssertionsOnTheCallsFailInAssertJsOwnWords() {
        assertThatThrownBy(() -> BrownoutAssertions.assertThat(fourAttemptsAtOneTask()).hasSize(3))
                .as("five calls are not three")
                .hasMessageContaining("Expected size: 3 but was: 5");
    }
}
