package dev.brownout.readme;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.models.messages.MessageCreateParams;
import dev.brownout.Brownout;
import dev.brownout.BrownoutRun;
import dev.brownout.BrownoutWorld;
import dev.brownout.Faults;
import dev.brownout.Sut;
import dev.brownout.WorldProvider;
import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.reports.Estimate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The README's Java examples, compiled and run exactly as written: each example is the code between a
 * {@code // README: name} line and {@code // README end} below, and the README must show the same lines.
 */
class ReadmeExamplesTest {

    private static final Path README = Path.of("../../README.md");

    @TempDir
    Path runs;

    @Test
    void aMeasuredRunOfTheOAuthOutageAgainstTheResilientGatewayPassesItsGates() {
        // README: measured-run
        BrownoutRun run = Brownout.scenario("oauth-outage")     // a shipped scenario, a file, or a Scenario
                .timeScale(0.05)                                 // the 4-minute scenario in 12 s
                .loadScale(0.25)                                 // a quarter of its load, for a small machine
                .against(Sut.reference("resilient"))             // or Sut.openAiChat(url), Sut.fromFile(path), Sut.inJvm(...)
                .outputTo(runs)
                .run();                                          // baseline, then the scenario; result.json and every report

        Estimate iqLoss = run.result().quality().iqLoss();       // 1 - Q(chaos) / Q(baseline), with its 95% interval
        boolean passed = run.passed();                           // completed, and every gate of the scenario held
        Path report = run.reportHtml();                          // one self-contained page
        // README end

        assertThat(run.completed()).as("the run played to its end; stop reason: %s", run.stopReason()).isTrue();
        assertThat(iqLoss).as("IQ loss measured against the played baseline").isNotNull();
        assertThat(iqLoss.value()).as("the resilient gateway falls back to the api-key backup: IQ loss %s", iqLoss)
                .isLessThan(0.05);
        assertThat(run.gates().outcomes()).as("the scenario's gates, judged").isNotEmpty();
        assertThat(passed).as("the resilient gateway passes oauth-outage's gates: %s", run.gates().failures()).isTrue();
        assertThat(report).as("report.html in the run folder").exists().hasParent(run.folder());
        assertThat(run.resultJson()).as("result.json in the run folder").exists();
        assertThat(run.summaryMarkdown()).as("summary.md").exists();
        assertThat(run.junitXml()).as("junit.xml").exists();
    }

    @Test
    void aWorldDrivenDirectlyEntersAPhaseTakesAnAdHocFaultAndKeepsATypedLedger() throws Exception {
        // README: world
        try (BrownoutWorld world = Brownout.world("oauth-outage")) {
            WorldProvider backup = world.provider("backup");    // an Anthropic-compatible provider behind its fault proxy
            AnthropicClient claude = AnthropicOkHttpClient.builder()
                    .baseUrl(backup.baseUrl()).apiKey(backup.apiKey()).maxRetries(0).build();

            world.enter("oauth-down");                           // exactly that phase's faults: the token endpoint is down
            backup.behaviour(Faults.error(529).probability(0.5)); // and half of the backup's answers are overloaded

            int answered = 0;
            for (int i = 0; i < 20; i++) {
                try {
                    claude.messages().create(MessageCreateParams.builder()
                            .model("mid").maxTokens(64).addUserMessage("What is 17 + 25?").build());
                    answered++;
                } catch (AnthropicServiceException overloaded) {
                    // a 529, exactly as the real API sends it
                }
            }
            List<ProviderCall> calls = backup.ledger();          // every call the backup saw, typed
            long refused = calls.stream().filter(call -> call.status() == 529).count();

            world.reset();                                       // clean faults; the ledger starts afresh
            // README end
            assertThat(calls).as("every request reached the backup's ledger").hasSize(20);
            assertThat(refused + answered).as("each call either answered or was refused with a 529").isEqualTo(20);
            assertThat(refused).as("about half of 20 calls refused at probability 0.5 (seeded draw)").isBetween(3L, 17L);
            assertThat(tokenEndpointAnswers(world.oauth().tokenUrl())).as("after reset the token endpoint answers again")
                    .isTrue();
            assertThat(backup.ledger()).as("the ledger after reset holds only calls made since").isEmpty();
            world.enter("oauth-down");
            assertThat(tokenEndpointAnswers(world.oauth().tokenUrl())).as("in oauth-down the token endpoint is unreachable")
                    .isFalse();
        }
    }

    @Test
    void theReadmeShowsEachExampleExactlyAsItRuns() throws IOException {
        String readme = Files.readString(README);
        String source = Files.readString(Path.of("src/test/java/dev/brownout/readme/ReadmeExamplesTest.java"));
        Matcher example = Pattern.compile("// README: ([a-z-]+)\\n(.*?)\\n\\s*// README end", Pattern.DOTALL).matcher(source);
        List<String> names = new ArrayList<>();
        while (example.find()) {
            names.add(example.group(1));
            assertThat(readme).as("README.md shows the '%s' example as this test runs it", example.group(1))
                    .contains(dedent(example.group(2)));
        }
        assertThat(names).as("examples in this test").containsExactly("measured-run", "world");
    }

    @Test
    void aWorldUsedAfterItClosedSaysSo() {
        BrownoutWorld world = Brownout.world("oauth-outage");
        world.close();

        assertThatThrownBy(() -> world.provider("backup")).as("a closed world refuses use")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is closed");
    }

    @Test
    void anUnknownPhaseOrProviderNamesTheValidOnes() {
        try (BrownoutWorld world = Brownout.world("oauth-outage")) {
            assertThatThrownBy(() -> world.enter("meltdown")).as("an unknown phase")
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'meltdown'").hasMessageContaining("steady, oauth-down, recovery");
            assertThatThrownBy(() -> world.provider("tertiary")).as("an unknown provider")
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'tertiary'").hasMessageContaining("primary, backup");
        }
    }

    @Test
    void anUnknownScenarioNamesTheShippedOnes() {
        assertThatThrownBy(() -> Brownout.scenario("oauth-outgae")).as("a misspelt scenario name")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'oauth-outgae'").hasMessageContaining("oauth-outage");
    }

    /** Whether the token endpoint answers at all (any HTTP status), or refuses the connection. */
    private static boolean tokenEndpointAnswers(String tokenUrl) throws InterruptedException {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            http.send(HttpRequest.newBuilder(URI.create(tokenUrl)).timeout(Duration.ofSeconds(5))
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                    .header("Content-Type", "application/x-www-form-urlencoded").build(), HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** The example's lines with the indentation of its first line removed, as the README shows them. */
    private static String dedent(String block) {
        List<String> lines = block.lines().toList();
        int indent = lines.getFirst().length() - lines.getFirst().stripLeading().length();
        return String.join("\n", lines.stream()
                .map(line -> line.length() >= indent && line.substring(0, indent).isBlank() ? line.substring(indent) : line.strip())
                .toList());
    }
}
