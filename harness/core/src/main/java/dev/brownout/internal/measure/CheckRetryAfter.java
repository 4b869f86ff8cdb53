package dev.brownout.internal.measure;

import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.reports.CheckResult;
import dev.brownout.scenario.Check;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code honours_retry_after}: after a provider answered a task's call with 429, 503 or 529 and a
 * {@code retry-after}, the same task's next call to that provider must not arrive before that wait elapsed.
 *
 * <p>The wait counts from when the refusal was sent (the call's arrival plus its duration). The next call is
 * the task's first call to that provider arriving at or after that moment: a call that arrived earlier was
 * sent before the refusal could be seen. A retry is early when its gap is shorter than 90% of the wait minus
 * 50 ms (clock and network slack). Refusals without a {@code retry-after}, and calls to other providers
 * (failing over is fine), are not judged.
 */
final class CheckRetryAfter {

    static final Set<Integer> STATUSES = Set.of(429, 503, 529);
    static final double SLACK_SHARE = 0.10;
    static final Duration SLACK = Duration.ofMillis(50);

    private CheckRetryAfter() {
    }

    static CheckResult evaluate(Check check, boolean required, CheckInputs in) {
        if (!(Boolean) check.setting()) {
            return ConductChecks.turnedOff(check, required);
        }
        long judged = 0;
        long early = 0;
        Early worst = null;
        for (Map.Entry<String, List<ProviderCall>> task : in.tasks().byTask().entrySet()) {
            for (List<ProviderCall> calls : byProvider(task.getValue()).values()) {
                for (int i = 0; i < calls.size(); i++) {
                    ProviderCall refusal = calls.get(i);
                    if (!STATUSES.contains(refusal.status()) || refusal.retryAfterMillis() == null) {
                        continue;
                    }
                    Instant sent = refusal.time().plusMillis(refusal.durationMillis());
                    ProviderCall next = nextArriving(calls, i, sent);
                    if (next == null) {
                        continue;
                    }
                    judged++;
                    Duration gap = Duration.between(sent, next.time());
                    Duration wait = Duration.ofMillis(refusal.retryAfterMillis());
                    Duration allowed = Duration.ofNanos(Math.round(wait.toNanos() * (1 - SLACK_SHARE))).minus(SLACK);
                    if (gap.compareTo(allowed) < 0) {
                        early++;
                        Early candidate = new Early(task.getKey(), refusal, gap, wait);
                        if (worst == null || candidate.shortfall().compareTo(worst.shortfall()) > 0) {
                            worst = candidate;
                        }
                    }
                }
            }
        }
        String detail;
        if (judged == 0) {
            detail = "no task was retried on a provider after a refusal that carried a retry-after";
        } else if (worst == null) {
            detail = "every retry after a retry-after waited long enough (" + CheckText.plural(judged, "retry", "retries") + " judged)";
        } else {
            detail = "task " + worst.task() + " called " + worst.refusal().provider() + " again "
                    + CheckText.millis(worst.gap().toNanos() / 1e6) + " after a " + worst.refusal().status()
                    + " (at " + CheckText.at(worst.refusal().time(), in.origin()) + ") that asked it to wait "
                    + CheckText.millis(worst.asked().toMillis()) + "; " + early + " of " + CheckText.plural(judged, "retry", "retries")
                    + " came early";
        }
        return new CheckResult(check.kind().label(), required, CheckText.setting(check.setting()),
                early + " early of " + judged, early == 0, detail);
    }

    private static Map<String, List<ProviderCall>> byProvider(List<ProviderCall> taskCalls) {
        Map<String, List<ProviderCall>> byProvider = new TreeMap<>();
        taskCalls.forEach(call -> byProvider.computeIfAbsent(call.provider(), p -> new ArrayList<>()).add(call));
        return byProvider;
    }

    private static ProviderCall nextArriving(List<ProviderCall> calls, int after, Instant notBefore) {
        for (int j = after + 1; j < calls.size(); j++) {
            if (!calls.get(j).time().isBefore(notBefore)) {
                return calls.get(j);
            }
        }
        return null;
    }

    private record Early(String task, ProviderCall refusal, Duration gap, Duration asked) {
        Duration shortfall() {
            return asked.minus(gap);
        }
    }
}
