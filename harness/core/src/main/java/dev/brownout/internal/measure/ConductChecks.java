package dev.brownout.internal.measure;

import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.internal.record.ExchangeRecord;
import dev.brownout.internal.record.ProbeRecord;
import dev.brownout.reports.CheckLevel;
import dev.brownout.reports.CheckResult;
import dev.brownout.reports.Conduct;
import dev.brownout.reports.PhaseVerdict;
import dev.brownout.scenario.Check;
import dev.brownout.scenario.CheckKind;
import dev.brownout.scenario.Checks;
import dev.brownout.scenario.SutCapability;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Evaluates a scenario's conduct checks against the providers' ledgers and the exchanges, over the whole run and
 * over each faulted phase's slice ({@link PhaseSlice}), and gives each faulted phase its verdict
 * ({@link PhaseJudgement}) and the run its own ({@link ConductVerdict}). An informational check is evaluated and
 * never scored; a check that needs a capability the SUT declares it lacks is not evaluated (n/a).
 * {@code recovers_within} and {@code alive_after} are about the run's end, so they are judged over the run only.
 * Each check's exact meaning is on its evaluator:
 * {@code max_attempts_per_task} and {@code max_attempts_per_second} ({@link CheckAttempts}),
 * {@code honours_retry_after} ({@link CheckRetryAfter}), {@code no_truncated_success} ({@link CheckTruncation}),
 * {@code no_hang_past} ({@link CheckHang}), {@code claimed_model_matches} ({@link CheckClaimedModel}),
 * {@code recovers_within} ({@link CheckRecovery}), {@code alive_after} ({@link CheckAliveAfter}). A flag check set
 * to {@code false} is reported as passed and not checked.
 */
public final class ConductChecks {

    /** Checks about the run's end (after the last fault, the probe after the run), never judged on one phase's slice. */
    static final Set<CheckKind> RUN_ONLY = EnumSet.of(CheckKind.RECOVERS_WITHIN, CheckKind.ALIVE_AFTER);

    private ConductChecks() {
    }

    /**
     * Without a baseline, span or expected outcome of the faulted phases, at the default margin and for a SUT that
     * declares no capabilities; see {@link #evaluate(Checks, List, List, Instant, VerdictContext, Duration)}.
     *
     * @param faultedPhases the names of the phases that hold at least one fault
     * @param taskTimeout   the workload's timeout per task, or null; bounds a safe failure without {@code no_hang_past}
     */
    public static ConductAssessment evaluate(Checks checks, List<ProviderCall> calls, List<ExchangeRecord> exchanges,
                                             Instant origin, Set<String> faultedPhases, Duration taskTimeout,
                                             Duration timeToRecover) {
        return evaluate(checks, calls, exchanges, origin, VerdictContext.ofPhaseNames(faultedPhases, taskTimeout),
                timeToRecover);
    }

    /**
     * @param checks        the scenario's checks, as played (after time and load scaling)
     * @param calls         the run's provider calls (see {@link LedgerSlice#runCalls})
     * @param exchanges     the run's exchanges
     * @param origin        the instant the exchanges' times count from (the driver's origin)
     * @param context       the faulted phases, the baseline, the margin and what the SUT lacks
     * @param timeToRecover from the last fault's end until healthy again, or null when that never happened
     */
    public static ConductAssessment evaluate(Checks checks, List<ProviderCall> calls, List<ExchangeRecord> exchanges,
                                             Instant origin, VerdictContext context, Duration timeToRecover) {
        return evaluate(checks, calls, exchanges, origin, context, timeToRecover, null, ProxyConnections.none());
    }

    /**
     * As {@link #evaluate(Checks, List, List, Instant, Set, Duration, Duration)}, with the probe sent after the run.
     *
     * @param probe the healthy request sent through the SUT after the run, or null when none was sent
     */
    public static ConductAssessment evaluate(Checks checks, List<ProviderCall> calls, List<ExchangeRecord> exchanges,
                                             Instant origin, Set<String> faultedPhases, Duration taskTimeout,
                                             Duration timeToRecover, ProbeRecord probe) {
        return evaluate(checks, calls, exchanges, origin, VerdictContext.ofPhaseNames(faultedPhases, taskTimeout),
                timeToRecover, probe, ProxyConnections.none());
    }

    /**
     * The same, with the fault proxy's connection log: the checks that count attempts also count the connection
     * attempts no ledger holds ({@link ConnectionAttempts}), or say that they could not.
     */
    public static ConductAssessment evaluate(Checks checks, List<ProviderCall> calls, List<ExchangeRecord> exchanges,
                                             Instant origin, Set<String> faultedPhases, Duration taskTimeout,
                                             Duration timeToRecover, ProxyConnections connections) {
        return evaluate(checks, calls, exchanges, origin, VerdictContext.ofPhaseNames(faultedPhases, taskTimeout),
                timeToRecover, null, connections);
    }

