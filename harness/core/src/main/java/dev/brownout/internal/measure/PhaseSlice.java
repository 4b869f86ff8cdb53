package dev.brownout.internal.measure;

import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.internal.record.ExchangeRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the checks read, cut down to one faulted phase, so each phase's verdict rests on its own conduct: the
 * exchanges due in it, the provider calls made for those tasks (wherever in time they fell), and the calls
 * without a task id made during the phase.
 */
final class PhaseSlice {

    private PhaseSlice() {
    }

    static List<ExchangeRecord> exchanges(List<ExchangeRecord> exchanges, String phase) {
        return exchanges.stream().filter(e -> phase.equals(e.phase())).toList();
    }

    static CheckInputs of(CheckInputs run, FaultedPhase phase) {
        List<ExchangeRecord> exchanges = exchanges(run.exchanges(), phase.name());
        Set<String> tasks = exchanges.stream().map(ExchangeRecord::taskId).collect(Collectors.toSet());
        List<ProviderCall> calls = run.calls().stream()
                .filter(call -> call.taskId() == null ? phase.holds(millisFrom(run.origin(), call.time()))
                        : tasks.contains(call.taskId()))
                .toList();
        // time to recover is about the last fault's end: the run's to judge, not a phase's
        return new CheckInputs(calls, exchanges, run.origin(), null);
    }

    private static double millisFrom(Instant origin, Instant at) {
        return Duration.between(origin, at).toNanos() / 1e6;
    }
}
