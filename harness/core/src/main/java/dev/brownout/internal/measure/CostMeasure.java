package dev.brownout.internal.measure;

import dev.brownout.fakes.ledger.CallOutcome;
import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.internal.record.ExchangeRecord;
import dev.brownout.internal.workload.Exchange;
import dev.brownout.reports.Cost;
import dev.brownout.reports.CostLine;
import dev.brownout.reports.ModelServed;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A run's cost, read from the providers' ledgers rather than from anything the SUT reports.
 *
 * <p><b>Wasted spend</b> is the cost of calls whose output never reached a user. For a task whose exchange
 * was answered and not flagged truncated, its last call answered with status 200 and a complete answer is the
 * one the user got; every other call of that task (retries, hedges, cut streams) is wasted. For a multi-step tool
 * task, whose answer needed a call at each step of its loop, the first complete 200 call at each step reached the
 * user ({@link LoopTrace}); the rest are wasted. When such a task
 * has no complete 200 call (the SUT relayed a cut stream as a whole answer), all its calls are wasted. For a
 * task that was not answered, or answered truncated, every call is wasted. Calls carrying no task id of the
 * run (no id at all, or one the exchange log does not hold) count in the total and their model's line but not
 * in wasted spend; a warning says how many there were and what they cost.
 */
public final class CostMeasure {

    static final String NO_MODEL = "(none)";

    private CostMeasure() {
    }

    /**
     * @param calls            the run's provider calls (see {@link LedgerSlice#runCalls})
     * @param exchanges        the run's exchanges
     * @param baselineTotalUsd what the baseline's calls cost ({@link #totalUsd}), or null without a baseline
     */
    public static CostMeasurement measure(List<ProviderCall> calls, List<ExchangeRecord> exchanges,
                                          Double baselineTotalUsd) {
        LedgerTasks tasks = new LedgerTasks(calls);
        Map<String, Boolean> delivered = deliveredByTask(exchanges);
        Set<ProviderCall> reachedUser = new HashSet<>();
        tasks.byTask().forEach((taskId, taskCalls) -> {
            if (Boolean.TRUE.equals(delivered.get(taskId))) {
                if (multiStep(taskCalls)) {
                    LoopTrace.of(taskCalls.stream().map(LoopCall::of).toList()).useful()
                            .forEach(i -> reachedUser.add(taskCalls.get(i)));
                } else {
                    lastCompleteSuccess(taskCalls).ifPresent(reachedUser::add);
                }
            }
        });

        BigDecimal total = BigDecimal.ZERO;
        BigDecimal wasted = BigDecimal.ZERO;
        BigDecimal unattributed = BigDecimal.ZERO;
        long unattributedCalls = 0;
        Map<String, Line> lines = new TreeMap<>();
        for (ProviderCall call : calls) {
            BigDecimal cost = cost(call);
            total = total.add(cost);
            Line line = lines.computeIfAbsent(call.provider() + '\u0000' + modelOf(call),
                    key -> new Line(call.provider(), modelOf(call)));
            line.add(call, cost);
            if (call.taskId() == null || !delivered.containsKey(call.taskId())) {
                unattributedCalls++;
                unattributed = unattributed.add(cost);
            } else if (!reachedUser.contains(call)) {
                wasted = wasted.add(cost);
                line.wasted = line.wasted.add(cost);
            }
        }

        long correct = exchanges.stream().filter(e -> e.score() >= 1.0).count();
        Double perCorrect = correct == 0 ? null
                : total.divide(BigDecimal.valueOf(correct), MathContext.DECIMAL64).doubleValue();
        Double amplification = baselineTotalUsd == null || baselineTotalUsd == 0 ? null
                : total.divide(BigDecimal.valueOf(baselineTotalUsd), MathContext.DECIMAL64).doubleValue();

        List<String> warnings = new ArrayList<>();
        if (unattributedCalls > 0) {
            warnings.add(String.format(Locale.ROOT, "%d provider call(s) costing $%s carried no task id of this run;"
                    + " they count in the total but not in wasted spend", unattributedCalls, unattributed.toPlainString()));
        }
        Cost cost = new Cost(total.doubleValue(), baselineTotalUsd, amplification, perCorrect, wasted.doubleValue(),
                lines.values().stream().map(Line::toCostLine).toList());
        return new CostMeasurement(cost, modelsServed(calls), warnings);
    }

    /** What the calls cost together, e.g. a baseline run's calls. */
    public static double totalUsd(List<ProviderCall> calls) {
        return calls.stream().map(CostMeasure::cost).reduce(BigDecimal.ZERO, BigDecimal::add).doubleValue();
    }

    /** Calls answered with status 200, by provider and the model that really served them. */
    static List<ModelServed> modelsServed(List<ProviderCall> calls) {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        for (ProviderCall call : calls) {
            if (call.status() == 200) {
                counts.computeIfAbsent(call.provider(), p -> new TreeMap<>()).merge(modelOf(call), 1L, Long::sum);
            }
        }
        List<ModelServed> served = new ArrayList<>();
        counts.forEach((provider, models) -> models.forEach((model, n) -> served.add(new ModelServed(provider, model, n))));
        return served;
    }

    /** Whether each task's answer reached its user whole: answered and not flagged truncated. */
    /** A task whose calls went past step 0: a tool loop, each of whose steps the answer needed. */
    private static boolean multiStep(List<ProviderCall> taskCalls) {
        return taskCalls.stream().anyMatch(call -> call.toolStep() != null && call.toolStep() > 0);
    }

    private static Map<String, Boolean> deliveredByTask(List<ExchangeRecord> exchanges) {
        Map<String, Boolean> delivered = new HashMap<>();
        for (ExchangeRecord exchange : exchanges) {
            boolean whole = Exchange.ANSWERED.equals(exchange.outcome()) && !exchange.truncated();
            delivered.merge(exchange.taskId(), whole, Boolean::logicalOr);
        }
        return delivered;
    }

    private static Optional<ProviderCall> lastCompleteSuccess(List<ProviderCall> taskCalls) {
        for (int i = taskCalls.size() - 1; i >= 0; i--) {
            ProviderCall call = taskCalls.get(i);
            if (call.status() == 200 && call.outcome() == CallOutcome.COMPLETE) {
                return Optional.of(call);
            }
        }
        return Optional.empty();
    }

    /** The model that served, else the one asked for, else {@value #NO_MODEL} (refused before the body was read). */
    static String modelOf(ProviderCall call) {
        if (call.servedModel() != null) {
            return call.servedModel();
        }
        return call.model() != null ? call.model() : NO_MODEL;
    }

    private static BigDecimal cost(ProviderCall call) {
        return call.costUsd() == null ? BigDecimal.ZERO : call.costUsd();
    }

    private static final class Line {
        final String provider;
        final String model;
        long calls;
        long inputTokens;
        long outputTokens;
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal wasted = BigDecimal.ZERO;

        Line(String provider, String model) {
            this.provider = provider;
            this.model = model;
        }

        void add(ProviderCall call, BigDecimal callCost) {
            calls++;
            inputTokens += call.inputTokens();
            outputTokens += call.outputTokens();
            cost = cost.add(callCost);
        }

        CostLine toCostLine() {
            return new CostLine(provider, model, calls, inputTokens, outputTokens, cost.doubleValue(),
                    wasted.doubleValue());
        }
    }
}
