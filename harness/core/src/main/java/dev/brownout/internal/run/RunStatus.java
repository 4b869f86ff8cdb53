package dev.brownout.internal.run;

import java.time.Duration;

/**
 * A run at one moment, for a progress display.
 *
 * @param ok     exchanges the SUT answered
 * @param failed exchanges that ended in an error or a timeout
 */
public record RunStatus(String phase, Duration elapsed, Duration total, long ok, long failed) {
}
