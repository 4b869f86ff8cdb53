package dev.brownout.internal.run;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * The CPU time this process has used so far: the embedded fake world, its fault proxies and the driver all run in
 * it, so the difference over a run is what the world (and what shares its process) cost the machine.
 */
final class ProcessCpu {

    private ProcessCpu() {
    }

    /** CPU seconds the process has used since it started, or null where the JVM cannot say. */
    static Double seconds() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean hotspot) {
            long nanos = hotspot.getProcessCpuTime();
            return nanos < 0 ? null : nanos / 1e9;
        }
        return null;
    }

    /** The CPU seconds used since {@code startSeconds}, or null when either reading is unknown. */
    static Double since(Double startSeconds) {
        Double now = seconds();
        return startSeconds == null || now == null ? null : Math.max(0, now - startSeconds);
    }
}
