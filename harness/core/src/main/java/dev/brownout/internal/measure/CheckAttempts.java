package dev.brownout.internal.measure;

import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.reports.CheckResult;
import dev.brownout.scenario.Check;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** How many calls the SUT made: per task on one provider, and per second against one provider. */
final class CheckAttempts {

    private CheckAttempts() {
    }

    /**
     * {@code max_attempts_per_task N}: the most calls the ledger of one provider holds for one task, every call
     * counted (refusals, rate-limited and failed ones too); passes when it is at most N.
     */
    static CheckResult perTask(Check check, boolean required, CheckInputs in) {
        long limit = (Long) check.setting();
        String worstTask = null;
        String worstProvider = null;
        long worst = 0;
        long tasksOver = 0;
        for (Map.Entry<String, List<ProviderCall>> task : in.tasks().byTask().entrySet()) {
            Map<String, Long> perProvider = new TreeMap<>();
            task.getValue().forEach(call -> perProvider.merge(call.provider(), 1L, Long::sum));
            boolean over = false;
            for (Map.Entry<String, Long> provider : perProvider.entrySet()) {
                if (provider.getValue() > worst) {
                    worst = provider.getValue();
                    worstTask = task.getKey();
                    worstProvider = provider.getKey();
                }
                over |= provider.getValue() > limit;
            }
            tasksOver += over ? 1 : 0;
        }
        boolean passed = worst <= limit;
        String detail;
        if (worstTask == null) {
            detail = "no provider call carried a task id";
        } else if (passed) {
            detail = "at most " + CheckText.plural(worst, "call") + " for one task on one provider (task " + worstTask
                    + " on " + worstProvider + ")";
        } else {
            detail = "task " + worstTask + " made " + CheckText.plural(worst, "call") + " to " + worstProvider + "; "
                    + CheckText.plural(tasksOver, "task") + " went over " + limit + " on some provider";
        }
        return new CheckResult(check.kind().label(), required, CheckText.setting(check.setting()),
                Long.toString(worst), passed, detail);
    }

    /**
     * {@code max_attempts_per_second R}: the busiest window of one provider's ledger. The window is 1 s long, or
     * 1/R s when R is below 1 per second (so one call never breaks a limit of less than one per second); it
     * slides over the calls' arrival times, each window starting at a call's arrival and holding the calls that
     * arrived before it closes (half-open, {@code [t, t + window)}). Observed: the most calls any one provider
     * saw in a window, divided by the window's length in seconds; passes when that is at most R.
     */
    static CheckResult perSecond(Check check, boolean required, CheckInputs in) {
        double limit = (Double) check.setting();
        Duration window = limit >= 1 ? Duration.ofSeconds(1) : Duration.ofNanos(Math.round(1e9 / limit));
        Map<String, List<Instant>> arrivals = new TreeMap<>();
        in.calls().forEach(call -> arrivals.computeIfAbsent(call.provider(), p -> new ArrayList<>()).add(call.time()));
        String worstProvider = null;
        Instant worstFrom = null;
        int worst = 0;
        for (Map.Entry<String, List<Instant>> provider : arrivals.entrySet()) {
            List<Instant> times = provider.getValue().stream().sorted().toList();
            int end = 0;
            for (int start = 0; start < times.size(); start++) {
                Instant closes = times.get(start).plus(window);
                end = Math.max(end, start);
                while (end < times.size() && times.get(end).isBefore(closes)) {
                    end++;
                }
                if (end - start > worst) {
                    worst = end - start;
                    worstProvider = provider.getKey();
                    worstFrom = times.get(start);
                }
            }
        }
        double seconds = window.toNanos() / 1e9;
        double rate = worst / seconds;
        boolean passed = rate <= limit;
        String detail = worstProvider == null ? "no provider call in the run"
                : (passed ? "busiest: " : "") + worstProvider + " got " + CheckText.plural(worst, "call") + " in the "
                + CheckText.setting(window) + " from " + CheckText.at(worstFrom, in.origin()) + " ("
                + CheckText.number(rate) + " per second)";
        return new CheckResult(check.kind().label(), required, CheckText.setting(check.setting()),
                CheckText.number(rate), passed, detail);
    }
}
