package dev.brownout.internal.sut;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One process across its whole life: its pid and when it started, so a pid the system gave to another process
 * since is never mistaken for it. On Linux the start is the clock tick since boot from {@code /proc} (exact,
 * unmoved by clock changes) within one boot ({@code bootId}); elsewhere only the start instant the JDK reports.
 *
 * @param pid        the process id
 * @param bootId     the boot it started in; null where unknown
 * @param startTicks its start in clock ticks since boot; -1 where unknown
 * @param start      when it started, for people and for systems without {@code /proc}; null where unknown
 */
record ProcessIdentity(long pid, String bootId, long startTicks, Instant start) {

    /** The process running as {@code pid} now, if any; empty for a process that has ended (a zombie included). */
    static Optional<ProcessIdentity> of(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (handle.isEmpty()) {
            return Optional.empty();
        }
        Instant start = handle.get().info().startInstant().orElse(null);
        if (ProcStat.available()) {
            return ProcStat.of(pid).map(stat -> new ProcessIdentity(pid, ProcStat.bootId().orElse(null), stat.startTicks(), start));
        }
        return Optional.of(new ProcessIdentity(pid, null, -1, start));
    }

    static ProcessIdentity current() {
        return of(ProcessHandle.current().pid()).orElseThrow();
    }

    /** Whether the process this identifies still runs: its pid is alive and started when this says. */
    boolean stillRuns() {
        return of(pid).map(this::sameProcessAs).orElse(false);
    }

    /** Whether {@code other} (read now for the same pid) is this very process rather than a later one with its pid. */
    boolean sameProcessAs(ProcessIdentity other) {
        if (pid != other.pid) {
            return false;
        }
        if (bootId != null && other.bootId != null) {
            return bootId.equals(other.bootId) && startTicks >= 0 && startTicks == other.startTicks;
        }
        return start != null && Objects.equals(start, other.start);
    }

    /** How the start is told to a person. */
    String describeStart() {
        return start != null ? "started " + start : "started at tick " + startTicks;
    }
}
