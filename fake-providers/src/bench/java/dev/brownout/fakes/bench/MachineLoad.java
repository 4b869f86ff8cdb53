package dev.brownout.fakes.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load average, printed with each result: on a shared machine it says how far to trust it. */
final class MachineLoad {

    private MachineLoad() {
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return "load average " + fields[0] + " " + fields[1] + " " + fields[2] + " on "
                    + Runtime.getRuntime().availableProcessors() + " CPUs";
        } catch (IOException e) {
            return "load average unknown (" + e.getMessage() + ")";
        }
    }
}