    /**
     * The same, with both the probe sent after the run (null when none was sent) and the fault proxy's connection log.
     */
    public static ConductAssessment evaluate(Checks checks, List<ProviderCall> calls, List<ExchangeRecord> exchanges,
                                             Instant origin, Set<String> faultedPhases, Duration taskTimeout,
                                             Duration timeToRecover, ProbeRecord probe, ProxyConnections connections) {
        return evaluate(checks, calls, exchanges, origin, VerdictContext.ofPhaseNames(faultedPhases, taskTimeout),
                timeToRecover, probe, connections);
    }

    /**
     * The checks and the verdicts, per faulted phase and per run.
     *
     * @param context     the faulted phases, the baseline, the margin and what the SUT lacks
     * @param probe       the healthy request sent through the SUT after the run, or null when none was sent
     * @param connections the fault proxy's connection log
     */
    public static ConductAssessment evaluate(Checks checks, List<ProviderCall> calls, List<ExchangeRecord> exchanges,
                                             Instant origin, VerdictContext context, Duration timeToRecover,
                                             ProbeRecord probe, ProxyConnections connections) {
        CheckInputs inputs = new CheckInputs(calls, exchanges, origin, timeToRecover, probe, connections);
        List<CheckResult> results = new ArrayList<>();
        for (Declared declared : declared(checks)) {
            results.add(judged(declared.check(), checks, context) ? evaluate(declared.check(), declared.level(), inputs)
                    : notApplicable(declared.check(), declared.level(), checks, context));
        }
        Duration bound = Stream.of(checks.required(), checks.advisory(), checks.informational()).flatMap(List::stream)
                .filter(check -> check.kind() == CheckKind.NO_HANG_PAST).map(check -> (Duration) check.setting())
                .min(Duration::compareTo).or(() -> Optional.ofNullable(context.taskTimeout())).orElse(null);
        List<PhaseVerdict> phases = new ArrayList<>();
        for (FaultedPhase phase : context.phases()) {
            CheckInputs slice = PhaseSlice.of(inputs, phase);
            List<CheckResult> sliceResults = new ArrayList<>();
            for (Declared declared : declared(checks)) {
                if (declared.level() != CheckLevel.INFORMATIONAL && !RUN_ONLY.contains(declared.check().kind())
                        && judged(declared.check(), checks, context)) {
                    sliceResults.add(evaluate(declared.check(), declared.level(), slice));
                }
            }
            phases.add(PhaseJudgement.judge(phase, slice.exchanges(), context.baseline() == null ? null
                            : PhaseSlice.exchanges(context.baseline(), phase.name()), sliceResults,
                    context.availabilityMargin(), bound));
        }
        ConductVerdict.Decision decision = ConductVerdict.decide(results, phases);
        return new ConductAssessment(new Conduct(decision.verdict(), results, decision.reason(), phases),
                decision.reason());
    }

    private record Declared(Check check, CheckLevel level) {
    }

    /** Every declared check with its level, in the order required, advisory, informational. */
    private static List<Declared> declared(Checks checks) {
        List<Declared> declared = new ArrayList<>();
        checks.required().forEach(check -> declared.add(new Declared(check, CheckLevel.REQUIRED)));
        checks.advisory().forEach(check -> declared.add(new Declared(check, CheckLevel.ADVISORY)));
        checks.informational().forEach(check -> declared.add(new Declared(check, CheckLevel.INFORMATIONAL)));
        return declared;
    }

    /** Whether the SUT has every capability the check needs, so the check can be judged. */
    private static boolean judged(Check check, Checks checks, VerdictContext context) {
        return checks.capabilitiesFor(check.kind()).stream().noneMatch(context.lacking()::contains);
    }

    private static CheckResult evaluate(Check check, CheckLevel level, CheckInputs inputs) {
        CheckResult result = evaluate(check, level == CheckLevel.REQUIRED, inputs);
        return level == CheckLevel.INFORMATIONAL ? result.atLevel(CheckLevel.INFORMATIONAL) : result;
    }

    private static CheckResult notApplicable(Check check, CheckLevel level, Checks checks, VerdictContext context) {
        List<String> missing = checks.capabilitiesFor(check.kind()).stream().filter(context.lacking()::contains)
                .sorted().map(SutCapability::label).toList();
        return CheckResult.notApplicable(check.kind().label(), level, CheckText.setting(check.setting()),
                "needs " + String.join(" and ", missing) + ", which the SUT declares it does not have ("
                        + String.join(", ", missing.stream().map(c -> "capabilities." + c + ": false").toList()) + ")");
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
