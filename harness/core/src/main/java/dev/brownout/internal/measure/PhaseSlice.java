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
 * exchanges due in it, the provider calls made for those tasks (wherever in time they fell), the calls without a
 * task id made during the phase, and the fault proxy's connections while the phase or one of its tasks was under
 * way.
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
        // time to recover and the probe are about the run's end: the run's to judge, not a phase's
        return CheckInputs.of(ConductEvidence.of(calls, exchanges, run.origin())
                .withConnections(connections(run, phase, exchanges)));
    }

    /**
     * The connection log while the phase or one of its tasks was under way: the attempts no ledger holds that its
     * tasks may have made. They are shared among the phase's tasks in flight ({@link ConnectionAttempts}).
     */
    private static ProxyConnections connections(CheckInputs run, FaultedPhase phase, List<ExchangeRecord> exchanges) {
        double from = exchanges.stream().mapToDouble(ExchangeRecord::startedMs).min().orElse(Double.NaN);
        double to = exchanges.stream().mapToDouble(ExchangeRecord::endedMs).max().orElse(Double.NaN);
        if (!Double.isNaN(phase.startMs())) {
            from = Double.isNaN(from) ? phase.startMs() : Math.min(from, phase.startMs());
            to = Double.isNaN(to) ? phase.endMs() : Math.max(to, phase.endMs());
        }
        double start = from;
        double end = to;
        ProxyConnections all = run.connections();
        return new ProxyConnections(all.entries().stream().filter(connection -> {
            double at = millisFrom(run.origin(), connection.time());
            return at >= start && at <= end;
        }).toList(), all.notCounted());
    }

    private static double millisFrom(Instant origin, Instant at) {
        return Duration.between(origin, at).toNanos() / 1e6;
    }
}
