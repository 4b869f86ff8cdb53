package dev.brownout.internal.measure;

import dev.brownout.internal.record.ExchangeRecord;
import dev.brownout.reports.PhaseSpec;
import dev.brownout.reports.Timeline;
import dev.brownout.reports.Window;

import java.util.ArrayList;
import java.util.List;

/**
 * The run cut into windows of a fixed width on the scenario's clock, restarting at each phase's start. An
 * exchange belongs to the window holding its intended send time (so a stall shows in the window where the
 * requests were due, not where they ended); aborted exchanges belong nowhere. A window's phase is the one
 * it lies in, as the run engine assigns exchanges to phases by their intended time.
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
     * Windows of {@code windowMs} that start afresh at every phase's start, the last window of a phase cut
     * short at the phase's end: every window lies in exactly one phase, so a fault's start and end fall on
     * window boundaries and the times to fail over and to recover count from them exactly.
     *
     * @param baseline the baseline's exchanges, or null without one
     */
    static Timeline of(List<ExchangeRecord> chaos, List<ExchangeRecord> baseline, PairedTasks paired,
                       List<PhaseSpec> phases, long durationMs, long windowMs) {
        if (windowMs <= 0) {
            throw new IllegalArgumentException("a window must be at least 1 ms wide, was " + windowMs);
        }
        List<PhaseSpec> spans = phases.isEmpty() ? List.of(new PhaseSpec(null, 0, durationMs, List.of())) : phases;
        List<Window> windows = new ArrayList<>();
        for (PhaseSpec phase : spans) {
            for (long start = phase.atMs(); start < phase.endMs(); start += windowMs) {
                long end = Math.min(start + windowMs, phase.endMs());
                windows.add(window(chaos, baseline, paired, phase.name(), start, end));
            }
        }
        return new Timeline(windowMs, windows);
    }

    private static Window window(List<ExchangeRecord> chaos, List<ExchangeRecord> baseline, PairedTasks paired,
                                 String phase, long start, long end) {
        List<ExchangeRecord> due = dueWithin(chaos, start, end);
        ExchangeCounts counts = ExchangeCounts.of(due);
        ExchangeCounts baselineCounts = baseline == null ? null : ExchangeCounts.of(dueWithin(baseline, start, end));
        LatencyDistribution latency = new LatencyDistribution();
        due.forEach(exchange -> latency.record(exchange.latencyMs()));
        return new Window(start, end, phase, counts.exchanges(), counts.answered(), counts.availability(),
                counts.quality(), baselineCounts == null ? null : baselineCounts.availability(),
                baselineCounts == null ? null : baselineCounts.quality(),
                baseline == null ? null : IqLoss.value(paired.intendedWithin(start, end)), latency.latency().p99Ms());
    }

    private static List<ExchangeRecord> dueWithin(List<ExchangeRecord> exchanges, long start, long end) {
        return exchanges.stream()
                .filter(exchange -> !PairedTasks.aborted(exchange))
                .filter(exchange -> exchange.intendedMs() >= start && exchange.intendedMs() < end)
                .toList();
    }
}
