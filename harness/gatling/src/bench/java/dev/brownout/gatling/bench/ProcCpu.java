package dev.brownout.gatling.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of processes and threads as Linux accounts it in {@code /proc} ({@code utime + stime}, in clock ticks of
 * 10 ms: {@code getconf CLK_TCK} is 100 on the machines this runs on), and the machine's load average.
 */
final class ProcCpu {

    static final double SECONDS_PER_TICK = 0.01;

    private ProcCpu() {
    }

    /** CPU seconds used so far by process {@code pid} (all its threads, living or ended), or -1 if it is gone. */
    static double processSeconds(long pid) {
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        return stat == null ? -1 : ticks(stat) * SECONDS_PER_TICK;
    }

    /** CPU seconds of each living thread of this JVM, keyed by {@code tid:name}. */
    static Map<String, Double> ownThreads() {
        Map<String, Double> threads = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                String stat = read(task.resolve("stat"));
                if (stat != null) {
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    threads.put(task.getFileName() + ":" + name, ticks(stat) * SECONDS_PER_TICK);
                }
            });
        } catch (IOException e) {
            // no per-thread figures: the split by thread kind is then empty
        }
        return threads;
    }

    /** The command line of process {@code pid}, its arguments separated by spaces; empty when it is gone. */
    static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    java.nio.charset.StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    /** The 1-minute load average. */
    static double loadAverage() {
        String line = read(Path.of("/proc/loadavg"));
        return line == null ? Double.NaN : Double.parseDouble(line.trim().split("\\s+")[0]);
    }

    private static long ticks(String stat) {
        // fields after the command name, which may hold spaces and parentheses: state is field 3, utime 14, stime 15
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return null;
        }
    }
}
