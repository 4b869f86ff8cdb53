package dev.brownout.internal.measure;

import dev.brownout.reports.FailoverResult;
import dev.brownout.reports.PhaseSpec;
import dev.brownout.reports.Timeline;
import dev.brownout.reports.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How fast the SUT got round each faulted phase (one whose {@link PhaseSpec#targets()} is not empty), read
 * from the timeline's windows against the baseline's figures for the same windows:
 * <ul>
 *   <li><b>time to failover</b>: from the phase's planned start to the start of the first window of the phase
 *       from which availability stays at most 5 percentage points below the baseline's for every later window
 *       of the phase ({@code a ≥ a_baseline − 0.05}; doing better than the baseline counts); 0 when it never
 *       fell below, null when the phase ends below it (the SUT never got round the fault). A dip that comes
 *       back is counted until it is over, so a SUT that holds on to a cached token and falls over when it
 *       expires does not score as one that failed over at once;</li>
 *   <li><b>time to recover</b>: from the phase's planned end to the start of the first window starting at or
 *       after that end whose quality is at most 2 percentage points below the baseline's quality for that
 *       window ({@code q ≥ q_baseline − 0.02}), and stays so in the next window that has figures, when there
 *       is one; null when that never happens before the run ends.</li>
 * </ul>
 * A window without exchanges in either run, or without a baseline, has no figures: it never qualifies and
 * never breaks a recovery. Without a baseline both times are null.
 */
final class FailoverTimes {

    static final double AVAILABILITY_TOLERANCE = 0.05;
    static final double QUALITY_TOLERANCE = 0.02;
    /** Keeps a figure exactly on the boundary inside it despite floating-point rounding (0.98 vs 1 − 0.02). */
    private static final double ROUNDING = 1e-9;

    private FailoverTimes() {
    }

    static List<FailoverResult> of(List<PhaseSpec> phases, Timeline timeline) {
        List<FailoverResult> results = new ArrayList<>();
        for (PhaseSpec phase : phases) {
            if (phase.faulted()) {
                results.add(new FailoverResult(phase.name(), timeToFailover(phase, timeline.windows()),
                        timeToRecover(phase, timeline.windows())));
            }
        }
        return results;
    }

    private static Long timeToFailover(PhaseSpec phase, List<Window> windows) {
        Long streakStart = null;
        for (Window window : windows) {
            if (window.startMs() < phase.atMs() || window.startMs() >= phase.endMs() || !hasAvailabilityFigures(window)) {
                continue;
            }
            if (!available(window)) {
                streakStart = null;
            } else if (streakStart == null) {
                streakStart = window.startMs() - phase.atMs();
            }
        }
        return streakStart;
    }

    private static boolean hasAvailabilityFigures(Window window) {
        return window.availability() != null && window.baselineAvailability() != null;
    }

    private static Long timeToRecover(PhaseSpec phase, List<Window> windows) {
        for (int i = 0; i < windows.size(); i++) {
            Window window = windows.get(i);
            if (window.startMs() >= phase.endMs() && hasQualityFigures(window) && recovered(window)
                    && nextWithFigures(windows, i + 1).map(FailoverTimes::recovered).orElse(true)) {
                return window.startMs() - phase.endMs();
            }
        }
        return null;
    }

    private static Optional<Window> nextWithFigures(List<Window> windows, int from) {
        return windows.subList(from, windows.size()).stream().filter(FailoverTimes::hasQualityFigures).findFirst();
    }

    private static boolean available(Window window) {
        return window.availability() != null && window.baselineAvailability() != null
                && window.availability() >= window.baselineAvailability() - AVAILABILITY_TOLERANCE - ROUNDING;
    }

    private static boolean hasQualityFigures(Window window) {
        return window.quality() != null && window.baselineQuality() != null;
    }

    private static boolean recovered(Window window) {
        return window.quality() >= window.baselineQuality() - QUALITY_TOLERANCE - ROUNDING;
    }
}
