package dev.brownout.internal.measure;

import dev.brownout.internal.record.ExchangeRecord;
import dev.brownout.internal.workload.Exchange;
import dev.brownout.reports.CheckResult;
import dev.brownout.reports.PhaseVerdict;
import dev.brownout.reports.Verdict;
import dev.brownout.reports.format.Figures;
import dev.brownout.scenario.ExpectedOutcome;

import java.time.Duration;
import java.util.List;

/**
 * The verdict on one faulted phase, from the tasks due in it and the checks judged on its slice
 * ({@link PhaseSlice}). A is the phase's availability, B the baseline's for the same phase (1, every task
 * answered, without a baseline), m the availability margin. A task failed <em>cleanly</em> when it ended in an
 * error the SUT returned itself within the bound ({@code no_hang_past} if declared, else the task timeout); a
 * timeout never did. Aborted exchanges (the run was stopped) are left out.
 * <p>A phase whose tasks should be answered:
 * <ol>
 *   <li>a required check failed: {@link Verdict#FAIL};</li>
 *   <li>answered, A ≥ B − m: {@link Verdict#PARTIAL} when an advisory check failed, else {@link Verdict#PASS};</li>
 *   <li>not answered, and every unanswered task failed cleanly: {@link Verdict#SAFE};</li>
 *   <li>not answered, and some did not (a timeout, an error past the bound): {@link Verdict#FAIL}.</li>
 * </ol>
 * A phase whose right outcome is an error:
 * <ol>
 *   <li>a required check failed, or an unanswered task did not fail cleanly: {@link Verdict#FAIL};</li>
 *   <li>refused, A ≤ m: {@link Verdict#PARTIAL} when an advisory check failed, else {@link Verdict#PASS};</li>
 *   <li>answered more than that: {@link Verdict#PARTIAL}, the fault was routed round.</li>
 * </ol>
 * A phase with no task due has no verdict (null).
 */
final class PhaseJudgement {

    /** Keeps a figure exactly on the margin inside it despite floating-point rounding (0.95 against 1 − 0.05). */
    private static final double ROUNDING = 1e-9;

    private PhaseJudgement() {
    }

    /**
     * @param exchanges the exchanges due in the phase
     * @param baseline  the baseline's exchanges due in the phase, or null without a baseline
     * @param checks    the required and advisory checks judged on the phase's slice (none n/a or informational)
     * @param bound     how long a clean failure may take, or null when anything the SUT returned is bounded
     */
    static PhaseVerdict judge(FaultedPhase phase, List<ExchangeRecord> exchanges, List<ExchangeRecord> baseline,
                              List<CheckResult> checks, double margin, Duration bound) {
        ExchangeCounts counts = ExchangeCounts.of(exchanges);
        ExchangeCounts baselineCounts = baseline == null ? null : ExchangeCounts.of(baseline);
        Double baselineAvailability = baselineCounts == null ? null : baselineCounts.availability();
        String expected = phase.expect() == ExpectedOutcome.ERROR ? PhaseVerdict.ERROR : PhaseVerdict.ANSWER;
        if (counts.exchanges() == 0) {
            return new PhaseVerdict(phase.name(), expected, null, "no task was due in the phase, so there was"
                    + " nothing to judge", 0, 0, null, baselineAvailability);
        }
        double availability = counts.availability();
        Unanswered unanswered = Unanswered.of(exchanges, bound);
        Outcome outcome = phase.expect() == ExpectedOutcome.ERROR
                ? refusal(counts, availability, margin, unanswered, checks)
                : answer(counts, availability, baselineAvailability, baseline != null, margin, unanswered, checks);
        return new PhaseVerdict(phase.name(), expected, outcome.verdict(), outcome.reason(), counts.exchanges(),
                counts.answered(), availability, baselineAvailability);
    }

    private record Outcome(Verdict verdict, String reason) {
    }

    private static Outcome answer(ExchangeCounts counts, double availability, Double baselineAvailability,
                                  boolean withBaseline, double margin, Unanswered unanswered, List<CheckResult> checks) {
        double reference = baselineAvailability == null ? 1.0 : baselineAvailability;
        boolean answered = availability >= reference - margin - ROUNDING;
        String figures = "answered " + percent(availability) + " of " + tasks(counts.exchanges(), "task")
                + " against " + (baselineAvailability == null ? "100% (" + (withBaseline
                ? "no baseline task in this phase" : "no baseline") + ": every task answered)"
                : "the baseline's " + percent(reference)) + ", " + (answered ? "within" : "more than") + " the "
                + points(margin) + " margin" + (answered ? "" : " below it");
        CheckResult required = firstFailed(checks, true);
        if (required != null) {
            return new Outcome(Verdict.FAIL, figures + "; required check " + failure(required));
        }
        if (answered) {
            CheckResult advisory = firstFailed(checks, false);
            return advisory != null ? new Outcome(Verdict.PARTIAL, figures + "; advisory check " + failure(advisory))
                    : new Outcome(Verdict.PASS, figures + ", and every required check held");
        }
        return unanswered.unclean() == 0
                ? new Outcome(Verdict.SAFE, figures + "; every one of the " + unanswered.cleanText())
                : new Outcome(Verdict.FAIL, figures + "; " + unanswered.uncleanText());
    }

