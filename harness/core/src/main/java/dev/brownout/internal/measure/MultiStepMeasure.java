package dev.brownout.internal.measure;

import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.internal.record.ExchangeRecord;
import dev.brownout.reports.Estimate;
import dev.brownout.reports.MultiStep;
import dev.brownout.reports.TaskLoop;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Judges a run's multi-step tool tasks as whole tasks: the exchange's grade is the final answer's, and the
 * providers' ledgers (every model call carries the task's id and the step it was made at) give the loop each
 * task ran. The same figures from the baseline's ledgers say what the loops cost without faults.
 */
public final class MultiStepMeasure {

    /** The kind of a multi-step tool task: the fakes' {@code chain} canaries. */
    public static final String KIND = "chain";

    private MultiStepMeasure() {
    }

    /**
     * @param chaos          the run's exchanges
     * @param baseline       the baseline's exchanges, or null without a baseline
     * @param chaosLedger    the run's provider calls by task id, in ledger order
     * @param baselineLedger the baseline's provider calls by task id, or null when they are not at hand (no
     *                       baseline, or a stored result, which keeps only who served each task)
     * @return the tasks' figures, or null when the run sent no multi-step task
     */
    public static MultiStep measure(List<ExchangeRecord> chaos, List<ExchangeRecord> baseline,
                                    Map<String, List<ProviderCall>> chaosLedger,
                                    Map<String, List<ProviderCall>> baselineLedger) {
        List<ExchangeRecord> tasks = multiStep(chaos);
        if (tasks.isEmpty()) {
            return null;
        }
        List<TaskLoop> loops = new ArrayList<>();
        double score = 0;
        long modelCalls = 0;
        long toolCalls = 0;
        int wasted = 0;
        BigDecimal cost = BigDecimal.ZERO;
        int broken = 0;
        int resumed = 0;
        int startedOver = 0;
        int gaveUp = 0;
        for (ExchangeRecord task : tasks) {
            LoopTrace trace = trace(chaosLedger.getOrDefault(task.taskId(), List.of()));
            loops.add(new TaskLoop(task.taskId(), task.phase(), task.score(), trace.modelCalls(), trace.toolCalls(),
                    trace.wastedCalls(), trace.costUsd().doubleValue(), trace.brokenAtStep(), trace.brokenBy(),
                    trace.recovery()));
            score += task.score();
            modelCalls += trace.modelCalls();
            toolCalls += trace.toolCalls();
            wasted += trace.wastedCalls();
            cost = cost.add(trace.costUsd());
            if (trace.brokenAtStep() != null) {
                broken++;
                switch (trace.recovery()) {
                    case TaskLoop.RESUMED -> resumed++;
                    case TaskLoop.STARTED_OVER -> startedOver++;
                    default -> gaveUp++;
                }
            }
        }
        int n = tasks.size();
        Double baselineScore = null;
        Estimate iqLoss = null;
        Double baselineModelCalls = null;
        Double baselineCost = null;
        if (baseline != null) {
            List<ExchangeRecord> baselineTasks = multiStep(baseline);
            List<TaskPair> pairs = PairedTasks.of(tasks, baselineTasks).pairs();
            if (!pairs.isEmpty()) {
                baselineScore = pairs.stream().mapToDouble(pair -> pair.baseline().score()).average().orElseThrow();
                iqLoss = IqLoss.of(pairs);
            }
            if (baselineLedger != null && !baselineTasks.isEmpty()) {
                long calls = 0;
                BigDecimal spent = BigDecimal.ZERO;
                for (ExchangeRecord task : baselineTasks) {
                    LoopTrace trace = trace(baselineLedger.getOrDefault(task.taskId(), List.of()));
                    calls += trace.modelCalls();
                    spent = spent.add(trace.costUsd());
                }
                baselineModelCalls = calls / (double) baselineTasks.size();
                baselineCost = spent.doubleValue() / baselineTasks.size();
            }
        }
        return new MultiStep(n, score / n, baselineScore, iqLoss, modelCalls / (double) n, baselineModelCalls,
                toolCalls / (double) n, wasted, cost.doubleValue() / n, baselineCost, broken, resumed, startedOver,
                gaveUp, loops);
    }

    /** The task's calls read as a loop. */
    static LoopTrace trace(List<ProviderCall> calls) {
        return LoopTrace.of(calls.stream().sorted(LedgerSlice.ARRIVAL).map(LoopCall::of).toList());
    }

    /** Whether the exchange is a multi-step tool task's. */
    static boolean isMultiStep(ExchangeRecord exchange) {
        return KIND.equals(exchange.kind());
    }

    private static List<ExchangeRecord> multiStep(List<ExchangeRecord> exchanges) {
        return exchanges.stream().filter(e -> isMultiStep(e) && !PairedTasks.aborted(e)).toList();
    }
}
