package dev.brownout.gatling;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Gatling run that fails still closes the world and keeps what was measured: a user's step that throws together
 * with assertions that fail (Gatling exits 2, after() runs), and a run Gatling crashes in (its feeder runs dry:
 * Gatling rethrows out of main without calling after()).
 */
class FailedGatlingRunTest {

    @Test
    void aThrowingStepAndFailedAssertionsKeepAWholeMeasuredRun(@TempDir Path workDir) throws Exception {
        ForkedGatling.Result gatling = ForkedGatling.in(workDir).scenario("gatling-openai.yaml")
                .with("probe.failStep", true).with("probe.failAssertion", true).run();

        assertThat(gatling.exitCode()).as("Gatling's exit code for failed assertions; %s", gatling).isEqualTo(2);
        assertThat(gatling.output()).as("Gatling's output").contains("a user's step failed on purpose");
        Path folder = gatling.runFolder();
        JsonNode result = RunFiles.json(folder.resolve("result.json"));
        assertThat(result.path("completed").asBoolean()).as("the run played to its end; stop reason %s",
                result.path("stop_reason")).isTrue();
        assertThat(RunFiles.exchanges(folder).stream().map(e -> e.path("task_id").asText()).toList())
                .as("every task Gatling fed was recorded although the step after ask threw")
                .containsExactlyInAnyOrderElementsOf(gatling.fedTaskIds());
        assertWorldClosed(folder);
    }

    @Test
    void aGatlingCrashFinishesTheRunIncompleteWithTheReason(@TempDir Path workDir) throws Exception {
        ForkedGatling.Result gatling = ForkedGatling.in(workDir).scenario("gatling-openai.yaml")
                .with("probe.feedLimit", 15).run();

        assertThat(gatling.exitCode()).as("Gatling's exit code when its run crashed; %s", gatling).isNotZero();
        assertThat(gatling.output()).as("Gatling's output").contains("Run crashed");
        Path folder = gatling.runFolder();
        JsonNode result = RunFiles.json(folder.resolve("result.json"));
        assertThat(result.path("completed").asBoolean()).as("a crashed run is incomplete").isFalse();
        assertThat(result.path("stop_reason").asText()).as("its stop reason")
                .contains(BrownoutLoad.GATLING_ENDED_EARLY);
        List<String> recorded = RunFiles.exchanges(folder).stream().map(e -> e.path("task_id").asText()).toList();
        assertThat(recorded).as("exchanges measured before the crash (15 fed over 1.5 s, ~1 s each)").isNotEmpty();
        assertThat(gatling.fedTaskIds()).as("tasks fed").hasSize(15).containsAll(recorded);
        assertWorldClosed(folder);
    }

    /** The run was finished (summary.json has its end) and none of the world's or the SUT's ports is held. */
    static void assertWorldClosed(Path folder) throws IOException {
        JsonNode summary = RunFiles.json(folder.resolve("summary.json"));
        assertThat(summary.path("ended_at").isTextual()).as("summary.json records the run's end").isTrue();
        assertPortsFree(folder, summary.path("sut_base_url").asText(null));
    }

    /** None of the world's ports (world.json's listeners) nor the SUT's (its base URL, when known) is held. */
    static void assertPortsFree(Path folder, String sutBaseUrl) throws IOException {
        List<Integer> ports = new ArrayList<>();
        for (JsonNode listener : RunFiles.json(folder.resolve("world.json")).path("listeners")) {
            String address = listener.asText();
            ports.add(Integer.parseInt(address.substring(address.lastIndexOf(':') + 1)));
        }
        if (sutBaseUrl != null) {
            ports.add(URI.create(sutBaseUrl).getPort());
        }
        assertThat(ports).as("ports of the world (world.json listeners) and the SUT").isNotEmpty();
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(socket.isBound()).as("port %d is free again", port).isTrue();
            }
        }
    }
}