    private static Outcome refusal(ExchangeCounts counts, double availability, double margin, Unanswered unanswered,
                                   List<CheckResult> checks) {
        boolean refused = availability <= margin + ROUNDING;
        String figures = "expected a clean error and answered " + percent(availability) + " of "
                + tasks(counts.exchanges(), "task") + ", " + (refused ? "at most" : "more than") + " the "
                + points(margin) + " margin";
        CheckResult required = firstFailed(checks, true);
        if (required != null) {
            return new Outcome(Verdict.FAIL, figures + "; required check " + failure(required));
        }
        if (unanswered.unclean() > 0) {
            return new Outcome(Verdict.FAIL, figures + "; " + unanswered.uncleanText());
        }
        if (!refused) {
            return new Outcome(Verdict.PARTIAL, figures + ": the SUT routed round a fault whose right outcome is an error");
        }
        CheckResult advisory = firstFailed(checks, false);
        String clean = unanswered.total() == 0 ? "" : "; every one of the " + unanswered.cleanText();
        return advisory != null ? new Outcome(Verdict.PARTIAL, figures + clean + "; advisory check " + failure(advisory))
                : new Outcome(Verdict.PASS, figures + clean + ", and every required check held");
    }

    /** The tasks of a phase that got no answer, and those of them that did not fail cleanly. */
    private record Unanswered(long total, long timeouts, long late, ExchangeRecord example, Duration bound) {

        static Unanswered of(List<ExchangeRecord> exchanges, Duration bound) {
            long total = 0;
            long timeouts = 0;
            long late = 0;
            ExchangeRecord example = null;
            for (ExchangeRecord exchange : exchanges) {
                if (PairedTasks.aborted(exchange) || Exchange.ANSWERED.equals(exchange.outcome())) {
                    continue;
                }
                total++;
                boolean timeout = Exchange.TIMEOUT.equals(exchange.outcome());
                boolean pastBound = !timeout && bound != null && exchange.latencyMs() > bound.toNanos() / 1e6;
                if (timeout || pastBound) {
                    timeouts += timeout ? 1 : 0;
                    late += pastBound ? 1 : 0;
                    if (example == null || exchange.latencyMs() > example.latencyMs()) {
                        example = exchange;
                    }
                }
            }
            return new Unanswered(total, timeouts, late, example, bound);
        }

        long unclean() {
            return timeouts + late;
        }

        String cleanText() {
            return tasks(total, "unanswered task") + " ended in a clean error"
                    + (bound == null ? "" : " within " + CheckText.setting(bound));
        }

        String uncleanText() {
            StringBuilder text = new StringBuilder().append(unclean()).append(" of the ")
                    .append(tasks(total, "unanswered task")).append(" did not end in a clean error")
                    .append(bound == null ? "" : " within " + CheckText.setting(bound)).append(": ");
            if (timeouts > 0) {
                text.append(timeouts).append(" timed out");
            }
            if (late > 0) {
                text.append(timeouts > 0 ? ", " : "").append(late).append(" returned an error only after the bound");
            }
            return text.append(" (the longest: task ").append(example.taskId()).append(", ").append(example.outcome())
                    .append(" after ").append(CheckText.millis(example.latencyMs())).append(')').toString();
        }
    }

    private static CheckResult firstFailed(List<CheckResult> checks, boolean required) {
        return checks.stream().filter(c -> c.scored() && c.failed() && c.required() == required).findFirst().orElse(null);
    }

    private static String failure(CheckResult check) {
        return check.name() + " failed: " + check.detail();
    }

    /** A count of tasks as the reports write counts: {@code 1,800 tasks}. */
    private static String tasks(long count, String noun) {
        return Figures.count(count) + " " + noun + (count == 1 ? "" : "s");
    }

    private static String percent(double share) {
        return Figures.percent(share);
    }

    private static String points(double margin) {
        return CheckText.number(margin * 100) + "-point";
    }
}
