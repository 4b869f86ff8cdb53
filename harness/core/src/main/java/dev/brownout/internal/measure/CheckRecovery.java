package dev.brownout.internal.measure;

import dev.brownout.reports.CheckResult;
import dev.brownout.scenario.Check;

import java.time.Duration;

/**
 * {@code recovers_within D}: the time from the last fault's end until the SUT was healthy again (measured
 * elsewhere from the quality timeline) is known and at most D.
 */
final class CheckRecovery {

    private CheckRecovery() {
    }

    static CheckResult evaluate(Check check, boolean required, CheckInputs in) {
        Duration limit = (Duration) check.setting();
        Duration taken = in.timeToRecover();
        if (taken == null) {
            return new CheckResult(check.kind().label(), required, CheckText.setting(limit), "not recovered", false,
                    "the SUT was not seen healthy again after the last fault ended");
        }
        boolean passed = taken.compareTo(limit) <= 0;
        return new CheckResult(check.kind().label(), required, CheckText.setting(limit), CheckText.setting(taken),
                passed, "healthy again " + CheckText.setting(taken) + " after the last fault ended"
                + (passed ? "" : ", later than " + CheckText.setting(limit)));
    }
}
