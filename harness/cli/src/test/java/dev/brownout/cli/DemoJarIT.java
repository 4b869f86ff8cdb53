package dev.brownout.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brownout.fakes.config.Mappers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's main command as a user runs it, after {@code package} built the jar: {@code java -jar
 * harness/cli/target/brownout.jar demo} from an empty directory, nothing else running, nothing installed.
 */
class DemoJarIT {

    /** The budget for the demo on this 2-core machine; it takes about two minutes (four runs). */
    private static final Duration BUDGET = Duration.ofMinutes(3);
    private static final Pattern RESULT = Pattern.compile(
            "^(reference-\\w+) +answered ([\\d.]+)% of tasks, IQ loss (-?[\\d.]+)% -> (.+)$", Pattern.MULTILINE);

    @TempDir
    Path workingDirectory;

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void theDemoPlaysTheOAuthOutageAgainstBothGatewaysAndWritesItsRunsUnderTheCurrentDirectory() throws Exception {
        Path jar = Path.of("target", "brownout.jar").toAbsolutePath();
        assertThat(jar).as("the jar package built").isRegularFile();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long started = System.nanoTime();
        Process demo = new ProcessBuilder(List.of(java, "-jar", jar.toString(), "demo"))
                .directory(workingDirectory.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(demo.getInputStream()));
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(demo.getErrorStream()));

        boolean ended = demo.waitFor(BUDGET.toSeconds(), TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        demo.destroyForcibly();

        assertThat(ended).as("the demo finished within %s; stderr so far: %s", BUDGET, stderr.getNow("")).isTrue();
        String out = stdout.get(10, TimeUnit.SECONDS);
        assertThat(demo.exitValue()).as("exit status; stdout: %s; stderr: %s", out, stderr.get()).isZero();
        Matcher results = RESULT.matcher(out);
        assertThat(results.find()).as("the naive gateway's result line in: %s", out).isTrue();
        assertThat(results.group(1)).isEqualTo("reference-naive");
        double naive = Double.parseDouble(results.group(2));
        double naiveLoss = Double.parseDouble(results.group(3));
        Path naiveRun = Path.of(results.group(4));
        assertThat(results.find()).as("the resilient gateway's result line in: %s", out).isTrue();
        assertThat(results.group(1)).isEqualTo("reference-resilient");
        double resilient = Double.parseDouble(results.group(2));
        double resilientLoss = Double.parseDouble(results.group(3));
        Path resilientRun = Path.of(results.group(4));

        for (Path run : List.of(naiveRun, resilientRun)) {
            assertThat(run.toRealPath().startsWith(workingDirectory.toRealPath().resolve("brownout-runs")))
                    .as("%s lies under ./brownout-runs of the demo's working directory", run).isTrue();
            JsonNode result = Mappers.json().readTree(run.resolve("result.json").toFile());
            assertThat(result.path("completed").asBoolean()).as("%s completed", run).isTrue();
            assertThat(result.path("scenario").path("name").asText()).isEqualTo("oauth-outage");
            assertThat(result.path("baseline").path("mode").asText()).as("measured against a baseline played first")
                    .isEqualTo("auto");
            assertThat(run.resolve("baseline").resolve("exchanges.jsonl")).as("the baseline run's exchanges").isRegularFile();
        }
        assertThat(resilient).as("share of tasks answered: resilient %s%% against naive %s%%", resilient, naive)
                .isGreaterThan(naive + 10);
        assertThat(resilientLoss).as("IQ loss: resilient %s%% against naive %s%%", resilientLoss, naiveLoss)
                .isLessThan(naiveLoss - 5);
        assertThat(took).as("the demo's wall time").isLessThan(BUDGET);
    }

    private static String read(java.io.InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
