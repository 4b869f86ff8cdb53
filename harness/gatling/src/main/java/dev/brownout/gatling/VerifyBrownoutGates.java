package dev.brownout.gatling;

import dev.brownout.reports.RunResult;
import dev.brownout.reports.RunResults;
import dev.brownout.reports.gate.Bound;
import dev.brownout.reports.gate.GateEvaluation;
import dev.brownout.reports.gate.GateOutcome;
import dev.brownout.reports.gate.GateReport;
import dev.brownout.reports.gate.GateVerdict;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The build step after Gatling that fails the build when a Brownout gate failed or the run is incomplete, beside
 * Gatling's own assertions. It reads the run folder from {@code target/brownout-gatling/last-run.txt} (written by
 * {@link BrownoutLoad#after()}) or from its argument, judges the scenario's gates on the folder's {@code result.json}
 * and prints each one.
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>org.codehaus.mojo</groupId>
 *   <artifactId>exec-maven-plugin</artifactId>
 *   <executions>
 *     <execution>
 *       <id>brownout-gates</id>
 *       <phase>verify</phase>
 *       <goals><goal>java</goal></goals>
 *       <configuration>
 *         <mainClass>dev.brownout.gatling.VerifyBrownoutGates</mainClass>
 *         <classpathScope>test</classpathScope>
 *       </configuration>
 *     </execution>
 *   </executions>
 * </plugin>
 * }</pre>
 *
 * <p>Run by {@code exec:java} it throws (the build fails with the message); run by {@code java -cp ...} it prints the
 * message and exits 1. A run that passed returns normally (exit 0).
 */
public final class VerifyBrownoutGates {

    private VerifyBrownoutGates() {
    }

    /**
     * Verifies the run folder given as the only argument, or the one {@code target/brownout-gatling/last-run.txt}
     * names.
     *
     * @throws IllegalStateException when a gate failed or could not be judged, the run is incomplete, or there is no
     *                               run to judge; the message says which
     */
    public static void main(String[] args) {
        try {
            List<String> lines = verify(args.length > 0 ? Path.of(args[0]) : null);
            lines.forEach(System.out::println);
        } catch (IllegalStateException e) {
            if (launchedDirectly()) {
                System.err.println(e.getMessage());
                System.exit(1);
            }
            throw e;
        }
    }

    /**
     * Judges a run folder's gates.
     *
     * @param folder the run folder, or null for the one {@code target/brownout-gatling/last-run.txt} names
     * @return one line per gate and the verdict, for a run that passed
     * @throws IllegalStateException when a gate failed or could not be judged, the run is incomplete, or the folder or
     *                               its {@code result.json} is missing or unreadable
     */
    public static List<String> verify(Path folder) {
        return verify(folder, RunSummary.LAST_RUN.toAbsolutePath());
    }

    static List<String> verify(Path folder, Path lastRun) {
        Bound bound = Bound.POINT;
        if (folder == null) {
            if (!Files.isRegularFile(lastRun)) {
                throw new IllegalStateException("Brownout gates: " + lastRun + " is missing. BrownoutLoad.after() writes"
                        + " it when a Gatling simulation that starts its run with BrownoutGatling.start(...) ends; run the"
                        + " simulation first (e.g. ./mvnw gatling:test), in this directory, or pass the run folder as the"
                        + " argument");
            }
            List<String> lines = read(lastRun);
            if (lines.isEmpty() || lines.get(0).isBlank()) {
                throw new IllegalStateException("Brownout gates: " + lastRun + " is empty; it should name the run folder");
            }
            folder = Path.of(lines.get(0).trim());
            for (String line : lines) {
                if (line.startsWith(RunSummary.BOUND_PREFIX)) {
                    bound = bound(line.substring(RunSummary.BOUND_PREFIX.length()).trim(), lastRun);
                }
            }
        }
        Path resultJson = folder.resolve(RunResults.FILE_NAME);
        if (!Files.isRegularFile(resultJson)) {
            throw new IllegalStateException("Brownout gates: " + resultJson + " is missing: the run in " + folder
                    + " was not measured (see its error.txt and the simulation's output)");
        }
        RunResult result;
        try {
            result = RunResults.read(resultJson);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Brownout gates: " + resultJson + " cannot be read: " + e.getMessage(), e);
        }
        GateReport gates = GateEvaluation.evaluate(result, bound);
        List<String> lines = new java.util.ArrayList<>(RunSummary.gateLines(gates));
        GateVerdict verdict = gates.verdict(result);
        lines.add("Brownout verdict:    " + verdict + " (" + folder + ")");
        switch (verdict) {
            case PASS -> {
                return lines;
            }
            case INCOMPLETE -> throw new IllegalStateException(String.join("\n", lines) + "\nBrownout gates: the run in "
                    + folder + " is incomplete (" + result.stopReason() + "): its figures cover only part of the scenario");
            default -> throw new IllegalStateException(String.join("\n", lines) + "\nBrownout gates failed: "
                    + gates.failures().stream().map(GateOutcome::name).collect(Collectors.joining(", "))
                    + " (run folder " + folder + ")");
        }
    }

    private static Bound bound(String name, Path lastRun) {
        try {
            return Bound.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Brownout gates: " + lastRun + " names the bound '" + name + "'; known: POINT, "
                    + "PESSIMISTIC", e);
        }
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Brownout gates: " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Whether this JVM was started for this class ({@code java -cp ... VerifyBrownoutGates}) rather than by Maven. */
    private static boolean launchedDirectly() {
        String command = System.getProperty("sun.java.command", "");
        return command.startsWith(VerifyBrownoutGates.class.getName());
    }
}
