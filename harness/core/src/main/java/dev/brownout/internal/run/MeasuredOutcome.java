package dev.brownout.internal.run;

import dev.brownout.reports.RunResult;

import java.nio.file.Path;

/**
 * A measured run: its folder, its result, and the raw records of the runs played for it.
 *
 * @param chaos    the scenario's run, or null when a baseline did not complete and it never started
 * @param baseline the fault-free run, or null unless the baseline was {@code auto}
 * @param noise    the second fault-free run for the noise floor, or null
 */
public record MeasuredOutcome(Path folder, RunResult result, RunRecord chaos, RunRecord baseline, RunRecord noise) {
}
