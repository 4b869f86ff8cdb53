package dev.brownout.internal.sut;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A process as Linux's {@code /proc/PID/stat} shows it: its state, process group and start time in clock ticks
 * since boot. Empty where there is no {@code /proc} (macOS) and for a zombie, which has ended already.
 */
record ProcStat(long pid, char state, long processGroup, long startTicks) {

    private static final Path PROC = Path.of("/proc");
    private static final Path BOOT_ID = PROC.resolve("sys/kernel/random/boot_id");
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    static boolean available() {
        return Files.isDirectory(PROC.resolve("self"));
    }

    static Optional<ProcStat> of(long pid) {
        String text;
        try {
            text = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.ISO_8859_1);
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
        // the command name (field 2) is in parentheses and may itself hold spaces and parentheses
        int close = text.lastIndexOf(')');
        if (close < 0) {
            return Optional.empty();
        }
        String[] fields = text.substring(close + 1).strip().split(" ");
        // fields[0] is field 3 of proc(5): state; field 5 is the process group, field 22 the start time
        if (fields.length < 20 || fields[0].isEmpty() || fields[0].charAt(0) == 'Z' || fields[0].charAt(0) == 'X') {
            return Optional.empty();
        }
        try {
            return Optional.of(new ProcStat(pid, fields[0].charAt(0), Long.parseLong(fields[2]), Long.parseLong(fields[19])));
        } catch (NumberFormatException unexpected) {
            return Optional.empty();
        }
    }

    /** The live processes of process group {@code processGroup}; empty without {@code /proc}. */
    static List<ProcessHandle> groupMembers(long processGroup) {
        List<ProcessHandle> members = new ArrayList<>();
        if (processGroup <= 1 || !available()) {
            return members;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, entry -> isNumber(entry.getFileName().toString()))) {
            for (Path entry : entries) {
                long pid = Long.parseLong(entry.getFileName().toString());
                of(pid).filter(stat -> stat.processGroup == processGroup)
                        .flatMap(stat -> ProcessHandle.of(pid)).ifPresent(members::add);
            }
        } catch (IOException | RuntimeException unreadable) {
            // what was found is what can be ended
        }
        return members;
    }

    /**
     * Whether {@code process} has ended. A zombie has: an orphan is reaped by the system's init whenever that
     * gets to it (seconds in some containers), and until then the JDK still counts it alive.
     */
    static boolean ended(ProcessHandle process) {
        return !process.isAlive() || available() && of(process.pid()).isEmpty();
    }

    /** Waits up to {@code nanos} for {@code process} to end; true if it did. */
    static boolean awaitEnd(ProcessHandle process, long nanos) {
        long deadline = System.nanoTime() + nanos;
        while (!ended(process)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                // a child of this JVM ends the wait at once; anything else is looked at every 20 ms
                process.onExit().get(Math.min(left, POLL_NANOS), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException pollAgain) {
                // looked at again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ended(process);
            }
        }
        return true;
    }

    /** This boot's random id: start ticks only identify a process within one boot. */
    static Optional<String> bootId() {
        try {
            return Optional.of(Files.readString(BOOT_ID, StandardCharsets.US_ASCII).strip()).filter(id -> !id.isEmpty());
        } catch (IOException | RuntimeException none) {
            return Optional.empty();
        }
    }

    private static boolean isNumber(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
