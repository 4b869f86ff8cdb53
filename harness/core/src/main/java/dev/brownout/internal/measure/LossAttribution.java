package dev.brownout.internal.measure;

import dev.brownout.fakes.ledger.CallOutcome;
import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.internal.workload.Exchange;
import dev.brownout.reports.Attribution;
import dev.brownout.reports.Cause;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Splits an IQ loss by cause. Each paired task loses {@code lost_i = b_i − c_i} (baseline score minus chaos
 * score) and gets one cause, checked in this order:
 * <ol>
 *   <li>{@link Cause#ERROR}: the chaos exchange ended in an error (any outcome but answered or timeout);</li>
 *   <li>{@link Cause#TIMEOUT}: it timed out;</li>
 *   <li>{@link Cause#DEGRADED}: it was answered but truncated, or its score fell while the providers' ledger
 *       shows the call that served it (the task's last status-200 call) was cut or malformed;</li>
 *   <li>{@link Cause#DOWNGRADE}: it was answered, and the model that served it per the ledger (that call's
 *       served model) has a lower catalog capability than the model that served the same task in the
 *       baseline;</li>
 *   <li>{@link Cause#OTHER}: anything else, gains included.</li>
 * </ol>
 * A cause's part is {@code Σ lost_i over its tasks / Σ b_i over all the tasks}, so the parts add up to
 * {@code 1 − Σc / Σb}, the IQ loss, up to floating-point rounding.
 */
final class LossAttribution {

    private final Map<String, List<ProviderCall>> chaosLedger;
    private final Map<String, List<ProviderCall>> baselineLedger;
    private final Function<String, OptionalDouble> capability;

    /**
     * @param chaosLedger    the chaos run's provider calls by task id, in ledger order
     * @param baselineLedger the baseline's provider calls by task id, in ledger order
     * @param capability     a model id's catalog capability, empty when the model is unknown
     */
    LossAttribution(Map<String, List<ProviderCall>> chaosLedger, Map<String, List<ProviderCall>> baselineLedger,
                    Function<String, OptionalDouble> capability) {
        this.chaosLedger = chaosLedger == null ? Map.of() : chaosLedger;
        this.baselineLedger = baselineLedger == null ? Map.of() : baselineLedger;
        this.capability = capability == null ? model -> OptionalDouble.empty() : capability;
    }

    /** The loss over {@code pairs} split by cause; null when it cannot be known (no pair, or Σ b_i = 0). */
    Attribution of(List<TaskPair> pairs) {
        double baselineSum = 0;
        double[] lost = new double[Cause.values().length];
        for (TaskPair pair : pairs) {
            baselineSum += pair.baseline().score();
            lost[causeOf(pair).ordinal()] += pair.lost();
        }
        if (pairs.isEmpty() || baselineSum == 0) {
            return null;
        }
        return new Attribution(lost[Cause.ERROR.ordinal()] / baselineSum, lost[Cause.TIMEOUT.ordinal()] / baselineSum,
                lost[Cause.DOWNGRADE.ordinal()] / baselineSum, lost[Cause.DEGRADED.ordinal()] / baselineSum,
                lost[Cause.OTHER.ordinal()] / baselineSum);
    }

    /** Why the task scored what it did against its twin; every pair has a cause, a gain's is OTHER. */
    Cause causeOf(TaskPair pair) {
        String outcome = pair.chaos().outcome();
        if (Exchange.TIMEOUT.equals(outcome)) {
            return Cause.TIMEOUT;
        }
        if (!Exchange.ANSWERED.equals(outcome)) {
            return Cause.ERROR;
        }
        Optional<ProviderCall> served = servingCall(chaosLedger, pair.chaos().taskId());
        boolean cut = served.map(call -> call.outcome() == CallOutcome.CUT || call.outcome() == CallOutcome.MALFORMED)
                .orElse(false);
        if (pair.chaos().truncated() || (cut && pair.lost() > 0)) {
            return Cause.DEGRADED;
        }
        OptionalDouble chaosCapability = capabilityOf(served);
        OptionalDouble baselineCapability = capabilityOf(servingCall(baselineLedger, pair.baseline().taskId()));
        if (chaosCapability.isPresent() && baselineCapability.isPresent()
                && chaosCapability.getAsDouble() < baselineCapability.getAsDouble()) {
            return Cause.DOWNGRADE;
        }
        return Cause.OTHER;
    }

    /** The task's last call answered with status 200: the one whose answer reached the SUT. */
    private static Optional<ProviderCall> servingCall(Map<String, List<ProviderCall>> ledger, String taskId) {
        List<ProviderCall> calls = ledger.getOrDefault(taskId, List.of());
        for (int i = calls.size() - 1; i >= 0; i--) {
            if (calls.get(i).status() == 200) {
                return Optional.of(calls.get(i));
            }
        }
        return Optional.empty();
    }

    private OptionalDouble capabilityOf(Optional<ProviderCall> call) {
        return call.map(LossAttribution::servedModel).map(capability).orElse(OptionalDouble.empty());
    }

    /** The model that really answered the call; the requested one when the ledger did not say. */
    static String servedModel(ProviderCall call) {
        return call.servedModel() != null ? call.servedModel() : call.model();
    }
}
