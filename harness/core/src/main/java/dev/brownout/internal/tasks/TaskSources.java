package dev.brownout.internal.tasks;

import dev.brownout.fakes.canary.CanaryKind;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Picks the task source a workload names: a canary suite, or a JSONL task file. */
public final class TaskSources {

    /**
     * The canary suites by name. {@code canary-mixed} rotates arithmetic, lookup and json by index. It leaves
     * tool out: a tool canary is answered with a tool call when the request offers the tool, and otherwise
     * with the call written as text ({@code get_weather(city="Oslo")}), a convention of the fakes that a real
     * model would not follow, so tool tasks belong in the suite that asks for them explicitly.
     */
    public static final Map<String, List<CanaryKind>> CANARY_SUITES = suites();

    private TaskSources() {
    }

    /**
     * The source for a workload's {@code tasks}: a canary suite name ({@code canary-arithmetic},
     * {@code canary-lookup}, {@code canary-json}, {@code canary-tool}, {@code canary-mixed}) at a difficulty and
     * seed, or a task file path, relative paths resolved against {@code baseDirectory} (the scenario file's
     * directory; null for the working directory). A task file is loaded and checked now.
     *
     * @throws IllegalArgumentException for an unknown canary suite or a bad difficulty
     * @throws TaskFileException        for a task file that cannot be read or used
     */
    public static TaskSource of(String tasks, int difficulty, long seed, Path baseDirectory) {
        if (tasks == null || tasks.isBlank()) {
            throw new IllegalArgumentException("no tasks named: give a canary suite (" + String.join(", ", CANARY_SUITES.keySet())
                    + ") or the path of a .jsonl task file");
        }
        if (isCanarySuite(tasks)) {
            List<CanaryKind> kinds = CANARY_SUITES.get(tasks);
            if (kinds == null) {
                throw new IllegalArgumentException("unknown canary suite '" + tasks + "'; valid: "
                        + String.join(", ", CANARY_SUITES.keySet()) + ", or the path of a .jsonl task file");
            }
            return new CanarySuite(tasks, kinds, difficulty, seed);
        }
        Path file = Path.of(tasks);
        if (baseDirectory != null && !file.isAbsolute()) {
            file = baseDirectory.resolve(file);
        }
        return TaskFile.load(file.normalize());
    }

    /** Whether {@code tasks} names a canary suite rather than a task file: {@code canary-...} but not {@code .jsonl}. */
    public static boolean isCanarySuite(String tasks) {
        return tasks.startsWith("canary-") && !tasks.endsWith(".jsonl");
    }

    private static Map<String, List<CanaryKind>> suites() {
        Map<String, List<CanaryKind>> suites = new LinkedHashMap<>();
        for (CanaryKind kind : CanaryKind.values()) {
            suites.put("canary-" + kind.label(), List.of(kind));
        }
        suites.put("canary-mixed", List.of(CanaryKind.ARITHMETIC, CanaryKind.LOOKUP, CanaryKind.JSON));
        return Collections.unmodifiableMap(suites);
    }
}
