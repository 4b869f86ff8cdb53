package dev.brownout.internal.measure;

import dev.brownout.internal.record.ExchangeRecord;
import dev.brownout.internal.workload.Exchange;
import dev.brownout.reports.CheckResult;
import dev.brownout.reports.Verdict;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The verdict the checks give, in this order:
 * <ol>
 * <li>no check declared: {@link Verdict#PASS};</li>
 * <li>a required check failed: {@link Verdict#FAIL};</li>
 * <li>{@link Verdict#SAFE} when the SUT failed cleanly: at least one exchange was due in a faulted phase, every
 * one of those ended as an error the SUT returned itself ({@code error}: not answered, not a timeout, not
 * aborted), and no exchange of the run took longer than the bound (the declared {@code no_hang_past}, else
 * the task timeout; with neither, any error is bounded);</li>
 * <li>an advisory check failed: {@link Verdict#PARTIAL};</li>
 * <li>otherwise {@link Verdict#PASS}.</li>
 * </ol>
 */
final class ConductVerdict {

    private ConductVerdict() {
    }

    record Decision(Verdict verdict, String reason) {
    }

    static Decision decide(List<CheckResult> results, List<ExchangeRecord> exchanges, Set<String> faultedPhases,
                           Duration bound) {
        if (results.isEmpty()) {
            return new Decision(Verdict.PASS, "no conduct checks declared: nothing to fail");
        }
        List<String> requiredFailed = failed(results, true);
        if (!requiredFailed.isEmpty()) {
            return new Decision(Verdict.FAIL, "required check(s) failed: " + String.join(", ", requiredFailed));
        }
        String safe = safe(exchanges, faultedPhases, bound);
        if (safe != null) {
            return new Decision(Verdict.SAFE, safe);
        }
        List<String> advisoryFailed = failed(results, false);
        if (!advisoryFailed.isEmpty()) {
            return new Decision(Verdict.PARTIAL, "every required check passed; advisory check(s) failed: "
                    + String.join(", ", advisoryFailed));
        }
        return new Decision(Verdict.PASS, "every check passed");
    }

    private static List<String> failed(List<CheckResult> results, boolean required) {
        return results.stream().filter(r -> r.required() == required && !r.passed()).map(CheckResult::name).toList();
    }

    /** Why the run counts as a clean, bounded failure, or null when it does not. */
    private static String safe(List<ExchangeRecord> exchanges, Set<String> faultedPhases, Duration bound) {
        List<ExchangeRecord> faulted = exchanges.stream().filter(e -> faultedPhases.contains(e.phase())).toList();
        if (faulted.isEmpty() || !faulted.stream().allMatch(e -> Exchange.ERROR.equals(e.outcome()))) {
            return null;
        }
        if (bound != null && exchanges.stream().anyMatch(e -> e.latencyMs() > bound.toNanos() / 1e6)) {
            return null;
        }
        return "every required check passed and the SUT answered none of the " + faulted.size()
                + " tasks due in faulted phases, returning an error for each"
                + (bound == null ? "" : ", with no exchange longer than " + CheckText.setting(bound));
    }
}
