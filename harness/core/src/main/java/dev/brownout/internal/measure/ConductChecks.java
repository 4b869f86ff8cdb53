package dev.brownout.internal.measure;

import dev.brownout.reports.CheckLevel;
import dev.brownout.reports.CheckResult;
import dev.brownout.reports.Conduct;
import dev.brownout.reports.PhaseVerdict;
import dev.brownout.scenario.Check;
import dev.brownout.scenario.CheckKind;
import dev.brownout.scenario.Checks;
import dev.brownout.scenario.SutCapability;

import java.time.Duration;
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
 * {@code usage_reported} ({@link CheckUsageReported}),
 * {@code recovers_within} ({@link CheckRecovery}), {@code alive_after} ({@link CheckAliveAfter}). A flag check set
 * to {@code false} is reported as passed and not checked.
 */
public final class ConductChecks {

    /** Checks about the run's end (after the last fault, the probe after the run), never judged on one phase's slice. */
    static final Set<CheckKind> RUN_ONLY = EnumSet.of(CheckKind.RECOVERS_WITHIN, CheckKind.ALIVE_AFTER);

    private ConductChecks() {
    }

    /**
     * The checks and the verdicts, per faulted phase and per run.
     *
     * @param checks   the scenario's checks, as played (after time and load scaling)
     * @param evidence what the run left: its calls and exchanges, and the recovery, probe and connection log it has
     * @param context  the faulted phases, the baseline, the margin and what the SUT lacks
     */
    public static ConductAssessment evaluate(Checks checks, ConductEvidence evidence, VerdictContext context) {
        CheckInputs inputs = CheckInputs.of(evidence);
        List<CheckResult> results = new ArrayList<>();
        for (Declared declared : declared(checks)) {
            if (unmeasuredRecovery(declared.check(), evidence, context)) {
                results.add(CheckResult.notApplicable(declared.check().kind().label(), declared.level(),
                        CheckText.setting(declared.check().setting()), "recovery is measured against the baseline's "
                                + "quality, and this run had no baseline; play it with one to judge this check"));
                continue;
            }
            results.add(judged(declared.check(), checks, context) ? evaluate(declared.check(), declared.level(), inputs)
                    : notApplicable(declared.check(), declared.level(), checks, context));
        }
        Duration bound = hangBound(checks).or(() -> Optional.ofNullable(context.taskTimeout()))
                .orElse(null);
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

    /** The tightest {@code no_hang_past} the scenario declares, at any level. */
    static Optional<Duration> hangBound(Checks checks) {
        return Stream.of(checks.required(), checks.advisory(), checks.informational())
                .flatMap(List::stream)
                .filter(check -> check.kind() == CheckKind.NO_HANG_PAST)
                .map(Check::setting)
                .map(Duration.class::cast)
                .min(Duration::compareTo);
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

    /**
     * {@code recovers_within} in a run without a baseline: the time to recover is found by comparing the run's quality
     * with the baseline's, so without one it was never measured, and failing the check would blame the SUT for it.
     */
    private static boolean unmeasuredRecovery(Check check, ConductEvidence evidence, VerdictContext context) {
        return check.kind() == CheckKind.RECOVERS_WITHIN && context.baseline() == null && evidence.timeToRecover() == null;
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
            case USAGE_REPORTED -> CheckUsageReported.evaluate(check, required, inputs);
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
