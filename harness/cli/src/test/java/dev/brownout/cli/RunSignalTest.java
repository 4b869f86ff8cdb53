package dev.brownout.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brownout.fakes.config.Mappers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ctrl-C on a real {@code brownout run} process while the scenario plays (after its baseline): a real
 * SIGINT, then a clean world and an incomplete result that keeps what was measured.
 */
class RunSignalTest {

    @TempDir
    Path folder;

    private int expectedStatus;

    /** Whether the process ignores SIGINT (bit 2 of its ignored-signal mask), as one inherits from a background job. */
    private static boolean ignoresSigint(long pid) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.isRegularFile(status)) {
            return false;
        }
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("SigIgn:"))
                .map(line -> new BigInteger(line.substring("SigIgn:".length()).trim(), 16))
                .anyMatch(mask -> mask.testBit(1));
    }

    @Test
    void ctrlCEndsTheRunCleanlyAndKeepsWhatItMeasured() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the short outage on a clock three times as long: nine seconds, time enough to interrupt it in 'sick'
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                BrownoutCli.class.getName(), "run", "src/test/resources/run/short-outage.yaml",
                "--sut", "reference:resilient", "--time-scale", "3", "--warmup", "500ms", "--out", folder.toString()))
                .redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        CompletableFuture<Boolean> sick = new CompletableFuture<>();
        int[] sickSeen = {0};
        Thread.ofVirtual().start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    synchronized (output) {
                        output.add(line);
                    }
                    // the baseline plays its phases first; the second 'sick' is the scenario's own
                    if (line.startsWith("phase sick at") && ++sickSeen[0] == 2) {
                        sick.complete(true);
                    }
                }
            } catch (IOException ignored) {
                // the process is gone
            }
            sick.complete(false);
        });
        try {
            assertThat(sick.get(90, TimeUnit.SECONDS)).as("the scenario's run reached phase 'sick'; output: %s", output).isTrue();

            // a job started in the background without job control (nohup ... &) ignores SIGINT, and so does every
            // JVM it starts: the clean stop is then proven with SIGTERM, which takes the same path
            boolean interruptible = !ignoresSigint(process.pid());
            String signal = interruptible ? "-INT" : "-TERM";
            expectedStatus = interruptible ? 130 : 143;
            Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
            assertThat(kill.waitFor()).as("kill " + signal).isZero();

            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the run exits after Ctrl-C; output: %s", output).isTrue();
        } finally {
            process.destroyForcibly();
        }

        assertThat(process.exitValue()).as("exit status after the signal (128 + 2 for SIGINT, 128 + 15 for SIGTERM)")
                .isEqualTo(expectedStatus);
        Path run;
        try (Stream<Path> runs = Files.list(folder)) {
            run = runs.findFirst().orElseThrow();
        }
        JsonNode result = Mappers.json().readTree(run.resolve("result.json").toFile());
        assertThat(result.path("completed").asBoolean(true)).as("result.json: completed").isFalse();
        assertThat(result.path("stop_reason").asText()).as("result.json: stop reason").contains("signal");
        assertThat(result.path("baseline").path("completed").asBoolean()).as("the baseline had played to its end").isTrue();
        JsonNode summary = Mappers.json().readTree(run.resolve("summary.json").toFile());
        assertThat(summary.path("completed").asBoolean(true)).as("summary.json: completed").isFalse();
        assertThat(summary.path("stop_reason").asText()).as("summary.json: stop reason").contains("signal");
        long sent = summary.path("totals").path("sent").asLong();
        assertThat(sent).as("exchanges measured before the signal").isPositive();
        assertThat(Files.readAllLines(run.resolve("exchanges.jsonl"))).as("exchanges.jsonl keeps every one").hasSize((int) sent);
        assertThat(result.path("exchanges")).as("result.json keeps the measured exchanges").hasSize((int) sent);
        List<String> listeners = new ArrayList<>();
        for (Path world : List.of(run.resolve("world.json"), run.resolve("baseline").resolve("world.json"))) {
            Mappers.json().readTree(world.toFile()).path("listeners").forEach(n -> listeners.add(n.asText()));
        }
        URI sut = URI.create(summary.path("sut_base_url").asText());
        listeners.add(sut.getHost() + ":" + sut.getPort());
        assertThat(listeners).as("the world's and the SUT's addresses accepting connections after the exit")
                .hasSizeGreaterThanOrEqualTo(6).noneMatch(Listening::accepts);
    }
}
