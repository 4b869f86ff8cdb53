package dev.brownout.internal.measure;

import dev.brownout.reports.CheckResult;
import dev.brownout.reports.PhaseVerdict;
import dev.brownout.reports.Verdict;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The run's verdict, from the checks judged over the whole run and the verdict on each faulted phase
 * ({@link PhaseJudgement}), in this order; informational and n/a checks never count:
 * <ol>
 *   <li>a required check failed: {@link Verdict#FAIL};</li>
 *   <li>the worst phase verdict, in the order pass, partial, safe, fail, when it is worse than pass;</li>
 *   <li>an advisory check failed: {@link Verdict#PARTIAL};</li>
 *   <li>otherwise {@link Verdict#PASS}.</li>
 * </ol>
 * A phase with no task due has no verdict and is passed over; with no phase judged, the checks alone decide.
 */
final class ConductVerdict {

    private static final List<Verdict> BEST_FIRST = List.of(Verdict.PASS, Verdict.PARTIAL, Verdict.SAFE, Verdict.FAIL);

    private ConductVerdict() {
    }

    record Decision(Verdict verdict, String reason) {
    }

    static Decision decide(List<CheckResult> results, List<PhaseVerdict> phases) {
        List<CheckResult> required = failed(results, true);
        if (!required.isEmpty()) {
            return new Decision(Verdict.FAIL, "required check " + failure(required));
        }
        List<PhaseVerdict> judged = phases.stream().filter(p -> p.verdict() != null).toList();
        PhaseVerdict worst = judged.stream().max(Comparator.comparingInt(p -> BEST_FIRST.indexOf(p.verdict())))
                .orElse(null);
        if (worst != null && worst.verdict() != Verdict.PASS) {
            return new Decision(worst.verdict(), phaseReason(worst, judged));
        }
        List<CheckResult> advisory = failed(results, false);
        if (!advisory.isEmpty()) {
            return new Decision(Verdict.PARTIAL, (worst == null ? "" : passed(judged) + ", but ")
                    + "advisory check " + failure(advisory));
        }
        if (worst != null) {
            return new Decision(Verdict.PASS, judged.size() == 1 ? phaseReason(worst, judged)
                    : passed(judged) + " and every check held");
        }
        if (results.stream().noneMatch(CheckResult::scored)) {
            return new Decision(Verdict.PASS, (phases.isEmpty() ? "no phase has faults" : "no task was due in a faulted"
                    + " phase") + " and no check was judged: nothing to fail");
        }
        return new Decision(Verdict.PASS, (phases.isEmpty() ? "no phase has faults" : "no task was due in a faulted"
                + " phase") + ", so the checks alone decide, and every one held");
    }

    private static List<CheckResult> failed(List<CheckResult> results, boolean required) {
        return results.stream().filter(r -> r.scored() && r.failed() && r.required() == required).toList();
    }

    /** The first failure with its detail, then the names of the others. */
    private static String failure(List<CheckResult> failed) {
        CheckResult first = failed.getFirst();
        String others = failed.size() == 1 ? ""
                : "; also failed: " + String.join(", ", failed.stream().skip(1).map(CheckResult::name).toList());
        return first.name() + " failed: " + first.detail() + others;
    }

    private static String phaseReason(PhaseVerdict worst, List<PhaseVerdict> judged) {
        List<String> alike = judged.stream().filter(p -> p != worst && p.verdict() == worst.verdict())
                .map(PhaseVerdict::phase).toList();
        return "phase " + worst.phase() + ": " + worst.reason()
                + (alike.isEmpty() ? "" : "; also " + Objects.requireNonNull(worst.verdict()).label() + ": "
                + String.join(", ", alike));
    }

    private static String passed(List<PhaseVerdict> judged) {
        return judged.size() == 1 ? "phase " + judged.getFirst().phase() + " passed"
                : "every faulted phase passed (" + String.join(", ", judged.stream().map(PhaseVerdict::phase).toList()) + ")";
    }
}
