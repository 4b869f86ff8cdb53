package dev.brownout.reports.gate;

import dev.brownout.reports.BaselineMode;
import dev.brownout.reports.Cost;
import dev.brownout.reports.Estimate;
import dev.brownout.reports.FailoverResult;
import dev.brownout.reports.GateSpec;
import dev.brownout.reports.Latency;
import dev.brownout.reports.Quality;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.Summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Judges a run against gates.
 *
 * <p>Each metric is read from the result in the gate's stored unit: {@code iq_loss} from the run's quality (with its
 * 95% interval), {@code availability} from the summary, {@code p50_latency} and {@code p99_latency} from the end to
 * end latency and {@code ttft_p99} from the time to first token (milliseconds in the result, seconds in the gate),
 * {@code time_to_failover} and {@code time_to_recover} as the worst (largest) over the faulted phases,
 * {@code cost_amplification} as the run's cost over the baseline's, {@code wasted_spend} as a share of the total
 * spend for a percentage or in dollars for an amount, and {@code security_findings} as the number of findings.
 *
 * <p><b>Missing data fails.</b> A figure the result cannot give (no baseline, so no IQ loss; nothing answered, so no
 * latency) makes the gate {@link GateOutcome#UNKNOWN unknown}, and an unknown gate fails with a message saying why:
 * a CI gate that passes because nothing was measured hides exactly the outage it exists to catch. A faulted phase
 * the SUT never failed over from, or never recovered after, fails its time gate outright.
 */
public final class GateEvaluation {

    private GateEvaluation() {
    }

    /** Judges {@code result} against its own gates, those its scenario declared. */
    public static GateReport evaluate(RunResult result, Bound bound) {
        return evaluate(result, result.gates(), bound);
    }

    /** Judges {@code result} against {@code gates}, in their order. */
    public static GateReport evaluate(RunResult result, List<GateSpec> gates, Bound bound) {
        List<GateOutcome> outcomes = new ArrayList<>();
        for (GateSpec gate : gates) {
            outcomes.add(judge(result, gate, bound));
        }
        return new GateReport(bound, outcomes);
    }

    private static GateOutcome judge(RunResult result, GateSpec gate, Bound bound) {
        Optional<Metric> known = Metric.fromLabel(gate.metric());
        if (known.isEmpty()) {
            return unknown(gate, gate.metric() + " is not a gate metric; known: " + Metric.known());
        }
        Metric metric = known.get();
        if (!metric.units().contains(gate.unit())) {
            return unknown(gate, gate.metric() + " " + gate.written() + " cannot be judged: its unit is "
                    + gate.unit() + ", but " + metric.label() + " takes " + metric.example());
        }
        if (!List.of("<", "<=", ">", ">=", "==").contains(gate.comparator())) {
            return unknown(gate, gate.metric() + " " + gate.written() + " cannot be judged: '" + gate.comparator()
                    + "' is not a comparator; known: <, <=, >, >=, ==");
        }
        Reading reading = read(result, metric, gate.unit());
        if (reading.missing() != null) {
            return reading.failsOutright()
                    ? new GateOutcome(gate, GateOutcome.FAILED, null, null, null,
                            gate.metric() + " " + gate.written() + " failed: " + reading.missing())
                    : unknown(gate, gate.metric() + " is unknown, so " + gate.written() + " fails: " + reading.missing());
        }
        return compare(gate, reading, bound);
    }

    private static GateOutcome compare(GateSpec gate, Reading reading, Bound bound) {
        double value = reading.value();
        boolean interval = reading.low() != null && reading.high() != null;
        String observed = Figures.against(value, gate.threshold(), gate.unit());
        if (interval) {
            observed += " (95% CI " + Figures.against(reading.low(), gate.threshold(), gate.unit()) + " to "
                    + Figures.against(reading.high(), gate.threshold(), gate.unit()) + ")";
        }
        observed += reading.where();
        String subject = gate.metric() + " " + observed;
        if (bound == Bound.POINT || !interval) {
            boolean holds = holds(gate.comparator(), value, gate.threshold());
            String note = bound == Bound.PESSIMISTIC && reading.intervalExpected()
                    ? " (no interval could be estimated, so the point estimate was judged)" : "";
            return outcome(gate, reading, holds, subject + (holds ? " is " : " is not ") + gate.written() + note);
        }
        double low = reading.low();
        double high = reading.high();
        return switch (gate.comparator()) {
            case "<", "<=" -> {
                boolean holds = holds(gate.comparator(), high, gate.threshold());
                yield outcome(gate, reading, holds, subject + ": its upper bound "
                        + Figures.against(high, gate.threshold(), gate.unit()) + (holds ? " is " : " is not ")
                        + gate.written());
            }
            case ">", ">=" -> {
                boolean holds = holds(gate.comparator(), low, gate.threshold());
                yield outcome(gate, reading, holds, subject + ": its lower bound "
                        + Figures.against(low, gate.threshold(), gate.unit()) + (holds ? " is " : " is not ")
                        + gate.written());
            }
            default -> {
                boolean holds = low == gate.threshold() && high == gate.threshold();
                yield outcome(gate, reading, holds, subject + (holds ? ": its whole interval is " : ": its interval is not all ")
                        + gate.written());
            }
        };
    }

    private static GateOutcome outcome(GateSpec gate, Reading reading, boolean holds, String message) {
        return new GateOutcome(gate, holds ? GateOutcome.PASSED : GateOutcome.FAILED, reading.value(), reading.low(),
                reading.high(), message);
    }

    private static GateOutcome unknown(GateSpec gate, String message) {
        return new GateOutcome(gate, GateOutcome.UNKNOWN, null, null, null, message);
    }

    private static boolean holds(String comparator, double measured, double threshold) {
        return switch (comparator) {
            case "<" -> measured < threshold;
            case "<=" -> measured <= threshold;
            case ">" -> measured > threshold;
            case ">=" -> measured >= threshold;
            default -> measured == threshold;
        };
    }

    private static Reading read(RunResult result, Metric metric, String unit) {
        Summary summary = result.summary();
        return switch (metric) {
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
            case COST_AMPLIFICATION -> {
                Cost cost = result.cost();
                yield cost == null || cost.amplification() == null
                        ? Reading.missing(noBaseline(result) ? "the run had no baseline, so there is no baseline cost to compare with"
                                : "the baseline's cost is unknown or zero, so there is no amplification")
                        : Reading.of(cost.amplification());
            }
            case WASTED_SPEND -> {
                Cost cost = result.cost();
                if (cost == null) {
                    yield Reading.missing("the run has no cost figures");
                }
                if ("usd".equals(unit)) {
                    yield Reading.of(cost.wastedUsd());
                }
                yield cost.totalUsd() > 0 ? Reading.of(cost.wastedUsd() / cost.totalUsd())
                        : Reading.missing("nothing was spent, so no share of the spend can have been wasted or not");
            }
            case SECURITY_FINDINGS -> result.security() == null
                    ? Reading.missing("the run has no security figures")
                    : Reading.of(result.security().count());
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
        return new Reading(loss.value(), loss.low(), loss.high(), true, "", null, false);
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
                return new Reading(0, null, null, false, "",
                        "the SUT never " + did + " in phase " + phase.phase(), true);
            }
            if (worst == null || millis > figure.apply(worst)) {
                worst = phase;
            }
        }
        String where = phases.size() > 1 ? " (worst: phase " + worst.phase() + ")" : " (phase " + worst.phase() + ")";
        return new Reading(figure.apply(worst) / 1000.0, null, null, false, where, null, false);
    }

    /**
     * What a result says for one metric.
     *
     * @param where         which part of the run the value is from, for the message, or empty
     * @param missing       why there is no value, or null when there is one
     * @param failsOutright the absence is itself the failure (never failed over), not missing data
     */
    private record Reading(double value, Double low, Double high, boolean intervalExpected, String where,
                           String missing, boolean failsOutright) {

        static Reading of(double value) {
            return new Reading(value, null, null, false, "", null, false);
        }

        static Reading missing(String why) {
            return new Reading(0, null, null, false, "", why, false);
        }
    }
}
