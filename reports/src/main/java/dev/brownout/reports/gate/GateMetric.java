package dev.brownout.reports.gate;

import dev.brownout.reports.BaselineMode;
import dev.brownout.reports.Cost;
import dev.brownout.reports.Estimate;
import dev.brownout.reports.FailoverResult;
import dev.brownout.reports.Latency;
import dev.brownout.reports.Quality;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.Summary;
import dev.brownout.reports.WorldSchedule;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The run measurements a gate can hold to a threshold: each with its label ({@code iq_loss}), the units its
 * threshold may be written in, and how its value is read from a {@link RunResult}.
 *
 * <p>{@code iq_loss} is read from the run's quality, with its 95% interval; {@code availability} from the summary;
 * {@code p50_latency} and {@code p99_latency} from the end to end latency and {@code ttft_p99} from the time to
 * first token (milliseconds in the result, seconds in the gate); {@code time_to_failover} and
 * {@code time_to_recover} as the worst (largest) over the faulted phases; {@code cost_amplification} as the run's
 * cost over the baseline's; {@code wasted_spend} as a share of the total spend for a percentage or in dollars for an
 * amount; {@code security_findings} as the number of findings; and {@code goodput_loss} from the run's quality, with
 * its 95% interval, like IQ loss; {@code world_lateness} from the world's schedule, its worst p99 lateness as a duration
 * or as a share of the run's p50 latency. When the run left baseline tasks unsent, an {@code iq_loss} gate's message says how
 * many, since its figure does not count them.
 */
public enum GateMetric {
    /** the share of answer quality lost against the baseline, with its 95% interval */
    IQ_LOSS(Set.of(GateUnit.PERCENT), "a percentage like \"< 5%\""),
    /** the share of exchanges answered */
    AVAILABILITY(Set.of(GateUnit.PERCENT), "a percentage like \">= 99%\""),
    /** the median end to end latency */
    P50_LATENCY(Set.of(GateUnit.DURATION), "a duration like \"< 2s\""),
    /** the 99th percentile end to end latency */
    P99_LATENCY(Set.of(GateUnit.DURATION), "a duration like \"< 8s\""),
    /** the 99th percentile time to the first token */
    TTFT_P99(Set.of(GateUnit.DURATION), "a duration like \"< 3s\""),
    /** the longest time any faulted phase took to fail over */
    TIME_TO_FAILOVER(Set.of(GateUnit.DURATION), "a duration like \"< 30s\""),
    /** the longest time any faulted phase took to recover after */
    TIME_TO_RECOVER(Set.of(GateUnit.DURATION), "a duration like \"< 60s\""),
    /** the run's cost over the baseline's */
    COST_AMPLIFICATION(Set.of(GateUnit.RATIO), "a ratio like \"< 1.3\""),
    /** spend whose output never reached a user, as a share of the spend or in dollars */
    WASTED_SPEND(Set.of(GateUnit.PERCENT, GateUnit.USD),
            "a share of spend like \"< 10%\" or an amount like \"< $2.50\""),
    /** the number of security findings */
    SECURITY_FINDINGS(Set.of(GateUnit.COUNT), "a whole count like \"== 0\""),
    /** the share of correct answers per second lost against the baseline, with its 95% interval */
    GOODPUT_LOSS(Set.of(GateUnit.PERCENT), "a percentage like \"< 10%\""),
    /**
     * how far the fake world fell behind its own schedule: its worst p99 lateness, as a duration or as a share of the
     * run's p50 latency; a gate on it refuses a run whose harness was the bottleneck
     */
    WORLD_LATENESS(Set.of(GateUnit.DURATION, GateUnit.PERCENT),
            "a duration like \"< 50ms\" or a share of the p50 latency like \"< 5%\"");

    private final Set<GateUnit> units;
    private final String example;

    GateMetric(Set<GateUnit> units, String example) {
        this.units = units;
        this.example = example;
    }

    /** The metric as a scenario, a gates file and result.json name it, e.g. {@code p99_latency}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The units a threshold for this metric may be written in. */
    public Set<GateUnit> units() {
        return units;
    }

    /** What a condition for this metric looks like, for error messages, e.g. {@code a duration like "< 8s"}. */
    String example() {
        return example;
    }

    /** The metric labelled {@code label}, if there is one. */
    public static Optional<GateMetric> fromLabel(String label) {
        return Arrays.stream(values()).filter(metric -> metric.label().equals(label)).findFirst();
    }

    /** Every label, in declaration order, for error messages: {@code iq_loss, availability, ...}. */
    static String labels() {
        return Arrays.stream(values()).map(GateMetric::label).collect(Collectors.joining(", "));
    }

