package dev.brownout.internal.measure;

import dev.brownout.reports.TaskLoop;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One multi-step task's model calls read as a loop, in arrival order. A call moves the loop forward when it
 * succeeds at a step no earlier call answered; every other call (a failed one, or a repeat of an answered step)
 * is wasted. The loop broke at its first failed call; what came next says how the agent recovered: a call at
 * the same step (or later) resumed it, one at an earlier step started it over, none gave it up.
 *
 * @param useful the positions of the calls that moved the loop forward, in order: the calls whose output the
 *               task's answer used
 */
record LoopTrace(int modelCalls, int toolCalls, int wastedCalls, BigDecimal costUsd, Integer brokenAtStep,
                 String brokenBy, String recovery, List<Integer> useful) {

    LoopTrace {
        useful = List.copyOf(useful);
    }

    static LoopTrace of(List<LoopCall> calls) {
        Set<Integer> answered = new HashSet<>();
        List<Integer> useful = new ArrayList<>();
        int toolCalls = 0;
        BigDecimal cost = BigDecimal.ZERO;
        Integer brokenAt = null;
        String brokenBy = null;
        String recovery = null;
        for (int i = 0; i < calls.size(); i++) {
            LoopCall call = calls.get(i);
            int step = call.step() == null ? 0 : call.step();
            if (call.costUsd() != null) {
                cost = cost.add(call.costUsd());
            }
            if (call.succeeded()) {
                if (call.toolCall() != null) {
                    toolCalls++;
                }
                if (answered.add(step)) {
                    useful.add(i);
                }
            } else if (brokenAt == null) {
                brokenAt = step;
                brokenBy = call.failure();
                recovery = recovery(step, i + 1 < calls.size() ? calls.get(i + 1) : null);
            }
        }
        return new LoopTrace(calls.size(), toolCalls, calls.size() - useful.size(), cost, brokenAt, brokenBy, recovery,
                useful);
    }

    private static String recovery(int brokenStep, LoopCall next) {
        if (next == null) {
            return TaskLoop.GAVE_UP;
        }
        int step = next.step() == null ? 0 : next.step();
        return step < brokenStep ? TaskLoop.STARTED_OVER : TaskLoop.RESUMED;
    }
}
