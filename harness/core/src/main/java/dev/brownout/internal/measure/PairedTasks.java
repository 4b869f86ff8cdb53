package dev.brownout.internal.measure;

import dev.brownout.internal.record.ExchangeRecord;
import dev.brownout.internal.workload.Exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The chaos run's exchanges matched with their baseline twins by task id, in the chaos run's order.
 *
 * <p>An exchange whose outcome is {@code aborted} (in flight when a run stopped) is left out of every figure,
 * so it is never paired. A task that only one run has left (after that) is left out of the paired figures and
 * counted in {@link #unpairedChaos()} or {@link #unpairedBaseline()}. Should a task id occur more than once in a
 * run, its n-th occurrence in the chaos run pairs with its n-th in the baseline.
 */
record PairedTasks(List<TaskPair> pairs, int unpairedChaos, int unpairedBaseline) {

    PairedTasks {
        pairs = List.copyOf(pairs);
    }

    static PairedTasks of(List<ExchangeRecord> chaos, List<ExchangeRecord> baseline) {
        Map<String, List<ExchangeRecord>> twins = new LinkedHashMap<>();
        for (ExchangeRecord exchange : baseline) {
            if (!aborted(exchange)) {
                twins.computeIfAbsent(exchange.taskId(), id -> new ArrayList<>()).add(exchange);
            }
        }
        Map<String, Integer> taken = new LinkedHashMap<>();
        List<TaskPair> pairs = new ArrayList<>();
        int unpairedChaos = 0;
        for (ExchangeRecord exchange : chaos) {
            if (aborted(exchange)) {
                continue;
            }
            List<ExchangeRecord> candidates = twins.getOrDefault(exchange.taskId(), List.of());
            int next = taken.getOrDefault(exchange.taskId(), 0);
            if (next < candidates.size()) {
                pairs.add(new TaskPair(exchange, candidates.get(next)));
                taken.put(exchange.taskId(), next + 1);
            } else {
                unpairedChaos++;
            }
        }
        int baselineKept = twins.values().stream().mapToInt(List::size).sum();
        return new PairedTasks(pairs, unpairedChaos, baselineKept - pairs.size());
    }

    /** No baseline: nothing pairs, and nothing counts as unpaired either. */
    static PairedTasks none() {
        return new PairedTasks(List.of(), 0, 0);
    }

    /** The pairs whose chaos exchange was due in {@code phase}. */
    List<TaskPair> inPhase(String phase) {
        return pairs.stream().filter(pair -> Objects.equals(pair.chaos().phase(), phase)).toList();
    }

    /** The pairs whose chaos exchange was due in [{@code fromMs}, {@code toMs}). */
    List<TaskPair> intendedWithin(long fromMs, long toMs) {
        return pairs.stream()
                .filter(pair -> pair.chaos().intendedMs() >= fromMs && pair.chaos().intendedMs() < toMs)
                .toList();
    }

    static boolean aborted(ExchangeRecord exchange) {
        return Exchange.ABORTED.equals(exchange.outcome());
    }
}