    /** This metric's value in {@code result}, in {@code unit}'s stored form, or why the result cannot give it. */
    Reading read(RunResult result, GateUnit unit) {
        Summary summary = result.summary();
        return switch (this) {
            case IQ_LOSS -> iqLoss(result);
            case AVAILABILITY -> summary == null || summary.availability() == null
                    ? Reading.missing("no exchange was measured, so there is no availability")
                    : Reading.of(summary.availability());
            case P50_LATENCY -> latency(summary == null ? null : summary.latency(), Latency::p50Ms,
                    "no exchange was answered, so there is no latency");
            case P99_LATENCY -> latency(summary == null ? null : summary.latency(), Latency::p99Ms,
                    "no exchange was answered, so there is no latency");
            case TTFT_P99 -> latency(summary == null ? null : summary.ttft(), Latency::p99Ms,
                    "no answer's first token was seen (none was streamed or answered), so there is no time to first token");
            case TIME_TO_FAILOVER -> worstFailover(result, FailoverResult::timeToFailoverMs, "failed over");
            case TIME_TO_RECOVER -> worstFailover(result, FailoverResult::timeToRecoverMs, "recovered");
            case COST_AMPLIFICATION -> amplification(result);
            case WASTED_SPEND -> wastedSpend(result.cost(), unit);
            case SECURITY_FINDINGS -> result.security() == null
                    ? Reading.missing("the run has no security figures")
                    : Reading.of(result.security().count());
            case GOODPUT_LOSS -> GoodputReading.goodputLoss(result, noBaseline(result));
            case WORLD_LATENESS -> worldLateness(result, unit);
        };
    }

    private static Reading iqLoss(RunResult result) {
        Quality quality = result.quality();
        Estimate loss = quality == null ? null : quality.iqLoss();
        if (loss == null) {
            return Reading.missing(noBaseline(result)
                    ? "the run had no baseline (baseline mode none), and IQ loss is measured against one; "
                            + "run with a baseline to gate on it"
                    : "the result gives no IQ loss (the baseline's quality was unknown or zero)");
        }
        return new Reading(loss.value(), loss.low(), loss.high(), true, GoodputReading.unsentNote(result), null, false);
    }

    private static Reading worldLateness(RunResult result, GateUnit unit) {
        WorldSchedule world = result.world();
        if (world == null) {
            return Reading.missing("the result has no world schedule (the run never started, or it was written "
                    + "before the world measured its own lateness)");
        }
        if (world.worstP99Ms() == null) {
            return Reading.missing("the world sent nothing it had scheduled, so it has no lateness");
        }
        if (unit == GateUnit.DURATION) {
            return Reading.of(world.worstP99Ms() / 1000.0);
        }
        Double p50 = result.summary() == null || result.summary().latency() == null
                ? null : result.summary().latency().p50Ms();
        return p50 == null || p50 <= 0
                ? Reading.missing("no exchange was answered, so there is no p50 latency to hold the lateness to")
                : Reading.of(world.worstP99Ms() / p50);
    }

    private static Reading amplification(RunResult result) {
        Cost cost = result.cost();
        if (cost == null || cost.amplification() == null) {
            return Reading.missing(noBaseline(result)
                    ? "the run had no baseline, so there is no baseline cost to compare with"
                    : "the baseline's cost is unknown or zero, so there is no amplification");
        }
        return Reading.of(cost.amplification());
    }

    private static Reading wastedSpend(Cost cost, GateUnit unit) {
        if (cost == null) {
            return Reading.missing("the run has no cost figures");
        }
        if (unit == GateUnit.USD) {
            return Reading.of(cost.wastedUsd());
        }
        return cost.totalUsd() > 0 ? Reading.of(cost.wastedUsd() / cost.totalUsd())
                : Reading.missing("nothing was spent, so no share of the spend can have been wasted or not");
    }

    private static boolean noBaseline(RunResult result) {
        return result.baseline() == null || result.baseline().mode() == BaselineMode.NONE;
    }

    private static Reading latency(Latency latency, Function<Latency, Double> figure, String why) {
        Double millis = latency == null ? null : figure.apply(latency);
        return millis == null ? Reading.missing(why) : Reading.of(millis / 1000.0);
    }

    private static Reading worstFailover(RunResult result, Function<FailoverResult, Long> figure, String did) {
        List<FailoverResult> phases = result.failover();
        if (phases.isEmpty()) {
            return Reading.missing("the run has no faulted phase, so there was nothing to have " + did + " from");
        }
        FailoverResult worst = null;
        for (FailoverResult phase : phases) {
            Long millis = figure.apply(phase);
            if (millis == null) {
                return new Reading(0, null, null, false, "", "the SUT never " + did + " in phase " + phase.phase(), true);
            }
            if (worst == null || millis > figure.apply(worst)) {
                worst = phase;
            }
        }
        String where = phases.size() > 1 ? " (worst: phase " + worst.phase() + ")" : " (phase " + worst.phase() + ")";
        return new Reading(figure.apply(worst) / 1000.0, null, null, false, where, null, false);
    }
}
