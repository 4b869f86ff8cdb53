package dev.brownout.gatling;

import dev.brownout.gatling.simulations.ProbeSimulation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link ProbeSimulation} in a Gatling JVM of its own, as gatling-maven-plugin 4.21 forks it:
 * {@code io.gatling.app.Gatling -s <class> -rf <results> -rd <base64 description> -l maven -btv <maven version>} with the
 * plugin's default JVM options (and two that halve a tiny run's CPU), the test class path, and the JVM options brownout-gatling's {@code gatling.conf}
 * template asks for (no version check leaving the machine). The working directory is the test's, so
 * {@code target/brownout-gatling/last-run.txt} and {@code brownout-runs/} land there. A run that outlives its
 * timeout is destroyed with its whole process tree.
 */
final class ForkedGatling {

    /** The JVM options that keep Gatling's start-up version check on this machine (see gatling.conf). */
    static final List<String> NO_VERSION_CHECK = List.of("-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=9");

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final Path workDir;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final List<String> jvmOptions = new ArrayList<>(NO_VERSION_CHECK);
    private final List<String> wrapper = new ArrayList<>();
    private boolean reports;

    private ForkedGatling(Path workDir) {
        this.workDir = workDir;
    }

    /** A fork of ProbeSimulation working in {@code workDir}. */
    static ForkedGatling in(Path workDir) {
        return new ForkedGatling(workDir);
    }

    /** Sets a system property of the fork ({@code probe.*} configure the simulation). */
    ForkedGatling with(String property, Object value) {
        properties.put(property, String.valueOf(value));
        return this;
    }

    /** The scenario file under src/test/resources/scenarios. */
    ForkedGatling scenario(String fileName) {
        return with("probe.scenario", resource("scenarios/" + fileName));
    }

    /** A SUT file under src/test/resources/sut. */
    ForkedGatling sut(String fileName) {
        return with("probe.sut", resource("sut/" + fileName));
    }

    /** Replaces the JVM options that keep the version check local with {@code options}. */
    ForkedGatling jvmOptions(List<String> options) {
        jvmOptions.clear();
        jvmOptions.addAll(options);
        return this;
    }

    /** Runs the JVM under {@code command} (e.g. strace and its options). */
    ForkedGatling wrappedIn(List<String> command) {
        wrapper.addAll(command);
        return this;
    }

    /** Lets Gatling write its HTML report (the tests skip it to save time). */
    ForkedGatling withReports() {
        reports = true;
        return this;
    }

    /** The file each fed task id is appended to. */
    Path fedFile() {
        return workDir.resolve("fed.txt");
    }

    Result run() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(wrapper);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx512m", "-XX:MaxInlineLevel=20", "-XX:MaxTrivialSize=12",
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
                // not the plugin's: these tiny runs end before C2 pays off, and this halves their CPU on a shared machine
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        if (Runtime.version().feature() >= 24) {
            command.addAll(List.of("--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED"));
        }
        command.addAll(jvmOptions);
        properties.putIfAbsent("probe.fed", fedFile().toString());
        properties.putIfAbsent("probe.results", workDir.resolve("results.tsv").toString());
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of("-cp", classPath(), "io.gatling.app.Gatling",
                "-s", ProbeSimulation.class.getName(),
                "-rf", workDir.resolve("target").resolve("gatling").toString(),
                "-rd", Base64.getEncoder().encodeToString("brownout-gatling test".getBytes(StandardCharsets.UTF_8)),
                "-l", "maven", "-btv", "3.9.11"));
        if (!reports) {
            command.add("-nr");
        }
        Path output = workDir.resolve("gatling-output.txt");
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        boolean ended = process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("the forked Gatling run did not end within " + TIMEOUT + "; its output:\n"
                    + Files.readString(output));
        }
        return new Result(process.exitValue(), Files.readString(output), workDir);
    }

    private static String classPath() {
        String testClassPath = System.getProperty("surefire.test.class.path");
        return testClassPath != null && !testClassPath.isBlank() ? testClassPath : System.getProperty("java.class.path");
    }

    private static String resource(String name) {
        Path file = Path.of("src", "test", "resources", name).toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no test resource " + file);
        }
        return file.toString();
    }

    /**
     * A finished fork.
     *
     * @param exitCode Gatling's exit code: 0 passed, 2 its assertions failed, 1 a crash
     * @param output   what it printed (standard output and error)
     */
    record Result(int exitCode, String output, Path workDir) {

        /** The run folder {@code after()} (or the crash watch) named in last-run.txt. */
        Path runFolder() throws IOException {
            Path lastRun = workDir.resolve("target").resolve("brownout-gatling").resolve("last-run.txt");
            if (!Files.isRegularFile(lastRun)) {
                throw new AssertionError("no " + lastRun + "; Gatling's output:\n" + output);
            }
            return Path.of(Files.readAllLines(lastRun).get(0).trim());
        }

        /** The task ids Gatling fed, in order. */
        List<String> fedTaskIds() throws IOException {
            Path fed = workDir.resolve("fed.txt");
            return Files.isRegularFile(fed) ? Files.readAllLines(fed).stream().filter(line -> !line.isBlank()).toList()
                    : List.of();
        }

        /** What each user's session held after ask: task id, status, score, first token ms, finish reason, truncated, answer. */
        List<String[]> sessionResults() throws IOException {
            Path results = workDir.resolve("results.tsv");
            return Files.isRegularFile(results) ? Files.readAllLines(results).stream().filter(line -> !line.isBlank())
                    .map(line -> line.split("\t", -1)).toList() : List.of();
        }

        @Override
        public String toString() {
            return "Gatling exit " + exitCode + ", output:\n" + output;
        }
    }
}
