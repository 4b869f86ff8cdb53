package dev.brownout.reports;

import java.util.List;

/**
 * How the run's multi-step tool tasks went, each judged as a whole task: its final answer graded, the model calls
 * and tool calls it took, the calls it wasted, what it cost, and, where a model call failed part-way, which step
 * broke and whether the agent resumed from there or started the task over. Counted from the providers' ledgers,
 * so it describes what the agent (the SUT, or the harness playing the agent in front of a gateway) really did.
 *
 * @param tasks                     multi-step tasks that ended (an exchange in flight when the run stopped is left out)
 * @param score                     their mean score, each task graded on its final answer
 * @param baselineScore             the same tasks' mean score in the baseline; null without a baseline
 * @param iqLoss                    {@code 1 - score / baselineScore} over the tasks both runs played, with its 95%
 *                                  interval; null without a baseline or when the baseline scored 0
 * @param modelCallsPerTask         mean model calls the providers saw per task, failed ones included
 * @param baselineModelCallsPerTask the same in the baseline; null when the baseline's ledgers are not at hand (none,
 *                                  or a stored result, which keeps no calls)
 * @param toolCallsPerTask          mean tool calls the models asked for per task
 * @param wastedCalls               model calls, over all tasks, that did not move a loop forward: failed calls and
 *                                  repeats of a step that had already been answered
 * @param costPerTaskUsd            mean cost of a task's model calls
 * @param baselineCostPerTaskUsd    the same in the baseline; null when its ledgers are not at hand
 * @param brokenLoops               tasks in which a model call failed part-way (an error status, a cut or broken
 *                                  reply, an error event, a hang)
 * @param resumed                   broken loops whose next call went on from the step that failed
 * @param startedOver               broken loops whose next call went back to an earlier step
 * @param gaveUp                    broken loops with no call after the failure
 * @param loops                     each task, in the order the run sent them
 */
public record MultiStep(int tasks, double score, Double baselineScore, Estimate iqLoss, double modelCallsPerTask,
                        Double baselineModelCallsPerTask, double toolCallsPerTask, int wastedCalls,
                        double costPerTaskUsd, Double baselineCostPerTaskUsd, int brokenLoops, int resumed,
                        int startedOver, int gaveUp, List<TaskLoop> loops) {

    public MultiStep {
        loops = List.copyOf(loops);
    }
}
