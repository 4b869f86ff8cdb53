package dev.brownout.internal.measure;

import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.reports.CheckResult;
import dev.brownout.scenario.Check;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How many calls the SUT made: per task on one provider, and per second against one provider. Both count the
 * providers' ledgers and the connection attempts no ledger holds, read from the fault proxy's connection log
 * ({@link ConnectionAttempts}); when the fault proxy kept no log, the detail says so.
 */
final class CheckAttempts {

    /** Shares of attempts are fractions: compare with a little room for their rounding. */
    private static final double ROOM = 1e-9;

    private CheckAttempts() {
    }

    /**
     * {@code max_attempts_per_task N}: the most calls one task made to one provider, every call counted (refusals,
     * rate-limited and failed ones too). The ledgers give each task's calls exactly. The connection attempts no
     * ledger holds carry no task id: each is shared equally among the tasks in flight at its moment
     * ({@link ConnectionAttempts}), and since one long task can be in flight during many others' attempts, they are
     * judged as an average: over the tasks sent in the same second of the run, their ledger calls to a provider plus
     * their shares of its attempts, per task. Observed: the larger of the most ledger calls of one task on one
     * provider and the highest such average; passes when it is at most N. A multi-step tool task makes one model call
     * per step of its loop by design, so its calls are counted per step, and its count is its busiest step's.
     */
    static CheckResult perTask(Check check, boolean required, CheckInputs in) {
        long limit = (Long) check.setting();
        ConnectionAttempts unseen = ConnectionAttempts.of(in.connections(), in.exchanges(), in.origin());
        Map<String, Map<String, Long>> ledger = new LinkedHashMap<>();
        String worstTask = null;
        String worstProvider = null;
        long worst = 0;
        long tasksOver = 0;
        for (Map.Entry<String, List<ProviderCall>> task : in.tasks().byTask().entrySet()) {
            Map<String, Long> perProvider = attempts(task.getValue());
            ledger.put(task.getKey(), perProvider);
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
        SecondAverage busiest = unseen.unseen().isEmpty() ? null : worstSecond(in, ledger, unseen);
        boolean byAverage = busiest != null && busiest.perTask() > worst + ROOM;
        double observed = byAverage ? busiest.perTask() : worst;
        boolean passed = observed <= limit + ROOM;
        String detail;
        if (byAverage) {
            detail = busiest.describe() + (passed ? ", the most of any second"
                    : "; " + CheckText.plural(busiest.secondsOver(limit), "second") + " went over " + limit);
        } else if (worstTask == null) {
            detail = "no provider call carried a task id";
        } else if (passed) {
            detail = "at most " + CheckText.plural(worst, "call") + " for one task on one provider (task " + worstTask
                    + " on " + worstProvider + ")";
        } else {
            detail = "task " + worstTask + " made " + CheckText.plural(worst, "call") + " to " + worstProvider + "; "
                    + CheckText.plural(tasksOver, "task") + " went over " + limit + " on some provider";
        }
        detail += unseenSummary(unseen, in.connections());
        return new CheckResult(check.kind().label(), required, CheckText.setting(check.setting()),
                CheckText.number(observed), passed, detail);
    }

    /** A task's calls per provider; for a tool loop (a call past step 0), its busiest step's calls per provider. */
    private static Map<String, Long> attempts(List<ProviderCall> calls) {
        Map<String, Map<Integer, Long>> byStep = new TreeMap<>();
        for (ProviderCall call : calls) {
            int step = call.toolStep() == null ? 0 : call.toolStep();
            byStep.computeIfAbsent(call.provider(), p -> new TreeMap<>()).merge(step, 1L, Long::sum);
        }
        Map<String, Long> perProvider = new TreeMap<>();
        byStep.forEach((provider, steps) -> perProvider.put(provider,
                steps.values().stream().mapToLong(Long::longValue).max().orElse(0)));
        return perProvider;
    }

    /**
     * The tasks sent in one second of the run: per task, on average, their calls to one provider in its ledger and
     * their shares of its connection attempts no ledger holds.
     *
     * @param averages every second's average on every provider, to count the seconds over a limit
     */
    private record SecondAverage(long second, String provider, int tasks, double inLedger, double shared,
                                 List<Double> averages) {

        double perTask() {
            return inLedger + shared;
        }

        long secondsOver(long limit) {
            return averages.stream().filter(average -> average > limit + ROOM).count();
        }

        String describe() {
            return "the " + CheckText.plural(tasks, "task") + " sent in the second from " + second + "s made about "
                    + CheckText.number(perTask()) + " calls each to " + provider + " on average: "
                    + CheckText.number(inLedger) + " in the ledger and about " + CheckText.number(shared)
                    + " connection attempts no ledger holds, per task";
        }
    }

    private static SecondAverage worstSecond(CheckInputs in, Map<String, Map<String, Long>> ledger,
                                             ConnectionAttempts unseen) {
        Map<Long, Set<String>> sentIn = new TreeMap<>();
        in.exchanges().stream().filter(exchange -> exchange.taskId() != null).forEach(exchange -> sentIn
                .computeIfAbsent((long) Math.floor(exchange.startedMs() / 1000), s -> new LinkedHashSet<>())
                .add(exchange.taskId()));
        SecondAverage worst = null;
        List<Double> averages = new ArrayList<>();
        for (Map.Entry<Long, Set<String>> second : sentIn.entrySet()) {
            Map<String, double[]> sums = new TreeMap<>();
            for (String task : second.getValue()) {
                ledger.getOrDefault(task, Map.of()).forEach((provider, calls) ->
                        sums.computeIfAbsent(provider, p -> new double[2])[0] += calls);
                unseen.shares().getOrDefault(task, Map.of()).forEach((provider, share) ->
                        sums.computeIfAbsent(provider, p -> new double[2])[1] += share);
            }
            int tasks = second.getValue().size();
            for (Map.Entry<String, double[]> provider : sums.entrySet()) {
                double inLedger = provider.getValue()[0] / tasks;
                double shared = provider.getValue()[1] / tasks;
                averages.add(inLedger + shared);
                if (worst == null || inLedger + shared > worst.perTask() + ROOM) {
                    worst = new SecondAverage(second.getKey(), provider.getKey(), tasks, inLedger, shared, List.of());
                }
            }
        }
        return worst == null ? null : new SecondAverage(worst.second(), worst.provider(), worst.tasks(),
                worst.inLedger(), worst.shared(), List.copyOf(averages));
    }

    /** What the connection log added, or why it could add nothing; empty when it had nothing to add. */
    private static String unseenSummary(ConnectionAttempts unseen, ProxyConnections connections) {
        if (connections.notCounted() != null) {
            return "; connection attempts not counted: " + connections.notCounted();
        }
        if (unseen.unseen().isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("; ")
                .append(CheckText.plural(unseen.unseen().size(), "connection attempt"))
                .append(" reached no ledger (").append(outcomes(unseen)).append(")");
        if (unseen.tasksSharing() > 0) {
            text.append(", about ").append(CheckText.number((double) unseen.attributed() / unseen.tasksSharing()))
                    .append(" per task in flight on average");
        }
        long alone = unseen.unattributed().values().stream().mapToLong(Long::longValue).sum();
        if (alone > 0) {
            text.append(", ").append(alone).append(" while no task was in flight");
        }
        ConnectionAttempts.Window busiest = unseen.busiest();
        text.append("; busiest second: ").append(busiest.attempts()).append(" on ").append(busiest.provider())
                .append(" from ").append(busiest.second()).append("s, with ")
                .append(CheckText.plural(busiest.tasksInFlight(), "task")).append(" in flight");
        if (busiest.tasksInFlight() > 0) {
            text.append(" (").append(CheckText.number((double) busiest.attempts() / busiest.tasksInFlight()))
                    .append(" per task)");
        }
        return text.toString();
    }

    private static String outcomes(ConnectionAttempts unseen) {
        List<String> parts = new ArrayList<>();
        unseen.byOutcome().forEach((outcome, count) -> parts.add(count + " " + ConnectionAttempts.describe(outcome)));
        return String.join(", ", parts);
    }

    /** A call in a ledger, or a connection attempt no ledger holds. */
    private record Arrival(Instant time, boolean unseen) {
    }

    /**
     * {@code max_attempts_per_second R}: the busiest window of one provider, counting its ledger's calls and the
     * connection attempts no ledger holds. The window is 1 s long, or 1/R s when R is below 1 per second (so one
     * call never breaks a limit of less than one per second); it slides over the arrival times, each window
     * starting at an arrival and holding the arrivals before it closes (half-open, {@code [t, t + window)}).
     * Observed: the most arrivals any one provider saw in a window, divided by the window's length in seconds;
     * passes when that is at most R.
     */
    static CheckResult perSecond(Check check, boolean required, CheckInputs in) {
        double limit = (Double) check.setting();
        Duration window = limit >= 1 ? Duration.ofSeconds(1) : Duration.ofNanos(Math.round(1e9 / limit));
        Map<String, List<Arrival>> arrivals = new TreeMap<>();
        in.calls().forEach(call -> arrivals.computeIfAbsent(call.provider(), p -> new ArrayList<>())
                .add(new Arrival(call.time(), false)));
        ConnectionAttempts.of(in.connections(), in.exchanges(), in.origin()).timesByProvider().forEach((provider, times) ->
                times.forEach(time -> arrivals.computeIfAbsent(provider, p -> new ArrayList<>()).add(new Arrival(time, true))));
        String worstProvider = null;
        Instant worstFrom = null;
        int worst = 0;
        int worstUnseen = 0;
        for (Map.Entry<String, List<Arrival>> provider : arrivals.entrySet()) {
            List<Arrival> times = provider.getValue().stream().sorted(Comparator.comparing(Arrival::time)).toList();
            int[] unseenBefore = new int[times.size() + 1];
            for (int i = 0; i < times.size(); i++) {
                unseenBefore[i + 1] = unseenBefore[i] + (times.get(i).unseen() ? 1 : 0);
            }
            int end = 0;
            for (int start = 0; start < times.size(); start++) {
                Instant closes = times.get(start).time().plus(window);
                end = Math.max(end, start);
                while (end < times.size() && times.get(end).time().isBefore(closes)) {
                    end++;
                }
                if (end - start > worst) {
                    worst = end - start;
                    worstUnseen = unseenBefore[end] - unseenBefore[start];
                    worstProvider = provider.getKey();
                    worstFrom = times.get(start).time();
                }
            }
        }
        double seconds = window.toNanos() / 1e9;
        double rate = worst / seconds;
        boolean passed = rate <= limit;
        String detail = worstProvider == null ? "no provider call in the run"
                : (passed ? "busiest: " : "") + worstProvider + " got " + CheckText.plural(worst, "call")
                + (worstUnseen == 0 ? "" : " (" + worstUnseen + " of them connection attempts no ledger holds)")
                + " in the " + CheckText.setting(window) + " from " + CheckText.at(worstFrom, in.origin()) + " ("
                + CheckText.number(rate) + " per second)";
        if (in.connections().notCounted() != null) {
            detail += "; connection attempts not counted: " + in.connections().notCounted();
        }
        return new CheckResult(check.kind().label(), required, CheckText.setting(check.setting()),
                CheckText.number(rate), passed, detail);
    }
}
