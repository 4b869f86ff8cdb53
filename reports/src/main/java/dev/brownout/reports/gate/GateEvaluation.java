package dev.brownout.reports.gate;

import dev.brownout.reports.GateSpec;
import dev.brownout.reports.RunResult;

import java.util.ArrayList;
import java.util.List;

/**
 * Judges a run against gates. Each metric's value is read from the result as {@link GateMetric} describes.
 *
 * <p><b>Missing data fails.</b> A figure the result cannot give (no baseline, so no IQ loss; nothing answered, so no
 * latency) makes the gate {@link GateOutcome#UNKNOWN unknown}, and an unknown gate fails with a message saying why:
 * a CI gate that passes because nothing was measured hides exactly the outage it exists to catch. A faulted phase
 * the SUT never failed over from, or never recovered after, fails its time gate outright. A gate stored in the
 * result that this brownout cannot type (a metric it does not know) is unknown too.
 */
public final class GateEvaluation {

    private GateEvaluation() {
    }

    /** Judges {@code result} against its own gates, those its scenario declared and result.json stores. */
    public static GateReport evaluate(RunResult result, Bound bound) {
        List<GateOutcome> outcomes = new ArrayList<>();
        for (GateSpec stored : result.gates()) {
            Gate gate;
            try {
                gate = Gate.from(stored);
            } catch (IllegalArgumentException e) {
                outcomes.add(new GateOutcome(stored, GateOutcome.UNKNOWN, null, null, null, e.getMessage()));
                continue;
            }
            outcomes.add(judge(result, gate, bound));
        }
        return new GateReport(bound, outcomes);
    }

    /** Judges {@code result} against {@code gates} (from a gates file, say) instead of its own, in their order. */
    public static GateReport evaluate(RunResult result, List<Gate> gates, Bound bound) {
        List<GateOutcome> outcomes = new ArrayList<>();
        for (Gate gate : gates) {
            outcomes.add(judge(result, gate, bound));
        }
        return new GateReport(bound, outcomes);
    }

    private static GateOutcome judge(RunResult result, Gate gate, Bound bound) {
        Reading reading = gate.metric().read(result, gate.unit());
        String name = gate.metric().label() + " ";
        if (reading.missing() != null) {
            return reading.failsOutright()
                    ? new GateOutcome(gate.toSpec(), GateOutcome.FAILED, null, null, null,
                            name + gate.written() + " failed: " + reading.missing())
                    : new GateOutcome(gate.toSpec(), GateOutcome.UNKNOWN, null, null, null,
                            name + "is unknown, so " + gate.written() + " fails: " + reading.missing());
        }
        return compare(gate, reading, bound);
    }

    private static GateOutcome compare(Gate gate, Reading reading, Bound bound) {
        GateUnit unit = gate.unit();
        double threshold = gate.threshold();
        double value = reading.value();
        String observed = unit.formatAgainst(value, threshold);
        if (reading.hasInterval()) {
            observed += " (95% CI " + unit.formatAgainst(reading.low(), threshold) + " to "
                    + unit.formatAgainst(reading.high(), threshold) + ")";
        }
        String subject = gate.metric().label() + " " + observed + reading.where();
        if (bound == Bound.POINT || !reading.hasInterval()) {
            boolean holds = gate.holdsFor(value);
            String note = bound == Bound.PESSIMISTIC && reading.intervalExpected()
                    ? " (no interval could be estimated, so the point estimate was judged)" : "";
            return outcome(gate, reading, holds, subject + (holds ? " is " : " is not ") + gate.written() + note);
        }
        double low = reading.low();
        double high = reading.high();
        return switch (gate.comparator()) {
            case LESS, LESS_OR_EQUAL -> {
                boolean holds = gate.holdsFor(high);
                yield outcome(gate, reading, holds, subject + ": its upper bound " + unit.formatAgainst(high, threshold)
                        + (holds ? " is " : " is not ") + gate.written());
            }
            case GREATER, GREATER_OR_EQUAL -> {
                boolean holds = gate.holdsFor(low);
                yield outcome(gate, reading, holds, subject + ": its lower bound " + unit.formatAgainst(low, threshold)
                        + (holds ? " is " : " is not ") + gate.written());
            }
            case EQUAL -> {
                boolean holds = gate.holdsFor(low) && gate.holdsFor(high);
                yield outcome(gate, reading, holds, subject
                        + (holds ? ": its whole interval is " : ": its interval is not all ") + gate.written());
            }
        };
    }

    private static GateOutcome outcome(Gate gate, Reading reading, boolean holds, String message) {
        return new GateOutcome(gate.toSpec(), holds ? GateOutcome.PASSED : GateOutcome.FAILED, reading.value(),
                reading.low(), reading.high(), message);
    }
}
