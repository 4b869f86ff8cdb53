package dev.brownout.internal.run;

import dev.brownout.fakes.canary.CanaryKind;
import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.internal.record.ProbeRecord;
import dev.brownout.internal.tasks.CanarySuite;
import dev.brownout.internal.tasks.Task;
import dev.brownout.internal.workload.Exchange;
import dev.brownout.internal.workload.SingleExchange;
import dev.brownout.scenario.CheckKind;
import dev.brownout.scenario.Checks;
import dev.brownout.scenario.Scenario;
import dev.brownout.sut.SutClient;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The probe after a run: once the timeline has ended, every exchange is over and every fault is cleared, one
 * healthy graded task goes through the SUT, bounded, to see whether it is still alive (the check
 * {@code alive_after}). The task is an arithmetic canary of another seed than the run's (the warm-up's kind,
 * which every SUT is sent anyway) under its own id, {@value #TASK_ID}, so its provider calls are told apart
 * from the run's; it is streamed or not as the workload's tasks are, so it takes the users' path through the SUT.
 * Its record is kept in {@value #FILE}, never among the exchanges, and counts in none of their figures.
 */
final class AliveProbe {

    /** The probe's task id, in its prompt's task header and so in the providers' ledgers. */
    static final String TASK_ID = "alive-probe";
    static final String FILE = "probe.json";

    /** The run's tasks use the scenario's seed and the warm-up's the next one. */
    private static final long SEED_OFFSET = 2;

    private AliveProbe() {
    }

    /** How long the probe is given: the shortest {@code alive_after} the scenario declares, else its task timeout. */
    static Duration bound(Scenario scenario) {
        Checks checks = scenario.checks();
        return Stream.concat(checks.required().stream(), checks.advisory().stream())
                .filter(check -> check.kind() == CheckKind.ALIVE_AFTER).map(check -> (Duration) check.setting())
                .filter(Duration::isPositive).min(Comparator.naturalOrder())
                .orElse(scenario.workload().timeout());
    }

    /** The probe's task for a scenario's seed: always the same one. */
    static Task task(long seed) {
        Task canary = new CanarySuite("canary-arithmetic", List.of(CanaryKind.ARITHMETIC), 1, seed + SEED_OFFSET).task(0);
        String prompt = canary.prompt().replace("id=" + canary.id() + " ", "id=" + TASK_ID + " ");
        return new Task(TASK_ID, prompt, canary.expected(), canary.kind(), canary.difficulty(), canary.grader());
    }

    /**
     * Sends the probe through {@code sut} and grades it.
     *
     * @param origin      the {@code System.nanoTime()} the run's exchange times count from
     * @param ledgerStart each provider's last ledger sequence number now, before the probe leaves
     */
    static ProbeRecord send(Scenario scenario, SutClient sut, long origin, Map<String, Long> ledgerStart) {
        Task task = task(scenario.seed());
        Duration bound = bound(scenario);
        Exchange exchange = SingleExchange.send(task.request(scenario.workload().stream(), bound), sut, bound,
                origin);
        double score = exchange.answered() ? task.score(exchange.answer()) : 0;
        return new ProbeRecord(task.id(), millis(exchange.started()), bound.toMillis(), exchange.outcome(),
                exchange.status(), exchange.errorClass(), millis(exchange.ended() - exchange.intended()),
                exchange.model(), exchange.truncated(), score, ledgerStart);
    }

    /**
     * Whether a call made after the probe left belongs to it: it carries the probe's task id, or none at all (a
     * call refused before its body was read, for a bad credential, records no task id). A call that carries a
     * task id of the run is a straggler of the run's and stays with the run.
     */
    static boolean isProbeCall(ProviderCall call, ProbeRecord probe) {
        Long start = probe.ledgerStart().get(call.provider());
        return start != null && call.seq() > start && (call.taskId() == null || TASK_ID.equals(call.taskId()));
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }
}
