package dev.brownout.reports.html;

import dev.brownout.reports.Estimate;
import dev.brownout.reports.MultiStep;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.TaskLoop;
import dev.brownout.reports.format.Figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the page shows of the multi-step tool tasks: their figures as whole tasks beside the baseline's, and each
 * loop that broke, with where, how and what the agent did next.
 */
final class MultiStepView {

    /** The page lists this many broken loops; result.json has them all. */
    private static final int MAX_BROKEN_LOOPS = 50;

    private MultiStepView() {
    }

    /** The section's data, or null when the run sent no multi-step task. */
    static Map<String, Object> of(RunResult result) {
        MultiStep tasks = result.multiStep();
        if (tasks == null) {
            return null;
        }
        Estimate loss = tasks.iqLoss();
        boolean noBaseline = tasks.baselineScore() == null;
        List<Map<String, Object>> broken = new ArrayList<>();
        for (TaskLoop loop : tasks.loops()) {
            if (loop.broken() && broken.size() < MAX_BROKEN_LOOPS) {
                broken.add(ReportView.map("taskId", loop.taskId(), "phase", loop.phase() == null ? Format.NONE : loop.phase(),
                        "step", loop.brokenAtStep(), "by", loop.brokenBy(), "then", loop.recovery().replace('_', ' '),
                        "calls", Format.count(loop.modelCalls()), "score", Format.score(loop.score())));
            }
        }
        return ReportView.map(
                "tasks", Format.count(tasks.tasks()),
                "iqLoss", loss == null ? (noBaseline ? "unknown — no baseline" : Format.NONE) : Format.percent(loss.value()),
                "iqLossInterval", loss == null || loss.low() == null || loss.high() == null ? null
                        : "95% interval " + Format.percent(loss.low()) + " to " + Format.percent(loss.high()),
                "score", Format.score(tasks.score()),
                "baselineScore", Format.score(tasks.baselineScore()),
                "modelCalls", mean(tasks.modelCallsPerTask()),
                "baselineModelCalls", tasks.baselineModelCallsPerTask() == null ? Format.NONE
                        : mean(tasks.baselineModelCallsPerTask()),
                "toolCalls", mean(tasks.toolCallsPerTask()),
                "wasted", Format.count(tasks.wastedCalls()),
                "cost", Figures.usd(tasks.costPerTaskUsd()),
                "baselineCost", tasks.baselineCostPerTaskUsd() == null ? Format.NONE
                        : Figures.usd(tasks.baselineCostPerTaskUsd()),
                "brokenLoops", Format.count(tasks.brokenLoops()),
                "resumed", Format.count(tasks.resumed()),
                "startedOver", Format.count(tasks.startedOver()),
                "gaveUp", Format.count(tasks.gaveUp()),
                "broken", broken,
                "hasBroken", !broken.isEmpty(),
                "brokenCut", tasks.brokenLoops() > broken.size()
                        ? "The first " + broken.size() + " of " + tasks.brokenLoops() + " broken loops; result.json has them all."
                        : null);
    }

    private static String mean(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
