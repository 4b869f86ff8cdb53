package dev.brownout;

import java.time.Duration;

/**
 * A run at one moment, for a progress display.
 *
 * @param phase   the phase playing now, or null before the first
 * @param elapsed time since the timeline started, at most {@code total}
 * @param total   the timeline's length
 * @param ok      exchanges the SUT answered so far
 * @param failed  exchanges that ended in an error or a timeout so far
 */
public record RunProgress(String phase, Duration elapsed, Duration total, long ok, long failed) {
}
