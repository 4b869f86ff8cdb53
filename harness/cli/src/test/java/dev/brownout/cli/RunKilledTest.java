package dev.brownout.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brownout.fakes.config.Mappers;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code brownout run} killed outright (SIGKILL: no shutdown hook runs) while it plays leaves no SUT process
 * and no listening port behind. The SUT is the naive gateway started by a shell script ({@code sh -c 'sleep 3600 |
 * java ... & wait'}), so both the SUT's first process and the server it started must end. The gateway reads its
 * standard input from a {@code sleep} that never closes it, as a server that does not watch its input would: its own
 * stop at the end of its input must not be what ends it here.
 */
class RunKilledTest {

    private static final Duration GONE_WITHIN = Duration.ofSeconds(15);
    private static final Pattern PORT = Pattern.compile("^port (\\d+)$", Pattern.MULTILINE);

    @TempDir
    Path folder;

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .filter(dir -> !dir.isEmpty()).anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    /** Ended: gone, or a zombie waiting for init to reap it (it holds no port and runs no code). */
    private static boolean endsWithin(long pid, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            if (ended(pid)) {
                return true;
            }
            Thread.sleep(50);
        }
        return ended(pid);
    }

    private static boolean ended(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException gone) {
            return true;
        }
    }

    private static boolean stopsListeningWithin(int port, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (Listening.accepts("127.0.0.1:" + port) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return !Listening.accepts("127.0.0.1:" + port);
    }

    @Test
    void aRunKilledWithSigkillLeavesNoSutProcessAndNoListeningPort() throws Exception {
        Assumptions.assumeTrue(onPath("setsid") && onPath("setpriv") && Files.isDirectory(Path.of("/proc/self")),
                "no util-linux setsid/setpriv or no /proc: the kernel's parent-death signal and process groups are what this proves");
        Path sutFile = folder.resolve("scripted-gateway.yaml");
        Path template = Path.of("../../scenarios/sut/naive-gateway.yaml.mustache").toAbsolutePath().normalize();
        Files.writeString(sutFile, """
                name: scripted-gateway
                adapter: openai-chat
                base_url: "http://127.0.0.1:{{port}}/v1"
                process:
                  command: [sh, -c, 'echo "port $3"; sleep 3600 | "$0" -cp "$1" dev.brownout.gateways.naive.NaiveGateway "$2" & wait',
                            "{{brownout.java}}", "{{brownout.classpath}}", "{{config_file}}", "{{port}}"]
                  config_template: "%s"
                  ready: { http: "http://127.0.0.1:{{port}}/v1/models", timeout: 60s }
                  stop_grace: 1s
                """.formatted(template));
        Path out = folder.resolve("runs");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the short outage twice as slow, without a baseline: six seconds of timeline, killed at its first phase
        Process run = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                BrownoutCli.class.getName(), "run", "src/test/resources/run/short-outage.yaml", "--sut", sutFile.toString(),
                "--baseline", "none", "--time-scale", "2", "--warmup", "0s", "--out", out.toString()))
                .redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        CompletableFuture<Boolean> playing = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    synchronized (output) {
                        output.add(line);
                    }
                    // the timeline starts once the SUT is ready
                    if (line.startsWith("phase steady at")) {
                        playing.complete(true);
                    }
                }
            } catch (IOException ignored) {
                // the process is gone
            }
            playing.complete(false);
        });
        long sutPid;
        List<ProcessHandle> sutTree;
        int port;
        try {
            assertThat(playing.get(90, TimeUnit.SECONDS)).as("the run reached its first phase; output: %s", output).isTrue();
            Path runFolder;
            try (Stream<Path> runs = Files.list(out)) {
                runFolder = runs.filter(Files::isDirectory).findFirst().orElseThrow();
            }
            JsonNode pidFile = Mappers.json().readTree(runFolder.resolve("sut-pid.json").toFile());
            sutPid = pidFile.path("process").path("pid").asLong();
            sutTree = ProcessHandle.of(sutPid).orElseThrow().descendants().toList();
            Matcher matcher = PORT.matcher(Files.readString(runFolder.resolve("sut.stdout.log")));
            assertThat(matcher.find()).as("the SUT script's port line in sut.stdout.log").isTrue();
            port = Integer.parseInt(matcher.group(1));
            assertThat(Listening.accepts("127.0.0.1:" + port)).as("the gateway listens on %d while the run plays", port).isTrue();
            assertThat(sutTree).as("the gateway the SUT's script started").isNotEmpty();

            run.destroyForcibly();
            assertThat(run.waitFor(30, TimeUnit.SECONDS)).as("the killed run's JVM exited").isTrue();
        } finally {
            run.destroyForcibly();
        }

        assertThat(run.exitValue()).as("exit status of the run killed with SIGKILL (128 + 9)").isEqualTo(137);
        assertThat(endsWithin(sutPid, GONE_WITHIN)).as("the SUT's first process %d ended within %s", sutPid, GONE_WITHIN)
                .isTrue();
        for (ProcessHandle process : sutTree) {
            assertThat(endsWithin(process.pid(), GONE_WITHIN)).as("the gateway process %d the SUT started ended within %s",
                    process.pid(), GONE_WITHIN).isTrue();
        }
        assertThat(stopsListeningWithin(port, GONE_WITHIN)).as("port %d free within %s", port, GONE_WITHIN).isTrue();
    }
}
