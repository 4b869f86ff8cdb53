package dev.brownout.assertj;

import dev.brownout.reports.PhaseResult;
import dev.brownout.reports.format.Figures;
import org.assertj.core.api.AbstractAssert;

import java.time.Duration;

/**
 * Assertions on one phase of a run, as played: what the users lost while its faults held. Reached from a run with
 * {@link RunResultAssert#phase(String)}, e.g. {@code assertThat(run).phase("oauth-down").hasIqLossBelow(0.25)}.
 *
 * <p>Fractions are written as fractions ({@code 0.05} for 5%); a figure the phase could not give (an IQ loss without
 * a baseline, an availability when nothing was sent in it) fails with the reason. Failure messages name the phase
 * and the run and end with the run's report path when it has one. Under soft assertions, an assertion on a phase the
 * run does not have fails saying so, after {@code phase(...)} has reported the phases there are.
 */
public class PhaseAssert extends AbstractAssert<PhaseAssert, PhaseResult> {

    private RunContext run = RunContext.UNKNOWN;
    private String name;
    private String missing;

    /**
     * Assertions on {@code actual} outside of any run: messages name it as a phase of "the run" and point to no
     * report. {@link RunResultAssert#phase(String)} is the usual way to make one.
     */
    public PhaseAssert(PhaseResult actual) {
        super(actual, PhaseAssert.class);
        this.name = actual == null ? null : actual.name();
    }

    /**
     * Places the phase in its run.
     *
     * @param missing why there is no phase to assert on, or null when there is one
     */
    PhaseAssert within(RunContext run, String name, String missing) {
        this.run = run;
        this.name = name;
        this.missing = missing;
        return myself;
    }

    /**
     * Verifies that the phase's IQ loss (its point estimate) is below {@code maxLoss}; the message quotes the loss
     * with its 95% interval.
     *
     * @param maxLoss a fraction: {@code 0.05} for 5%
     * @throws IllegalArgumentException for a {@code maxLoss} outside 0 to 1
     */
    public PhaseAssert hasIqLossBelow(double maxLoss) {
        Thresholds.fraction(maxLoss, "the IQ loss to stay below");
        requirePhase("to have an IQ loss below " + Figures.percent(maxLoss));
        failIf(FigureExpectations.iqLossBelow(subject(), actual.iqLoss(), run.noIqLoss("in the phase"), maxLoss));
        return myself;
    }

    /**
     * Verifies that the upper end of the phase's IQ loss interval is below {@code maxLoss}; fails when no interval
     * could be estimated (fewer than 2 tasks paired with the baseline).
     *
     * @param maxLoss a fraction: {@code 0.05} for 5%
     * @throws IllegalArgumentException for a {@code maxLoss} outside 0 to 1
     */
    public PhaseAssert hasIqLossUpperBoundBelow(double maxLoss) {
        Thresholds.fraction(maxLoss, "the upper end of the IQ loss interval to stay below");
        requirePhase("to have the upper end of its IQ loss interval below " + Figures.percent(maxLoss));
        failIf(FigureExpectations.iqLossUpperBoundBelow(subject(), actual.iqLoss(), run.noIqLoss("in the phase"), maxLoss));
        return myself;
    }

    /**
     * Verifies that the phase's goodput loss (its point estimate) is below {@code maxLoss}: the share of correct
     * answers per second lost in the phase against the baseline's same span, counting the tasks never sent.
     *
     * @param maxLoss a fraction: {@code 0.10} for 10%
     * @throws IllegalArgumentException for a {@code maxLoss} outside 0 to 1
     */
    public PhaseAssert hasGoodputLossBelow(double maxLoss) {
        Thresholds.fraction(maxLoss, "the goodput loss to stay below");
        requirePhase("to have a goodput loss below " + Figures.percent(maxLoss));
        failIf(GoodputExpectations.goodputLossBelow(subject(), actual.goodput(), run.hadBaseline(), "the phase", maxLoss));
        return myself;
    }

    /**
     * Verifies that at least {@code minAvailability} of the phase's exchanges got an answer.
     *
     * @param minAvailability a fraction: {@code 0.99} for 99%
     * @throws IllegalArgumentException for a {@code minAvailability} outside 0 to 1
     */
    public PhaseAssert hasAvailabilityAtLeast(double minAvailability) {
        Thresholds.fraction(minAvailability, "the availability to reach");
        requirePhase("to have an availability of at least " + Figures.percent(minAvailability));
        failIf(FigureExpectations.availabilityAtLeast(subject(), actual.availability(),
                actual.answered() + " answered, " + actual.exchanges() + " exchanges in the phase",
                "no exchange was sent in the phase, so there is no availability", minAvailability));
        return myself;
    }

    /**
     * Verifies that the 99th percentile of the phase's end-to-end latency, as measured on the clock the run played
     * on, is below {@code max}.
     *
     * @throws IllegalArgumentException for a null, zero or negative {@code max}
     */
    public PhaseAssert hasP99Below(Duration max) {
        Thresholds.positive(max, "the p99 latency to stay below");
        requirePhase("to have a p99 latency below " + FigureText.duration(max));
        Double p99 = actual.latency() == null ? null : actual.latency().p99Ms();
        failIf(FigureExpectations.p99Below(subject(), p99,
                p99 == null ? "" : "end to end, over " + actual.latency().count() + " answers",
                "nothing was answered in the phase, so there is no latency", max));
        return myself;
    }

    private void requirePhase(String expectation) {
        if (missing != null) {
            throw failure("%s", "\nExpecting phase \"" + name + "\" of " + run.subject() + " " + expectation + ", but "
                    + missing + run.reportLine());
        }
        isNotNull();
    }

    private String subject() {
        return "phase " + name + " of " + run.subject();
    }

    private void failIf(String message) {
        if (message != null) {
            throw failure("%s", message + run.reportLine());
        }
    }
}
