package dev.brownout.gatling;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A simulation that plays the baseline population first ({@code baselineTasks()}, {@code andThen}) and marks wrong
 * answers KO, streamed: the provider's answers lose quality in the measured population only.
 */
class BaselineAndWrongAnswersTest {

    @TempDir
    static Path workDir;

    private static ForkedGatling.Result gatling;
    private static Path runFolder;

    @BeforeAll
    static void playBaselineThenDegradedAnswers() throws Exception {
        gatling = ForkedGatling.in(workDir).scenario("gatling-wrong-answers.yaml").sut("anthropic-direct.yaml")
                .with("probe.baseline", "auto").with("probe.wrongKo", true).run();
        assertThat(gatling.exitCode()).as("Gatling's exit code; %s", gatling).isZero();
        runFolder = gatling.runFolder();
    }

    @Test
    void bothPopulationsAreRecordedAndTheIqLossIsMeasuredAgainstTheBaseline() throws Exception {
        List<String> recorded = new ArrayList<>();
        RunFiles.exchanges(runFolder.resolve("baseline")).forEach(e -> recorded.add(e.path("task_id").asText()));
        int baseline = recorded.size();
        RunFiles.exchanges(runFolder).forEach(e -> recorded.add(e.path("task_id").asText()));

        assertThat(baseline).as("exchanges of the baseline population").isEqualTo(20);
        assertThat(recorded).as("task ids of both populations' exchanges, against those Gatling fed")
                .containsExactlyInAnyOrderElementsOf(gatling.fedTaskIds());
        JsonNode quality = RunFiles.json(runFolder.resolve("result.json")).path("quality");
        assertThat(quality.path("baseline_score").isNumber()).as("the baseline's score in result.json: %s", quality)
                .isTrue();
        assertThat(quality.path("iq_loss").path("value").asDouble()).as("the IQ loss of degraded answers against "
                + "the clean baseline").isGreaterThan(0.0);
    }

    @Test
    void exactlyTheWrongAnswersAreKoInGatlingsStatistics() throws Exception {
        long wrong = 0;
        long total = 0;
        for (Path folder : List.of(runFolder.resolve("baseline"), runFolder)) {
            for (JsonNode exchange : RunFiles.exchanges(folder)) {
                total++;
                if (exchange.path("score").asDouble() < 1) {
                    wrong++;
                }
            }
        }
        long[] stream = lastCounts("probe stream");

        assertThat(wrong).as("wrong answers graded, of %d", total).isBetween(1L, total - 1);
        assertThat(stream[2]).as("KO count of 'probe stream' in Gatling's final statistics").isEqualTo(wrong);
        assertThat(stream[0]).as("its total").isEqualTo(total);
        assertThat(lastCounts("probe")[2]).as("KO count of the connects ('probe'): every stream was accepted")
                .isZero();
    }

    /** Total, OK and KO of a request in the last statistics table Gatling printed. */
    private static long[] lastCounts(String request) {
        Matcher matcher = Pattern.compile("(?m)^> " + Pattern.quote(request) + "\\s+\\|\\s+(\\d+) \\|\\s+(\\d+) \\|\\s+(\\d+)")
                .matcher(gatling.output());
        long[] counts = null;
        while (matcher.find()) {
            counts = new long[] {Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)),
                    Long.parseLong(matcher.group(3))};
        }
        assertThat(counts).as("a statistics line for %s in Gatling's output", request).isNotNull();
        return counts;
    }
}
