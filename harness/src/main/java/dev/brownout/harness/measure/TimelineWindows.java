package dev.brownout.harness.measure;

import dev.brownout.harness.run.ExchangeRecord;
import dev.brownout.reports.PhaseSpec;
import dev.brownout.reports.Timeline;
import dev.brownout.reports.Window;

import java.util.ArrayList;
import java.util.List;

/**
 * The run cut into fixed windows on the scenario's clock. An exchange belongs to the window holding its
 * intended send time (so a stall shows in the window where the requests were due, not where they ended);
 * aborted exchanges belong nowhere. A window's phase is the phase holding its start: the last one planned at
 * or before it, as the run engine assigns exchanges to phases.
 *
 * <p>Per window: the chaos run's non-aborted exchanges, those answered, availability (answered / exchanges)
 * and quality (mean grade), the baseline's availability and quality over its exchanges due in the same
 * window, the IQ loss over the paired tasks due in it ({@code 1 − mean c / mean b}, no interval) and the p99
 * latency (through Micrometer, see {@link LatencyDistribution}). A figure over no exchanges, or without a
 * baseline, is null.
 */
final class TimelineWindows {

    private TimelineWindows() {
    }

    /** One sixtieth of the run rounded to a whole second, at least one second. */
    static long defaultWidthMs(long durationMs) {
        long seconds = Math.round(durationMs / 60.0 / 1000.0);
        return Math.max(1, seconds) * 1000;
    }

    /**
     * Windows of {@code windowMs} from 0 until the end of the run (or the last intended send time, if later).
     *
     * @param baseline the baseline's exchanges, or null without one
     */
    static Timeline of(List<ExchangeRecord> chaos, List<ExchangeRecord> baseline, PairedTasks paired,
                       List<PhaseSpec> phases, long durationMs, long windowMs) {
        if (windowMs <= 0) {
            throw new IllegalArgumentException("a window must be at least 1 ms wide, was " + windowMs);
        }
        double last = durationMs;
        for (ExchangeRecord exchange : chaos) {
            last = Math.max(last, exchange.intendedMs() + 1);
        }
        long count = (long) Math.ceil(last / windowMs);
        List<Window> windows = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            long start = i * windowMs;
            long end = start + windowMs;
            List<ExchangeRecord> due = dueWithin(chaos, start, end);
            ExchangeCounts counts = ExchangeCounts.of(due);
            ExchangeCounts baselineCounts = baseline == null ? null : ExchangeCounts.of(dueWithin(baseline, start, end));
            LatencyDistribution latency = new LatencyDistribution();
            due.forEach(exchange -> latency.record(exchange.latencyMs()));
            windows.add(new Window(start, end, phaseAt(phases, start), counts.exchanges(), counts.answered(),
                    counts.availability(), counts.quality(),
                    baselineCounts == null ? null : baselineCounts.availability(),
                    baselineCounts == null ? null : baselineCounts.quality(),
                    baseline == null ? null : IqLoss.value(paired.intendedWithin(start, end)),
                    latency.latency().p99Ms()));
        }
        return new Timeline(windowMs, windows);
    }

    /** The phase holding {@code ms}: the last one planned at or before it, else the first; null without phases. */
    static String phaseAt(List<PhaseSpec> phases, long ms) {
        if (phases.isEmpty()) {
            return null;
        }
        String phase = phases.getFirst().name();
        for (PhaseSpec candidate : phases) {
            if (candidate.atMs() <= ms) {
                phase = candidate.name();
            }
        }
        return phase;
    }

    private static List<ExchangeRecord> dueWithin(List<ExchangeRecord> exchanges, long start, long end) {
        return exchanges.stream()
                .filter(exchange -> !PairedTasks.aborted(exchange))
                .filter(exchange -> exchange.intendedMs() >= start && exchange.intendedMs() < end)
                .toList();
    }
}
