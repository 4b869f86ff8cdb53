package dev.brownout.internal.measure;

import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.internal.record.ConnectionRecord;
import dev.brownout.internal.record.ExchangeRecord;
import dev.brownout.internal.workload.Exchange;
import dev.brownout.reports.CheckLevel;
import dev.brownout.reports.CheckResult;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.scorecard.CellEvidence;
import dev.brownout.reports.scorecard.FailingCheck;
import dev.brownout.scenario.Checks;
import org.apache.commons.math3.stat.descriptive.rank.Median;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A scorecard cell's evidence, read from what the run's measurement read: the providers' ledgers, the exchanges
 * as judged for truncation, the fault proxy's connection log (counted as {@link ConnectionAttempts} counts it for
 * the conduct checks) and the measured {@link RunResult}. The definitions are in docs/reports.md ("Scorecard").
 */
public final class CellEvidenceMeasure {

    private CellEvidenceMeasure() {
    }

    /**
     * @param calls       the run's ledger calls during the timeline, without the probe's
     * @param exchanges   the run's exchanges, judged for truncation
     * @param origin      the timeline's start: connection attempts before it belong to the warm-up
     * @param connections the fault proxy's connection log
     * @param result      the run's measured result
     * @param checks      the scenario's checks as played (on its clock), for the {@code no_hang_past} bound
     */
    public static CellEvidence measure(List<ProviderCall> calls, List<ExchangeRecord> exchanges, Instant origin,
                                       ProxyConnections connections, RunResult result, Checks checks) {
        return measure(calls, exchanges, origin, connections, result.summary().truncated(),
                result.summary().availability(), result.conduct().checks(), checks);
    }

    /** The same from the figures of the result it reads: its truncated count, availability and checks judged. */
    static CellEvidence measure(List<ProviderCall> calls, List<ExchangeRecord> exchanges, Instant origin,
                                ProxyConnections connections, long truncated, Double availability,
                                List<CheckResult> judged, Checks checks) {
        Map<String, Long> attempts = new TreeMap<>();
        calls.forEach(call -> attempts.merge(call.provider(), 1L, Long::sum));
        for (ConnectionRecord unseen : ConnectionAttempts.of(connections, exchanges, origin).unseen()) {
            attempts.merge(unseen.proxy(), 1L, Long::sum);
        }
        Map<String, List<ProviderCall>> byTask = new LinkedHashMap<>();
        calls.stream().filter(call -> call.taskId() != null)
                .forEach(call -> byTask.computeIfAbsent(call.taskId(), t -> new ArrayList<>()).add(call));
        Long maxPerTask = byTask.values().stream().map(list -> (long) list.size()).max(Long::compare).orElse(null);
        List<Double> retryGaps = new ArrayList<>();
        for (List<ProviderCall> taskCalls : byTask.values()) {
            if (taskCalls.size() >= 2) {
                List<ProviderCall> ordered = taskCalls.stream()
                        .sorted(Comparator.comparing(ProviderCall::time).thenComparingLong(ProviderCall::seq)).toList();
                retryGaps.add(Duration.between(ordered.get(0).time(), ordered.get(1).time()).toNanos() / 1e6);
            }
        }
        List<ExchangeRecord> measured = exchanges.stream().filter(e -> !PairedTasks.aborted(e)).toList();
        List<Double> elapsed = measured.stream().map(ExchangeRecord::latencyMs).toList();
        Duration hangBound = ConductChecks.hangBound(checks).orElse(null);
        // as no_hang_past reads them: every exchange, an aborted one too when it had already waited past the bound
        long hangs = exchanges.stream().filter(e -> Exchange.TIMEOUT.equals(e.outcome())
                || (hangBound != null && e.latencyMs() > hangBound.toNanos() / 1e6)).count();
        return new CellEvidence(attempts, maxPerTask, median(retryGaps), median(elapsed),
                elapsed.stream().max(Double::compare).orElse(null), truncated, hangs, firstFailing(judged), availability);
    }

    /** The first required check that failed, else the first advisory one; informational checks are never scored. */
    public static FailingCheck firstFailing(List<CheckResult> checks) {
        return Stream.of(CheckLevel.REQUIRED, CheckLevel.ADVISORY)
                .flatMap(level -> checks.stream().filter(c -> c.failed() && c.level() == level))
                .findFirst()
                .map(c -> new FailingCheck(c.name(), c.level(), c.observed(), c.threshold(), c.detail()))
                .orElse(null);
    }


    /** The exact median (of an even count, the mean of the two middle values); null for none. */
    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        return new Median().evaluate(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
