package dev.brownout.internal.measure;

import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.internal.record.ExchangeRecord;
import dev.brownout.internal.record.ProbeRecord;
import dev.brownout.reports.CheckResult;
import dev.brownout.reports.Conduct;
import dev.brownout.scenario.Check;
import dev.brownout.scenario.CheckKind;
import dev.brownout.scenario.Checks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Evaluates a scenario's conduct checks against the providers' ledgers and the exchanges, and gives the
 * verdict (see {@link ConductVerdict} for its rules). Each check's exact meaning is on its evaluator:
 * {@code max_attempts_per_task} and {@code max_attempts_per_second} ({@link CheckAttempts}),
 * {@code honours_retry_after} ({@link CheckRetryAfter}), {@code no_truncated_success} ({@link CheckTruncation}),
 * {@code no_hang_past} ({@link CheckHang}), {@code claimed_model_matches} ({@link CheckClaimedModel}),
 * {@code recovers_within} ({@link CheckRecovery}), {@code alive_after} ({@link CheckAliveAfter}). A flag check set
 * to {@code false} is reported as passed and not checked.
 */
public final class ConductChecks {

    private ConductChecks() {
    }

    /**
     * @param checks        the scenario's checks, as played (after time and load scaling)
     * @param calls         the run's provider calls (see {@link LedgerSlice#runCalls})
     * @param exchanges     the run's exchanges
     * @param origin        the instant the exchanges' times count from (the driver's origin)
     * @param faultedPhases the names of the phases that hold at least one fault
     * @param taskTimeout   the workload's timeout per task, or null; bounds a safe failure without {@code no_hang_past}
     * @param timeToRecover from the last fault's end until healthy again, or null when that never happened
     */
    public static ConductAssessment evaluate(Checks checks, List<ProviderCall> calls, List<ExchangeRecord> exchanges,
                                             Instant origin, Set<String> faultedPhases, Duration taskTimeout,
                                             Duration timeToRecover) {
        return evaluate(checks, calls, exchanges, origin, faultedPhases, taskTimeout, timeToRecover, null,
                ProxyConnections.none());
    }

    /**
     * As {@link #evaluate(Checks, List, List, Instant, Set, Duration, Duration)}, with the probe sent after the run.
     *
     * @param probe the healthy request sent through the SUT after the run, or null when none was sent
     */
    public static ConductAssessment evaluate(Checks checks, List<ProviderCall> calls, List<ExchangeRecord> exchanges,
                                             Instant origin, Set<String> faultedPhases, Duration taskTimeout,
                                             Duration timeToRecover, ProbeRecord probe) {
        return evaluate(checks, calls, exchanges, origin, faultedPhases, taskTimeout, timeToRecover, probe,
                ProxyConnections.none());
    }

    /**
     * The same, with the fault proxy's connection log: the checks that count attempts also count the connection
     * attempts no ledger holds ({@link ConnectionAttempts}), or say that they could not.
     */
    public static ConductAssessment evaluate(Checks checks, List<ProviderCall> calls, List<ExchangeRecord> exchanges,
                                             Instant origin, Set<String> faultedPhases, Duration taskTimeout,
                                             Duration timeToRecover, ProxyConnections connections) {
        return evaluate(checks, calls, exchanges, origin, faultedPhases, taskTimeout, timeToRecover, null, connections);
    }

    /**
     * The same, with both the probe sent after the run (null when none was sent) and the fault proxy's connection log.
     */
    public static ConductAssessment evaluate(Checks checks, List<ProviderCall> calls, List<ExchangeRecord> exchanges,
                                             Instant origin, Set<String> faultedPhases, Duration taskTimeout,
                                             Duration timeToRecover, ProbeRecord probe, ProxyConnections connections) {
        CheckInputs inputs = new CheckInputs(calls, exchanges, origin, timeToRecover, probe, connections);
        List<CheckResult> results = new ArrayList<>();
        checks.required().forEach(check -> results.add(evaluate(check, true, inputs)));
        checks.advisory().forEach(check -> results.add(evaluate(check, false, inputs)));
        Duration bound = Stream.concat(checks.required().stream(), checks.advisory().stream())
                .filter(check -> check.kind() == CheckKind.NO_HANG_PAST).map(check -> (Duration) check.setting())
                .min(Duration::compareTo).or(() -> Optional.ofNullable(taskTimeout)).orElse(null);
        ConductVerdict.Decision decision = ConductVerdict.decide(results, exchanges, faultedPhases, bound);
        return new ConductAssessment(new Conduct(decision.verdict(), results), decision.reason());
    }

    static CheckResult evaluate(Check check, boolean required, CheckInputs inputs) {
        return switch (check.kind()) {
            case MAX_ATTEMPTS_PER_TASK -> CheckAttempts.perTask(check, required, inputs);
            case MAX_ATTEMPTS_PER_SECOND -> CheckAttempts.perSecond(check, required, inputs);
            case HONOURS_RETRY_AFTER -> CheckRetryAfter.evaluate(check, required, inputs);
            case NO_TRUNCATED_SUCCESS -> CheckTruncation.evaluate(check, required, inputs);
            case NO_HANG_PAST -> CheckHang.evaluate(check, required, inputs);
            case CLAIMED_MODEL_MATCHES -> CheckClaimedModel.evaluate(check, required, inputs);
            case RECOVERS_WITHIN -> CheckRecovery.evaluate(check, required, inputs);
            case ALIVE_AFTER -> CheckAliveAfter.evaluate(check, required, inputs);
        };
    }

    /** A flag check the scenario set to {@code false}. */
    static CheckResult turnedOff(Check check, boolean required) {
        return new CheckResult(check.kind().label(), required, "false", "not checked", true,
                "turned off in the scenario");
    }
}
