package dev.brownout.reports;

/**
 * The CPU time the process running the fake world used over the run.
 *
 * @param cpuSeconds  CPU seconds the process used between the run's start and end
 * @param wallSeconds the run's wall-clock seconds over which it was measured
 * @param cores       the processors the process could use
 * @param share       {@code cpuSeconds / (wallSeconds * cores)}: how much of the machine it kept busy, 0 to 1
 * @param process     what else that process ran, so the figure is read for what it is, e.g. "the harness's JVM: the
 *                    fake world, its fault proxies and the driver"
 */
public record WorldCpu(double cpuSeconds, double wallSeconds, int cores, double share, String process) {
}
