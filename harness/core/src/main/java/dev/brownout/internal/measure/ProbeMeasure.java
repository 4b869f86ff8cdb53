package dev.brownout.internal.measure;

import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.internal.record.ProbeRecord;
import dev.brownout.reports.ProbeResult;

import java.util.List;

/** The probe after the run as {@code result.json} shows it: what the SUT did with it and who served it. */
public final class ProbeMeasure {

    private ProbeMeasure() {
    }

    /**
     * @param probe the probe as the run folder keeps it, or null when none was sent
     * @param calls the provider calls made for the probe, in ledger order
     * @return the probe's result, or null when none was sent
     */
    public static ProbeResult result(ProbeRecord probe, List<ProviderCall> calls) {
        if (probe == null) {
            return null;
        }
        List<String> servedBy = calls.stream().map(call -> call.provider() + "/" + LossAttribution.servedModel(call)).toList();
        return new ProbeResult(probe.taskId(), probe.sentAtMs(), probe.boundMs(), probe.outcome(), probe.status(),
                probe.errorClass(), probe.latencyMs(), probe.model(), servedBy, probe.truncated(), probe.score(),
                probe.score() >= 1.0);
    }
}
