package dev.brownout.internal.measure;

import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.reports.CheckResult;
import dev.brownout.scenario.Check;
import dev.brownout.scenario.CheckKind;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The conduct checks that read a provider ledger and nothing else, on a ledger alone rather than a measured run:
 * for a test that drives its own code against a world and asks how it behaved. It hands the calls to the very
 * evaluators the measurement uses ({@link CheckAttempts}, {@link CheckRetryAfter}), so a ledger judged here and
 * the same calls judged in a run give the same result. With no run to count from, the moments a detail names
 * count from the ledger's first call.
 */
public final class LedgerConduct {

    private LedgerConduct() {
    }

    /**
     * {@code max_attempts_per_task limit}, judged as a required check.
     *
     * @throws IllegalArgumentException for a limit below 1, which no SUT could meet
     */
    public static CheckResult attemptsPerTask(List<ProviderCall> calls, long limit) {
        return CheckAttempts.perTask(new Check(CheckKind.MAX_ATTEMPTS_PER_TASK, limit), true, inputs(calls));
    }

    /** {@code honours_retry_after: true}, judged as a required check. */
    public static CheckResult retryAfter(List<ProviderCall> calls) {
        return CheckRetryAfter.evaluate(new Check(CheckKind.HONOURS_RETRY_AFTER, true), true, inputs(calls));
    }

    private static CheckInputs inputs(List<ProviderCall> calls) {
        Instant origin = calls.stream().map(ProviderCall::time).min(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        return CheckInputs.of(ConductEvidence.of(calls, List.of(), origin));
    }
}
